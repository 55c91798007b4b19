import { describe, expect, it } from 'vitest';
import type { Result } from '../util/result.js';
import type { InclusiveRange } from './types.js';
import { parseDayOfMonthRange, parseMonthRange, parseWeekdayRange, parseYearRange } from './parse-range.js';

/** [input, expected range [begin, end] or error message, reason]. */
type Row = [string, [number, number] | string, string];

function check(parse: (text: string) => Result<InclusiveRange, string>, rows: Row[]) {
  it.each(rows)('%s -> %j (%s)', (input, want) => {
    const got = parse(input);
    if (typeof want === 'string') expect(got).toEqual({ ok: false, error: want });
    else expect(got).toEqual({ ok: true, value: { begin: want[0], end: want[1] } });
  });
}

describe('weekdays', () => {
  check(parseWeekdayRange, [
    ['sunday', [0, 0], 'a single day is a one-day range; sunday is 0'],
    ['saturday', [6, 6], 'saturday is 6'],
    ['monday:friday', [1, 5], 'a range of names'],
    ['sunday:saturday', [0, 6], 'the whole week'],
    ['Monday:FRIDAY', [1, 5], 'names are case-insensitive'],
    ['friday:friday', [5, 5], 'a range may start and end on the same day'],
    // amtool: "start day cannot be before end day"
    ['monday:sunday', 'end day sunday is before start day monday (weekday ranges run from sunday to saturday)', 'ranges do not wrap past saturday'],
    ['saturday:sunday', 'end day sunday is before start day saturday (weekday ranges run from sunday to saturday)', 'a weekend is written as two entries'],
    // amtool: "mon is not a valid weekday"
    ['mon', '"mon" is not a valid weekday (use full names, e.g. "monday")', 'no abbreviations'],
    ['1', '"1" is not a valid weekday (use full names, e.g. "monday")', 'no numbers'],
    [' monday', '" monday" is not a valid weekday (use full names, e.g. "monday")', 'no surrounding spaces'],
    ['', '"" is not a valid weekday (use full names, e.g. "monday")', 'an empty string'],
    ['monday:', '"" is not a valid weekday (use full names, e.g. "monday")', 'a range needs both ends'],
    // amtool: "couldn't parse range monday:tuesday:friday, invalid format"
    ['monday:tuesday:friday', 'couldn\'t parse range "monday:tuesday:friday", invalid format (expected start:end)', 'at most one colon'],
  ]);
});

describe('days_of_month', () => {
  check(parseDayOfMonthRange, [
    ['1', [1, 1], 'a single day'],
    ['1:5', [1, 5], 'a range'],
    ['31', [31, 31], 'the largest day'],
    ['-1', [-1, -1], 'the last day of the month'],
    ['-3:-1', [-3, -1], 'the last three days'],
    ['-31:-31', [-31, -31], 'the smallest negative day'],
    ['1:-1', [1, -1], 'a positive start may end with a negative day: the whole month'],
    ['27:-1', [27, -1], 'valid because in February (28 days) -1 is day 28'],
    ['+5', [5, 5], 'Go integers may carry a + sign'],
    ['05:07', [5, 7], 'leading zeros are fine'],
    // amtool: "0 is not a valid day of the month: out of range"
    ['0', '0 is not a valid day of the month: out of range (use 1 to 31, or -31 to -1 counting back from the last day)', 'there is no day 0'],
    ['32', '32 is not a valid day of the month: out of range (use 1 to 31, or -31 to -1 counting back from the last day)', 'no month has 32 days'],
    ['-32:-1', '-32 is not a valid day of the month: out of range (use 1 to 31, or -31 to -1 counting back from the last day)', 'nor 32 days from its end'],
    // amtool: "end day must be negative if start day is negative"
    ['-1:5', 'invalid range "-1:5": end day must be negative if start day is negative', 'a negative start needs a negative end'],
    ['-10:20', 'invalid range "-10:20": end day must be negative if start day is negative', 'even when the range would be non-empty in some months'],
    // amtool: "end day -1 is always before start day 28"
    ['28:-1', 'end day -1 is always before start day 28', 'rejected like Alertmanager, whose 28-day check counts -1 as day 27 (it is day 28 in February)'],
    ['-1:-3', 'end day -3 is always before start day -1', 'a backwards negative range'],
    ['5:1', 'end day 1 is always before start day 5', 'a backwards range'],
    // amtool: 'strconv.Atoi: parsing "a": invalid syntax'
    ['a', 'invalid day of the month "a": not an integer', 'not a number'],
    ['1.5', 'invalid day of the month "1.5": not an integer', 'not an integer'],
    [' 5', 'invalid day of the month " 5": not an integer', 'no spaces'],
    ['0x1', 'invalid day of the month "0x1": not an integer', 'decimal only'],
    ['1_0', 'invalid day of the month "1_0": not an integer', 'no digit separators'],
    ['1:', 'invalid day of the month "": not an integer', 'a range needs both ends'],
    ['99999999999999999999', 'invalid day of the month "99999999999999999999": value out of range', 'beyond int64'],
  ]);
});

describe('months', () => {
  check(parseMonthRange, [
    ['january', [1, 1], 'january is 1'],
    ['december', [12, 12], 'december is 12'],
    ['january:march', [1, 3], 'a range of names'],
    ['1:3', [1, 3], 'numbers work too'],
    ['may:7', [5, 7], 'names and numbers mix'],
    ['JUNE', [6, 6], 'names are case-insensitive'],
    ['+3', [3, 3], 'a signed number'],
    // Alertmanager 0.25 does not range-check month numbers (amtool accepts all three).
    ['13', [13, 13], 'accepted like Alertmanager; it never matches'],
    ['0', [0, 0], 'accepted like Alertmanager; it never matches'],
    ['12:13', [12, 13], 'accepted like Alertmanager; matches december'],
    // amtool: "end month january is before start month march"
    ['March:January', 'end month january is before start month march', 'a backwards range'],
    ['february:1', 'end month january is before start month february', 'a backwards mixed range'],
    // amtool: "end month  is before start month " (empty names for numbers out of range)
    ['14:13', 'end month 13 is before start month 14', 'numbers without a name are printed as numbers'],
    // amtool: "jan is not a valid month"
    ['jan', '"jan" is not a valid month', 'no abbreviations'],
    ['', '"" is not a valid month', 'an empty string'],
    ['0x3', '"0x3" is not a valid month', 'decimal only'],
  ]);
});

describe('years', () => {
  check(parseYearRange, [
    ['2024', [2024, 2024], 'a single year'],
    ['2020:2025', [2020, 2025], 'a range'],
    ['-5', [-5, -5], 'Alertmanager accepts any integer (amtool: accepted)'],
    ['-10:-5', [-10, -5], 'negative ranges too'],
    // amtool: "end year 2020 is before start year 2022"
    ['2022:2020', 'end year 2020 is before start year 2022', 'a backwards range'],
    ['-5:-10', 'end year -10 is before start year -5', 'a backwards negative range'],
    // amtool: 'strconv.Atoi: parsing "": invalid syntax'
    ['2020:', 'invalid year "": not an integer', 'a range needs both ends'],
    ['2020-01-01', 'invalid year "2020-01-01": not an integer', 'a date is not a year'],
  ]);
});
