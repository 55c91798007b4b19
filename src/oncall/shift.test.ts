import { describe, expect, it } from 'vitest';
import { handoffInstant, shiftAt } from './shift.js';
import { at, DAY, HOUR, iso, rotation, WEEK } from './testing/schedule-fixtures.js';

const three = ['alice', 'bob', 'carol'];
const LENGTHS = { '12h': 12 * HOUR, '1d': DAY, '1w': WEEK, '2w': 2 * WEEK };

describe('handoffInstant', () => {
  it.each<[string, keyof typeof LENGTHS, string, number, string, string]>([
    // [zone, length, start, k, handoff k, why]
    ['Europe/Berlin', '1d', '2026-03-27T09:00', 1, '2026-03-28T08:00:00.000Z', 'daily, the day before spring-forward: 09:00 CET'],
    ['Europe/Berlin', '1d', '2026-03-27T09:00', 2, '2026-03-29T07:00:00.000Z', 'the day of spring-forward: still 09:00 local, now CEST'],
    ['Europe/Berlin', '1d', '2026-10-23T09:00', 2, '2026-10-25T08:00:00.000Z', 'the day of fall-back: 09:00 CET'],
    ['Europe/Berlin', '1w', '2026-03-23T09:00', 1, '2026-03-30T07:00:00.000Z', 'weekly across spring-forward: Monday 09:00 CEST'],
    ['Europe/Berlin', '1w', '2026-10-19T09:00', 1, '2026-10-26T08:00:00.000Z', 'weekly across fall-back: Monday 09:00 CET'],
    ['Europe/Berlin', '12h', '2026-03-28T21:00', 1, '2026-03-29T08:00:00.000Z', '12h is elapsed time: 10:00 CEST, not 09:00'],
    ['Europe/Berlin', '12h', '2026-03-28T21:00', 2, '2026-03-29T20:00:00.000Z', 'and stays 12h apart: 22:00 CEST'],
    ['Europe/Berlin', '1d', '2026-03-27T02:30', 2, '2026-03-29T01:00:00.000Z', 'a handoff set inside the spring gap happens when it ends (03:00 CEST)'],
    ['Europe/Berlin', '1d', '2026-03-27T02:30', 3, '2026-03-30T00:30:00.000Z', 'and is back at 02:30 the next day'],
    ['Europe/Berlin', '1d', '2026-10-24T02:30', 1, '2026-10-25T00:30:00.000Z', 'a handoff in the repeated hour happens at its first occurrence'],
    ['Europe/Berlin', '2w', '2026-01-05T09:00', 26, '2027-01-04T08:00:00.000Z', '26 fortnights (364 days) later, still 09:00 local'],
    ['America/New_York', '1d', '2026-03-07T09:00', 1, '2026-03-08T13:00:00.000Z', 'daily on spring-forward day: 09:00 EDT'],
    ['America/New_York', '1d', '2026-10-31T09:00', 1, '2026-11-01T14:00:00.000Z', 'daily on fall-back day: 09:00 EST'],
    ['America/New_York', '1w', '2026-03-02T09:00', 1, '2026-03-09T13:00:00.000Z', 'weekly across spring-forward'],
    ['America/New_York', '1w', '2026-10-26T09:00', 1, '2026-11-02T14:00:00.000Z', 'weekly across fall-back'],
    ['America/New_York', '1d', '2026-03-07T02:15', 1, '2026-03-08T07:00:00.000Z', 'inside the New York gap: 03:00 EDT'],
    ['America/New_York', '12h', '2026-03-07T21:00', 1, '2026-03-08T14:00:00.000Z', '12h elapsed across the gap: 10:00 EDT'],
    ['Australia/Sydney', '1d', '2026-04-04T09:00', 1, '2026-04-04T23:00:00.000Z', 'April fall-back in the south: 09:00 AEST'],
    ['Australia/Sydney', '1d', '2026-10-03T09:00', 1, '2026-10-03T22:00:00.000Z', 'October spring-forward in the south: 09:00 AEDT'],
    ['Australia/Sydney', '1w', '2026-09-28T09:00', 1, '2026-10-04T22:00:00.000Z', 'weekly across it: Monday 09:00 AEDT'],
    ['Australia/Sydney', '1d', '2026-10-03T02:30', 1, '2026-10-03T16:00:00.000Z', 'inside the Sydney gap: 03:00 AEDT'],
    ['UTC', '1d', '2026-03-28T09:00', 1, '2026-03-29T09:00:00.000Z', 'UTC: plain days'],
  ])('%s, %s from %s: handoff %d is %s (%s)', (timeZone, length, start, k, expected) => {
    expect(iso(handoffInstant(rotation({ participants: three, length: LENGTHS[length], start }), timeZone, k))).toBe(expected);
  });
});

describe('shiftAt', () => {
  const daily = rotation({ participants: three, length: DAY, start: '2026-03-27T09:00' });

  it.each<[string, number | null, string, string, string]>([
    // [instant, participant index, shift start, shift end, why]
    ['2026-03-27T07:59:59.999Z', null, '', '', 'before the first handoff the rotation has nobody'],
    ['2026-03-27T08:00:00.000Z', 0, '2026-03-27T08:00:00.000Z', '2026-03-28T08:00:00.000Z', 'the first handoff starts shift 0'],
    ['2026-03-28T20:00:00.000Z', 1, '2026-03-28T08:00:00.000Z', '2026-03-29T07:00:00.000Z', 'the shift across spring-forward lasts 23h'],
    ['2026-03-29T07:00:00.000Z', 2, '2026-03-29T07:00:00.000Z', '2026-03-30T07:00:00.000Z', 'a handoff instant belongs to the new shift'],
    ['2026-03-30T07:00:00.000Z', 0, '2026-03-30T07:00:00.000Z', '2026-03-31T07:00:00.000Z', 'the fourth shift goes back to the first participant'],
    ['2030-07-01T12:00:00.000Z', 0, '2030-07-01T07:00:00.000Z', '2030-07-02T07:00:00.000Z', 'years on (shift 1557), still 09:00 local'],
  ])('at %s: participant %s (%s)', (instant, index, start, end) => {
    const shift = shiftAt(daily, 'Europe/Berlin', at(instant));
    if (index === null) return expect(shift).toBeNull();
    expect({ index: shift?.index, start: iso(shift!.start), end: iso(shift!.end) }).toEqual({ index, start, end });
  });

  it('gives a shift across fall-back 25 hours', () => {
    const shift = shiftAt(rotation({ participants: three, length: DAY, start: '2026-10-24T09:00' }), 'Europe/Berlin', at('2026-10-25T00:00:00Z'));
    expect(shift!.end - shift!.start).toBe(25 * HOUR);
  });

  it('keeps a single participant on every shift', () => {
    const solo = rotation({ participants: ['alice'], length: WEEK, start: '2026-01-05T09:00' });
    expect(shiftAt(solo, 'Europe/Berlin', at('2026-06-10T12:00:00Z'))?.index).toBe(0);
  });
});
