import { describe, expect, it } from 'vitest';
import { intervalContains, isActiveAt } from './contains.js';
import type { InclusiveRange, TimeInterval } from './types.js';

const r = (begin: number, end = begin): InclusiveRange => ({ begin, end });
const hours = (start: number, end: number) => ({ startMinute: start * 60, endMinute: end * 60 });

/** [reason, interval, instants inside, instants outside]; instants are ISO strings with their offset. */
type Row = [string, TimeInterval, string[], string[]];

function table(rows: Row[]) {
  it.each(rows)('%s', (_why, interval, inside, outside) => {
    for (const iso of inside) expect(intervalContains(interval, Date.parse(iso)), `${iso} inside`).toBe(true);
    for (const iso of outside) expect(intervalContains(interval, Date.parse(iso)), `${iso} outside`).toBe(false);
  });
}

describe('intervalContains: fields and ranges', () => {
  table([
    ['an empty interval holds every instant', {}, ['2006-01-02T15:04:00Z', '2007-01-03T10:04:00Z'], []],
    [
      'office hours, monday to friday (Alertmanager test)',
      { times: [hours(9, 17)], weekdays: [r(1, 5)] },
      ['2020-05-04T15:04:00Z', '2020-05-05T10:04:00Z', '2020-06-09T09:04:00Z'],
      ['2020-05-03T15:04:00Z', '2020-05-04T08:59:00Z', '2020-05-05T05:00:00Z'],
    ],
    [
      'start_time is inclusive, end_time exclusive',
      { times: [hours(9, 17)] },
      ['2024-01-01T09:00:00Z', '2024-01-01T16:59:59.999Z'],
      ['2024-01-01T08:59:59.999Z', '2024-01-01T17:00:00Z'],
    ],
    [
      '00:00 to 24:00 is the whole day',
      { times: [{ startMinute: 0, endMinute: 1440 }] },
      ['2024-01-01T00:00:00Z', '2024-01-01T23:59:59.999Z'],
      [],
    ],
    [
      'an end of 24:00 includes the last minute; the next day starts outside',
      { times: [{ startMinute: 23 * 60, endMinute: 1440 }] },
      ['2024-01-01T23:00:00Z', '2024-01-01T23:59:00Z'],
      ['2024-01-02T00:00:00Z', '2024-01-01T22:59:00Z'],
    ],
    [
      'the items of a field are ORed: night hours as two ranges',
      { times: [hours(0, 6), hours(22, 24)] },
      ['2024-01-01T05:59:00Z', '2024-01-01T22:00:00Z', '2024-01-01T00:00:00Z'],
      ['2024-01-01T06:00:00Z', '2024-01-01T21:59:00Z'],
    ],
    [
      'weekend as two weekday entries (saturday:sunday is invalid)',
      { weekdays: [r(6), r(0)] },
      ['2024-06-01T12:00:00Z', '2024-06-02T12:00:00Z'],
      ['2024-06-03T12:00:00Z', '2024-05-31T23:59:00Z'],
    ],
    [
      'sunday:saturday is every day',
      { weekdays: [r(0, 6)] },
      ['2024-06-01T12:00:00Z', '2024-06-02T12:00:00Z', '2024-06-05T12:00:00Z'],
      [],
    ],
    [
      'Easter 2020 (Alertmanager test): days, month and year ANDed',
      { daysOfMonth: [r(4, 6)], months: [r(4)], years: [r(2020)] },
      ['2020-04-04T15:04:00Z', '2020-04-05T00:00:00Z', '2020-04-06T23:05:00Z'],
      ['2018-05-03T15:04:00Z', '2020-04-03T23:59:00Z', '2020-06-04T23:59:00Z', '2019-04-06T23:59:00Z', '2020-04-07T00:00:00Z'],
    ],
    [
      'months as a range: the first quarter',
      { months: [r(1, 3)] },
      ['2024-01-01T00:00:00Z', '2024-03-31T23:59:00Z'],
      ['2023-12-31T23:59:00Z', '2024-04-01T00:00:00Z'],
    ],
    [
      'years as ranges, ORed',
      { years: [r(2020, 2022), r(2030)] },
      ['2020-01-01T00:00:00Z', '2022-12-31T23:59:00Z', '2030-06-01T00:00:00Z'],
      ['2019-12-31T23:59:00Z', '2023-01-01T00:00:00Z', '2029-06-01T00:00:00Z'],
    ],
    [
      'last week of the first quarter, business hours, some years (Alertmanager test)',
      { weekdays: [r(1, 5), r(0)], months: [r(1, 3)], daysOfMonth: [r(-7, -1)], years: [r(2020, 2025), r(2030, 2035)], times: [hours(9, 17)] },
      ['2020-01-27T09:00:00Z', '2020-03-29T16:59:00Z', '2031-02-25T12:00:00Z'],
      ['2020-01-25T12:00:00Z', '2020-01-24T12:00:00Z', '2020-04-27T12:00:00Z', '2026-01-27T12:00:00Z', '2020-01-27T17:00:00Z'],
    ],
    [
      'a month number out of 1..12 (accepted like Alertmanager) never matches',
      { months: [r(13)] },
      [],
      ['2024-01-15T00:00:00Z', '2024-12-15T00:00:00Z'],
    ],
  ]);
});

