import { describe, expect, it } from 'vitest';
import { GoDuration } from './go-duration.js';
import { humanizeDuration, parseGoFloat } from './humanize-duration.js';

// The table of prometheus/common helpers/templates/time_test.go (v0.61.0, used by Alertmanager 0.28).
describe('humanizeDuration', () => {
  it.each([
    [0, '0s'],
    [1, '1s'],
    [60, '1m 0s'],
    [3600, '1h 0m 0s'],
    [86400, '1d 0h 0m 0s'],
    [86400 + 3600, '1d 1h 0m 0s'],
    [-(86400 * 2 + 3600 * 3 + 60 * 4 + 5), '-2d 3h 4m 5s'],
    [899.99, '14m 59s'],
    [0.1, '100ms'],
    [0.0001, '100us'],
    [0.12345, '123.5ms'],
    [60.1, '1m 0s'],
    [60.5, '1m 0s'],
    [1.2345, '1.234s'],
    [12.345, '12.35s'],
    ['0', '0s'],
    ['60', '1m 0s'],
    ['.1', '100ms'],
    ['.12345', '123.5ms'],
    ['12.345', '12.35s'],
    [-1, '-1s'],
    [1234567, '14d 6h 56m 7s'],
    [Infinity, '+Inf'],
    [Number.NaN, 'NaN'],
    ['-Inf', '-Inf'],
    [new GoDuration(90_500), '1m 30s'],
    [new GoDuration(250), '250ms'],
  ] as const)('%s -> %s', (input, want) => {
    expect(humanizeDuration(input)).toBe(want);
  });

  it.each([
    ['one', 'strconv.ParseFloat: parsing "one": invalid syntax'],
    ['1e400', 'strconv.ParseFloat: parsing "1e400": value out of range'],
    [' 1', 'strconv.ParseFloat: parsing " 1": invalid syntax'],
    [true, "can't convert bool to float"],
  ])('refuses %j: %s', (input, message) => {
    expect(() => humanizeDuration(input)).toThrow(message);
  });
});

describe('parseGoFloat (strconv.ParseFloat)', () => {
  it.each([
    ['1', 1],
    ['-2.5e3', -2500],
    ['.5', 0.5],
    ['5.', 5],
    ['+inf', Infinity],
    ['-Infinity', -Infinity],
  ])('%s -> %d', (text, want) => {
    expect(parseGoFloat(text)).toBe(want);
  });

  it.each(['', '1_000', '0x10', '1e', 'nan1'])('refuses %j', (text) => {
    expect(() => parseGoFloat(text)).toThrow('invalid syntax');
  });
});
