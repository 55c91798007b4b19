import { describe, expect, it } from 'vitest';
import type { TimeInterval } from '../timeinterval/types.js';
import { insideRestrictions, restrictionWindow } from './restriction-window.js';
import { at, businessHours, HOUR, iso } from './testing/schedule-fixtures.js';

const MINUTE = 60_000;
const REACH = 12 * HOUR;

/** The window the slow way: minute by minute, as far as REACH either side. */
function minuteByMinute(restrictions: readonly TimeInterval[], t: number): { inside: boolean; from: string; until: string } {
  const inside = insideRestrictions(restrictions, t);
  const start = t - (t % MINUTE);
  let from = start;
  while (from > t - REACH && insideRestrictions(restrictions, from - 1) === inside) from -= MINUTE;
  let until = start + MINUTE;
  while (until < t + REACH && insideRestrictions(restrictions, until) === inside) until += MINUTE;
  return { inside, from: iso(Math.max(from, t - REACH)), until: iso(Math.min(until, t + REACH)) };
}

const RESTRICTIONS: Record<string, readonly TimeInterval[]> = {
  'Berlin office hours': [businessHours('Europe/Berlin')],
  'Berlin 02:30-03:30 and New York mornings': [
    { times: [{ startMinute: 150, endMinute: 210 }], location: 'Europe/Berlin' },
    { times: [{ startMinute: 0, endMinute: 120 }], location: 'America/New_York' },
  ],
  'Sydney weekends': [{ weekdays: [{ begin: 0, end: 0 }, { begin: 6, end: 6 }], location: 'Australia/Sydney' }],
};

const DAYS_AROUND_DST = ['2026-03-28T00:00Z', '2026-10-24T00:00Z', '2026-03-07T00:00Z', '2026-10-03T00:00Z'];

describe('restrictionWindow', () => {
  it.each(Object.keys(RESTRICTIONS))('agrees with a minute-by-minute scan around DST changes: %s', (name) => {
    const restrictions = RESTRICTIONS[name]!;
    for (const day of DAYS_AROUND_DST) {
      for (let t = at(day); t < at(day) + 48 * HOUR; t += 151 * MINUTE + 1234) {
        const window = restrictionWindow(restrictions, t, t - REACH, t + REACH);
        expect({ inside: window.inside, from: iso(window.from), until: iso(window.until) }, iso(t)).toEqual(minuteByMinute(restrictions, t));
      }
    }
  });
});
