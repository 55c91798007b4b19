import { describe, expect, it } from 'vitest';
import { addDays, clockZone, localToInstant } from './local-time.js';
import { iso, local } from './testing/schedule-fixtures.js';

describe('localToInstant', () => {
  it.each<[string, string, string, string]>([
    // [zone, wall-clock time, instant, why]
    ['UTC', '2026-03-29T02:30', '2026-03-29T02:30:00.000Z', 'UTC has no gaps'],
    ['Europe/Berlin', '2026-01-05T09:00', '2026-01-05T08:00:00.000Z', 'winter time is UTC+1'],
    ['Europe/Berlin', '2026-03-29T01:59', '2026-03-29T00:59:00.000Z', 'the last minute before spring-forward'],
    ['Europe/Berlin', '2026-03-29T02:00', '2026-03-29T01:00:00.000Z', '02:00 does not exist: the first instant after the gap (03:00 CEST)'],
    ['Europe/Berlin', '2026-03-29T02:30', '2026-03-29T01:00:00.000Z', 'inside the gap: also 03:00 CEST, when the person would start'],
    ['Europe/Berlin', '2026-03-29T03:00', '2026-03-29T01:00:00.000Z', '03:00 CEST itself'],
    ['Europe/Berlin', '2026-10-25T02:30', '2026-10-25T00:30:00.000Z', 'occurs twice: the first occurrence (CEST)'],
    ['Europe/Berlin', '2026-10-25T03:00', '2026-10-25T02:00:00.000Z', 'after the repeated hour: CET'],
    ['America/New_York', '2026-03-08T02:30', '2026-03-08T07:00:00.000Z', 'inside the gap: 03:00 EDT'],
    ['America/New_York', '2026-11-01T01:30', '2026-11-01T05:30:00.000Z', 'occurs twice: the first occurrence (EDT)'],
    ['Australia/Sydney', '2026-10-04T02:30', '2026-10-03T16:00:00.000Z', 'southern spring-forward in October: 03:00 AEDT'],
    ['Australia/Sydney', '2026-04-05T02:30', '2026-04-04T15:30:00.000Z', 'southern fall-back in April: the first occurrence (AEDT)'],
    ['Australia/Lord_Howe', '2026-10-04T02:15', '2026-10-03T15:30:00.000Z', 'a 30-minute gap: 02:30 UTC+11'],
  ])('%s %s is %s (%s)', (zone, wall, instant) => {
    expect(iso(localToInstant(clockZone(zone), local(wall)))).toBe(instant);
  });
});

describe('addDays', () => {
  it.each<[string, number, string, string]>([
    ['2026-02-27T09:00', 2, '2026-03-01T09:00', 'rolls over a common February'],
    ['2028-02-27T09:00', 2, '2028-02-29T09:00', 'lands on a leap day'],
    ['2026-12-31T23:59', 1, '2027-01-01T23:59', 'rolls over the year, keeping the time'],
    ['2026-03-01T08:00', -1, '2026-02-28T08:00', 'goes back too'],
  ])('%s plus %d days is %s (%s)', (from, days, expected) => {
    expect(addDays(local(from), days)).toEqual(local(expected));
  });
});
