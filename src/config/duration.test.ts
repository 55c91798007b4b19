import { describe, expect, it } from 'vitest';
import { formatDuration, parseDuration } from './duration.js';

const S = 1000;
const M = 60 * S;
const H = 60 * M;
const D = 24 * H;

describe('parseDuration', () => {
  it.each([
    ['0', 0, 'a bare zero needs no unit'],
    ['0s', 0, 'zero with a unit'],
    ['1ms', 1, 'milliseconds'],
    ['1500ms', 1500, 'milliseconds above a second are not normalised away'],
    ['30s', 30 * S, 'seconds'],
    ['5m', 5 * M, 'minutes'],
    ['4h', 4 * H, 'hours'],
    ['1d', D, 'a day is 24h'],
    ['1w', 7 * D, 'a week is 7d'],
    ['1y', 365 * D, 'a year is 365d'],
    ['1h30m', H + 30 * M, 'combination in order'],
    ['1y2w3d4h5m6s7ms', 365 * D + 14 * D + 3 * D + 4 * H + 5 * M + 6 * S + 7, 'every unit once, in order'],
    ['90m', 90 * M, 'a unit may exceed the next larger one'],
    ['007s', 7 * S, 'leading zeros are digits like any other'],
    ['292y', 292 * 365 * D, 'just inside the int64-nanosecond range'],
  ])('parses %s', (input, want, _why) => {
    expect(parseDuration(input)).toEqual({ ok: true, value: want });
  });

  it.each([
    ['', 'empty duration string', 'empty'],
    ['1.5h', 'not a valid duration string: "1.5h"', 'no fractions'],
    ['30', 'not a valid duration string: "30"', 'a number without unit (only 0 may omit it)'],
    ['00', 'not a valid duration string: "00"', 'only the exact string 0 is unitless'],
    ['30m1h', 'not a valid duration string: "30m1h"', 'units out of order'],
    ['1h1h', 'not a valid duration string: "1h1h"', 'a unit twice'],
    ['-5m', 'not a valid duration string: "-5m"', 'no sign'],
    ['1 h', 'not a valid duration string: "1 h"', 'no spaces'],
    ['5M', 'not a valid duration string: "5M"', 'units are lower case'],
    ['1us', 'not a valid duration string: "1us"', 'Go time.Duration units are not Prometheus units'],
    ['293y', 'duration out of range', 'beyond int64 nanoseconds'],
    ['106751d23h47m16s855ms', 'duration out of range', 'one millisecond past the int64 limit'],
  ])('rejects %j', (input, message, _why) => {
    expect(parseDuration(input)).toEqual({ ok: false, error: message });
  });

  it('accepts the largest representable value', () => {
    // 2^63-1 ns = 106751d23h47m16s854ms (and 775807ns, dropped).
    expect(parseDuration('106751d23h47m16s854ms')).toEqual({ ok: true, value: 9_223_372_036_854 });
  });
});

describe('formatDuration', () => {
  it.each([
    [0, '0s', 'zero prints as 0s'],
    [1, '1ms', 'milliseconds'],
    [1500, '1s500ms', 'seconds then milliseconds'],
    [90 * M, '1h30m', 'hours then minutes'],
    [4 * H, '4h', 'exact hours'],
    [D, '1d', 'days'],
    [7 * D, '1w', 'whole weeks use w'],
    [90 * D, '90d', 'weeks only when exact: 90d, not 12w6d'],
    [365 * D, '1y', 'whole years'],
    [366 * D, '366d', 'years only when exact'],
    [14 * D + H, '14d1h', 'a remainder prevents w'],
    [1.9, '1ms', 'sub-millisecond fractions are dropped'],
  ])('formats %d as %s', (ms, want, _why) => {
    expect(formatDuration(ms)).toBe(want);
  });

  it.each(['0s', '1ms', '30s', '5m', '1h30m', '1d', '2w', '1y', '3d4h5m6s7ms'])('round-trips %s', (s) => {
    const parsed = parseDuration(s);
    expect(parsed.ok && formatDuration(parsed.value)).toBe(s);
  });
});