describe('intervalContains: an empty list is not an absent field', () => {
  table([
    ['times: [] holds nothing', { times: [] }, [], ['2024-01-01T12:00:00Z']],
    ['weekdays: [] holds nothing', { weekdays: [] }, [], ['2024-01-01T12:00:00Z']],
    ['days_of_month: [] holds nothing', { daysOfMonth: [] }, [], ['2024-01-01T12:00:00Z']],
    ['months: [] holds nothing', { months: [] }, [], ['2024-01-01T12:00:00Z']],
    ['years: [] holds nothing', { years: [] }, [], ['2024-01-01T12:00:00Z']],
  ]);
});

describe('intervalContains: days of the month', () => {
  table([
    [
      'the last three days (Alertmanager test), including 29 February 2020',
      { daysOfMonth: [r(-3, -1)] },
      ['2020-01-31T15:04:00Z', '2020-01-30T15:04:00Z', '2020-01-29T15:04:00Z', '2020-06-30T00:00:00Z', '2020-02-29T23:05:00Z'],
      ['2018-05-03T15:04:00Z', '2020-01-27T15:04:00Z', '2020-04-03T23:59:00Z', '2020-06-04T23:59:00Z', '2020-03-01T00:00:00Z'],
    ],
    [
      '-1 is 29 February in a leap year',
      { daysOfMonth: [r(-1)] },
      ['2024-02-29T12:00:00Z'],
      ['2024-02-28T12:00:00Z'],
    ],
    [
      '-1 is 28 February in a common year',
      { daysOfMonth: [r(-1)] },
      ['2023-02-28T12:00:00Z', '2100-02-28T12:00:00Z'],
      ['2023-02-27T12:00:00Z', '2100-02-27T12:00:00Z'],
    ],
    [
      '-1 is the 30th in a 30-day month and the 31st in a 31-day one',
      { daysOfMonth: [r(-1)] },
      ['2024-04-30T00:00:00Z', '2024-05-31T23:59:00Z'],
      ['2024-04-29T23:59:00Z', '2024-05-30T12:00:00Z'],
    ],
    [
      '-2 in February: the 28th in a leap year, the 27th otherwise',
      { daysOfMonth: [r(-2)] },
      ['2024-02-28T12:00:00Z', '2023-02-27T12:00:00Z'],
      ['2024-02-27T12:00:00Z', '2023-02-28T12:00:00Z'],
    ],
    [
      '30:31 holds no day of February',
      { daysOfMonth: [r(30, 31)] },
      ['2024-03-30T12:00:00Z', '2024-01-31T12:00:00Z'],
      ['2024-02-28T12:00:00Z', '2024-02-29T12:00:00Z', '2024-03-01T12:00:00Z'],
    ],
    [
      '25:31 ends with the last day of a short month',
      { daysOfMonth: [r(25, 31)] },
      ['2023-02-28T12:00:00Z', '2024-04-30T12:00:00Z'],
      ['2023-03-01T12:00:00Z', '2024-02-24T12:00:00Z'],
    ],
    [
      '1:-1 is the whole month',
      { daysOfMonth: [r(1, -1)] },
      ['2023-02-01T00:00:00Z', '2023-02-28T23:59:00Z', '2024-12-31T23:59:00Z'],
      [],
    ],
    [
      '10:-10 depends on the month length',
      { daysOfMonth: [r(10, -10)] },
      ['2023-02-19T12:00:00Z', '2023-03-22T12:00:00Z'],
      ['2023-02-20T12:00:00Z', '2023-03-23T12:00:00Z', '2023-03-09T12:00:00Z'],
    ],
    [
      '-31:31 in June is all of June (Alertmanager test: clamped to the month)',
      { months: [r(6)], daysOfMonth: [r(-31, 31)] },
      ['2020-06-30T00:00:00Z', '2020-06-01T00:00:00Z'],
      ['2020-05-31T00:00:00Z', '2020-07-01T00:00:00Z'],
    ],
    [
      '-31:-29 is days 1-3 of a 31-day month and nothing in February',
      { daysOfMonth: [r(-31, -29)] },
      ['2023-03-01T12:00:00Z', '2023-03-03T12:00:00Z'],
      ['2023-03-04T12:00:00Z', '2023-02-01T12:00:00Z', '2023-02-28T12:00:00Z'],
    ],
  ]);
});

