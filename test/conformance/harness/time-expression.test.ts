import { describe, expect, it } from 'vitest';
import { parseDuration, resolveTime } from './time-expression.js';

const NOW = Date.parse('2026-01-02T03:04:05.678Z');

describe('resolveTime', () => {
  it.each([
    ['now', '2026-01-02T03:04:05.678Z'],
    ['now+5m', '2026-01-02T03:09:05.678Z'],
    ['now-1h30m', '2026-01-02T01:34:05.678Z'],
    ['now+1500ms', '2026-01-02T03:04:07.178Z'],
    ['0001-01-01T00:00:00.000Z', '0001-01-01T00:00:00.000Z'], // absolute times pass through (amtool's zero time)
  ])('%s -> %s', (expression, iso) => {
    expect(resolveTime(expression, NOW)).toBe(iso);
  });

  it('calls a function with the instant', () => {
    expect(resolveTime((now) => new Date(now - 678).toISOString(), NOW)).toBe('2026-01-02T03:04:05.000Z');
  });
});

describe('parseDuration', () => {
  it.each(['', '5', '2.5s', 'm5', '5m '])('rejects %j', (text) => {
    expect(() => parseDuration(text)).toThrow(/not a duration/);
  });
  it('adds up compound durations', () => {
    expect(parseDuration('1d2h3m4s5ms')).toBe(86_400_000 + 7_200_000 + 180_000 + 4_000 + 5);
  });
});
