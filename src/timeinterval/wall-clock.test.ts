import { describe, expect, it } from 'vitest';
import { wallClock } from './wall-clock.js';

const at = (iso: string) => Date.parse(iso);
const hhmm = (minute: number) => `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;

describe('wallClock', () => {
  it.each<[string | undefined, string, string, string, string]>([
    // [zone, instant, local date, local time, reason]
    [undefined, '2024-02-29T23:59:59.999Z', '2024-02-29', '23:59', 'UTC; seconds are dropped, not rounded'],
    ['Europe/Berlin', '2024-01-15T12:00:00Z', '2024-01-15', '13:00', 'winter time is UTC+1'],
    ['Europe/Berlin', '2024-07-15T12:00:00Z', '2024-07-15', '14:00', 'summer time is UTC+2'],
    ['Europe/Berlin', '2024-03-31T00:59:00Z', '2024-03-31', '01:59', 'the minute before spring-forward'],
    ['Europe/Berlin', '2024-03-31T01:00:00Z', '2024-03-31', '03:00', '02:00 is skipped'],
    ['Europe/Berlin', '2024-10-27T00:30:00Z', '2024-10-27', '02:30', 'fall-back: the first 02:30'],
    ['Europe/Berlin', '2024-10-27T01:30:00Z', '2024-10-27', '02:30', 'fall-back: the second 02:30'],
    ['Europe/Berlin', '2024-12-31T23:00:00Z', '2025-01-01', '00:00', 'midnight is 00:00, and the date moves to the new year'],
    ['America/New_York', '2024-03-10T06:59:00Z', '2024-03-10', '01:59', 'the minute before spring-forward'],
    ['America/New_York', '2024-03-10T07:00:00Z', '2024-03-10', '03:00', '02:00 is skipped'],
    ['America/New_York', '2024-11-03T05:30:00Z', '2024-11-03', '01:30', 'fall-back: the first 01:30'],
    ['America/New_York', '2024-11-03T06:30:00Z', '2024-11-03', '01:30', 'fall-back: the second 01:30'],
    ['America/New_York', '2024-03-01T04:59:00Z', '2024-02-29', '23:59', 'still the leap day in New York'],
    ['Australia/Lord_Howe', '2024-10-05T15:29:00Z', '2024-10-06', '01:59', 'before its 30-minute spring-forward (UTC+10:30)'],
    ['Australia/Lord_Howe', '2024-10-05T15:30:00Z', '2024-10-06', '02:30', 'after it (UTC+11)'],
    ['Asia/Kolkata', '2024-06-01T18:29:00Z', '2024-06-01', '23:59', 'a half-hour offset (UTC+5:30)'],
    ['Asia/Kathmandu', '2024-06-01T18:15:00Z', '2024-06-02', '00:00', 'a quarter-hour offset (UTC+5:45)'],
  ])('%s at %s is %s %s (%s)', (zone, instant, date, time) => {
    const t = wallClock(zone, at(instant));
    const local = `${t.year}-${String(t.month).padStart(2, '0')}-${String(t.day).padStart(2, '0')}`;
    expect([local, hhmm(t.minuteOfDay)]).toEqual([date, time]);
  });

  it.each<[string | undefined, string, number, number, string]>([
    [undefined, '2024-02-10T00:00:00Z', 29, 6, 'February of a leap year; a saturday'],
    [undefined, '2023-02-10T00:00:00Z', 28, 5, 'February of a common year; a friday'],
    [undefined, '2100-02-10T00:00:00Z', 28, 3, '2100 is not a leap year'],
    [undefined, '2000-02-10T00:00:00Z', 29, 4, '2000 is'],
    ['America/New_York', '2021-03-31T16:00:00Z', 31, 3, 'a month with a spring-forward still has 31 days'],
    ['Europe/Berlin', '2024-10-15T12:00:00Z', 31, 2, 'a month with a fall-back has 31 days'],
    ['Pacific/Apia', '2011-12-30T12:00:00Z', 31, 6, 'Samoa skipped 2011-12-30 but the calendar month still counts 31'],
  ])('%s at %s: %d days in the month, weekday %d (%s)', (zone, instant, days, weekday) => {
    const t = wallClock(zone, at(instant));
    expect([t.daysInMonth, t.weekday]).toEqual([days, weekday]);
  });

  it('refuses an invalid instant (a bug in the caller)', () => {
    expect(() => wallClock('Europe/Berlin', Number.NaN)).toThrow(RangeError);
  });
});