describe('intervalContains: locations', () => {
  table([
    [
      'AEST office hours (Alertmanager test)',
      { times: [hours(9, 17)], weekdays: [r(1, 5)], location: 'Australia/Sydney' },
      ['2021-04-06T13:00:00+10:00'],
      ['2021-04-06T13:00:00+00:00'],
    ],
    [
      'Sydney during daylight saving time (Alertmanager test)',
      { times: [hours(9, 17)], weekdays: [r(1, 5)], months: [r(11)], location: 'Australia/Sydney' },
      ['2021-11-01T09:00:00+11:00', '2021-10-31T22:00:00+00:00'],
      ['2021-10-31T21:00:00+00:00'],
    ],
    [
      'Berlin office hours follow the wall clock in winter (UTC+1) and summer (UTC+2)',
      { times: [hours(9, 17)], location: 'Europe/Berlin' },
      ['2024-01-15T08:00:00Z', '2024-01-15T15:59:00Z', '2024-07-15T07:00:00Z', '2024-07-15T14:59:00Z'],
      ['2024-01-15T07:59:00Z', '2024-01-15T16:00:00Z', '2024-07-15T06:59:00Z', '2024-07-15T15:00:00Z'],
    ],
    [
      'Berlin 02:00-03:00 does not happen on the spring-forward day',
      { times: [hours(2, 3)], daysOfMonth: [r(31)], months: [r(3)], years: [r(2024)], location: 'Europe/Berlin' },
      [],
      ['2024-03-31T00:59:00Z', '2024-03-31T01:00:00Z', '2024-03-31T01:30:00Z'],
    ],
    [
      'Berlin 02:00-03:00 happens twice on the fall-back day',
      { times: [hours(2, 3)], location: 'Europe/Berlin' },
      ['2024-10-27T00:00:00Z', '2024-10-27T00:59:00Z', '2024-10-27T01:00:00Z', '2024-10-27T01:59:00Z'],
      ['2024-10-26T23:59:00Z', '2024-10-27T02:00:00Z'],
    ],
    [
      'days are local days: 23:30 UTC on 28 Feb 2023 is 1 March in Berlin',
      { daysOfMonth: [r(-1)], location: 'Europe/Berlin' },
      ['2023-02-27T23:30:00Z'],
      ['2023-02-28T23:30:00Z'],
    ],
    [
      'weekdays are local weekdays: friday 22:00 in New York is saturday in UTC',
      { weekdays: [r(1, 5)], location: 'America/New_York' },
      ['2024-06-08T02:00:00Z'],
      ['2024-06-08T04:00:00Z'],
    ],
    [
      // Alertmanager 0.25 measured this month as 30 days (743 elapsed hours)
      // and muted the 30th instead; fixed in alertmanager#5447.
      'the last day of a spring-forward month in New York is the 31st',
      { daysOfMonth: [r(-1)], location: 'America/New_York' },
      ['2021-03-31T12:00:00-04:00'],
      ['2021-03-30T12:00:00-04:00'],
    ],
    [
      'the same for Berlin and its March transition',
      { daysOfMonth: [r(-1)], location: 'Europe/Berlin' },
      ['2024-03-31T12:00:00+02:00'],
      ['2024-03-30T12:00:00+01:00'],
    ],
    [
      'Lord Howe moves by 30 minutes: 02:00-02:30 is skipped in spring',
      { times: [{ startMinute: 120, endMinute: 150 }], location: 'Australia/Lord_Howe' },
      ['2024-06-01T15:45:00Z'],
      ['2024-10-05T15:29:00Z', '2024-10-05T15:30:00Z'],
    ],
    [
      'years are local years: New Year in Auckland comes half a day early',
      { years: [r(2025)], location: 'Pacific/Auckland' },
      ['2024-12-31T12:00:00Z'],
      ['2024-12-31T10:00:00Z'],
    ],
  ]);
});

describe('isActiveAt', () => {
  const named = new Map<string, readonly TimeInterval[]>([
    ['weekends', [{ weekdays: [r(6)] }, { weekdays: [r(0)] }]],
    ['nights', [{ times: [hours(0, 6)] }]],
    ['never', []],
  ]);
  const saturdayNoon = Date.parse('2024-06-01T12:00:00Z');
  const mondayNight = Date.parse('2024-06-03T03:00:00Z');
  const mondayNoon = Date.parse('2024-06-03T12:00:00Z');

  it.each<[string[], number, boolean, string]>([
    [['weekends'], saturdayNoon, true, 'any interval of a name holds the instant'],
    [['weekends'], mondayNoon, false, 'none holds it'],
    [['weekends', 'nights'], mondayNight, true, 'any of the names will do'],
    [['never'], saturdayNoon, false, 'a name with no intervals is never active'],
    [[], saturdayNoon, false, 'no names, not active'],
  ])('%j (%s)', (names, instant, want) => {
    expect(isActiveAt(named, names, instant)).toBe(want);
  });

  it('throws for a name the config does not define (the loader should have refused it)', () => {
    expect(() => isActiveAt(named, ['holidays'], saturdayNoon)).toThrow('time interval "holidays" doesn\'t exist in config');
  });
});
