import { describe, expect, it } from 'vitest';
import type { TimeInterval } from '../timeinterval/types.js';
import { RESTRICTION_SCAN_MS, rotationAt } from './rotation.js';
import { at, businessHours, DAY, iso, rotation, WEEK, type RotationFields } from './testing/schedule-fixtures.js';

const three = ['alice', 'bob', 'carol'];
const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3));
const berlinTimes = (from: string, to: string): TimeInterval => ({ times: [{ startMinute: minutes(from), endMinute: minutes(to) }], location: 'Europe/Berlin' });

/** Rotations of a Europe/Berlin schedule, by the name the table uses. */
const ROTATIONS = {
  'office hours': { participants: three, length: WEEK, start: '2026-03-02T09:00', restrictions: [businessHours('Europe/Berlin')] },
  'noon handoffs': { participants: ['alice', 'bob'], length: DAY, start: '2026-03-02T12:00', restrictions: [businessHours('Europe/Berlin')] },
  '02:30-03:30 only': { participants: three, length: DAY, start: '2026-03-02T00:00', restrictions: [berlinTimes('02:30', '03:30')] },
  'touching restrictions': { participants: three, length: WEEK, start: '2026-03-02T00:00', restrictions: [berlinTimes('09:00', '12:00'), berlinTimes('12:00', '17:00')] },
  'New York office hours': { participants: three, length: WEEK, start: '2026-03-02T00:00', restrictions: [businessHours('America/New_York')] },
  'alice, alice, bob': { participants: ['alice', 'alice', 'bob'], length: DAY, start: '2026-03-02T09:00' },
  'alice, bob, alice': { participants: ['alice', 'bob', 'alice'], length: DAY, start: '2026-03-02T09:00' },
  'alice alone': { participants: ['alice'], length: WEEK, start: '2026-03-02T09:00' },
} satisfies Record<string, RotationFields>;

describe('rotationAt', () => {
  it.each<[keyof typeof ROTATIONS, string, number | null, string, string, string]>([
    // [rotation, instant, participant index, stretch start, stretch end, why]
    ['office hours', '2026-03-03T10:00+01:00', 0, '2026-03-03T08:00:00.000Z', '2026-03-03T16:00:00.000Z', "inside: the stretch is the day's window"],
    ['office hours', '2026-03-03T20:00+01:00', null, '2026-03-03T16:00:00.000Z', '2026-03-04T08:00:00.000Z', 'outside: the layer is empty until the next window'],
    ['office hours', '2026-03-06T18:00+01:00', null, '2026-03-06T16:00:00.000Z', '2026-03-09T08:00:00.000Z', 'the weekend is one empty stretch'],
    ['office hours', '2026-03-09T09:30+01:00', 1, '2026-03-09T08:00:00.000Z', '2026-03-09T16:00:00.000Z', 'the weekly handoff falls on the window opening'],
    ['office hours', '2026-03-30T09:30+02:00', 1, '2026-03-30T07:00:00.000Z', '2026-03-30T15:00:00.000Z', 'after spring-forward the window is 09:00-17:00 CEST'],
    ['office hours', '2026-03-01T12:00+01:00', null, '-Infinity', '2026-03-02T08:00:00.000Z', 'before the start: nobody until the first handoff'],
    ['noon handoffs', '2026-03-03T10:00+01:00', 0, '2026-03-03T08:00:00.000Z', '2026-03-03T11:00:00.000Z', 'the window is cut where the shift ends'],
    ['noon handoffs', '2026-03-03T13:00+01:00', 1, '2026-03-03T11:00:00.000Z', '2026-03-03T16:00:00.000Z', 'and the next person starts at the handoff'],
    ['02:30-03:30 only', '2026-03-29T03:10+02:00', 0, '2026-03-29T01:00:00.000Z', '2026-03-29T01:30:00.000Z', '02:30 is skipped: the window opens when the clock jumps to 03:00'],
    ['02:30-03:30 only', '2026-03-29T01:30+01:00', null, '2026-03-28T02:30:00.000Z', '2026-03-29T01:00:00.000Z', 'and the empty stretch before it ends at the jump'],
    ['02:30-03:30 only', '2026-10-25T02:45+02:00', 0, '2026-10-25T00:30:00.000Z', '2026-10-25T01:00:00.000Z', 'fall-back: the clock goes back to 02:00, outside the window'],
    ['02:30-03:30 only', '2026-10-25T02:45+01:00', 0, '2026-10-25T01:30:00.000Z', '2026-10-25T02:30:00.000Z', 'and the window opens again at the second 02:30'],
    ['touching restrictions', '2026-03-03T10:00+01:00', 0, '2026-03-03T08:00:00.000Z', '2026-03-03T16:00:00.000Z', 'two intervals that touch are one stretch'],
    ['New York office hours', '2026-03-03T15:00:00Z', 0, '2026-03-03T14:00:00.000Z', '2026-03-03T22:00:00.000Z', "a restriction naming a location is read on that location's clock"],
    ['alice, alice, bob', '2026-03-03T12:00+01:00', 1, '2026-03-02T08:00:00.000Z', '2026-03-04T08:00:00.000Z', 'consecutive shifts of one person are one stretch'],
    ['alice, bob, alice', '2026-03-05T12:00+01:00', 0, '2026-03-04T08:00:00.000Z', '2026-03-06T08:00:00.000Z', 'the last and first participants join too'],
    ['alice, bob, alice', '2026-03-02T12:00+01:00', 0, '2026-03-02T08:00:00.000Z', '2026-03-03T08:00:00.000Z', 'but not back past the start'],
    ['alice alone', '2027-06-01T12:00:00Z', 0, '2026-03-02T08:00:00.000Z', 'Infinity', 'one participant is on call from the start, for good'],
  ])('%s at %s: participant %s (%s to %s)', (name, instant, index, start, end) => {
    const state = rotationAt(rotation(ROTATIONS[name]), 'Europe/Berlin', at(instant));
    expect({ index: state.index, start: iso(state.start), end: iso(state.end) }).toEqual({ index, start, end });
  });

  it('cuts a stretch the restrictions never end at the scan bound, either side', () => {
    const never = rotation({ participants: three, length: WEEK, start: '2026-03-02T09:00', restrictions: [{ years: [{ begin: 2020, end: 2020 }] }] });
    const t = at('2026-06-10T12:00:00Z');
    expect(rotationAt(never, 'Europe/Berlin', t)).toEqual({ index: null, start: t - RESTRICTION_SCAN_MS, end: t + RESTRICTION_SCAN_MS });
  });
});
