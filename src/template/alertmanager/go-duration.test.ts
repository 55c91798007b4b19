import { describe, expect, it } from 'vitest';
import { formatDuration, GoDuration } from './go-duration.js';
import { render } from './testdata/render.js';

describe('formatDuration (Go Duration.String)', () => {
  it.each([
    [0, '0s', 'zero has a unit'],
    [1, '1ms', 'below a second in milliseconds'],
    [999, '999ms', ''],
    [1000, '1s', ''],
    [1500, '1.5s', 'fraction of a second, trailing zeros dropped'],
    [1005, '1.005s', 'leading zeros of the fraction kept'],
    [61_000, '1m1s', 'minutes'],
    [3_600_000, '1h0m0s', 'hours print every smaller unit'],
    [3_723_456, '1h2m3.456s', ''],
    [100 * 3_600_000, '100h0m0s', 'no days: hours keep counting'],
    [-1500, '-1.5s', 'negative'],
    [-250, '-250ms', ''],
  ])('%d ms -> %s %s', (ms, want) => {
    expect(formatDuration(ms)).toBe(want);
  });
});

describe('GoDuration', () => {
  const d = new GoDuration(5_400_000);

  it('has Go float methods and Milliseconds', () => {
    expect([d.Hours().value, d.Minutes().value, d.Seconds().value, d.Milliseconds()]).toEqual([1.5, 90, 5400, 5_400_000]);
  });

  it('prints with String and its methods are callable from templates', () => {
    expect(render('{{ .D }} {{ .D.Hours }} {{ printf "%.1f" .D.Minutes }} {{ printf "%T" .D }}', { D: d })).toBe('1h30m0s 1.5 90.0 time.Duration');
  });
});
