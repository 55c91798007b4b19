import { describe, expect, it } from 'vitest';
import type { TimeInterval } from '../timeinterval/types.js';
import type { Override } from './override.js';
import { at, BERLIN_SRE, DAY, FRANK_COVERS_WEEKEND, iso, override, schedule, WEEK } from './testing/schedule-fixtures.js';
import { nextHandoffs, onCallAt, SEARCH_HORIZON_MS, type ScheduleHandoff } from './who.js';

/** Handoffs as `instant from->to` lines, for readable failures. */
const lines = (handoffs: readonly ScheduleHandoff[]) => handoffs.map((h) => `${iso(h.at)} ${h.from?.person ?? 'nobody'}->${h.to?.person ?? 'nobody'}`);

describe('nextHandoffs', () => {
  it('lists person changes across layers, an override and the DST change, in order', () => {
    expect(lines(nextHandoffs(BERLIN_SRE, [FRANK_COVERS_WEEKEND], at('2026-03-27T12:00+01:00'), 6))).toEqual([
      '2026-03-27T16:00:00.000Z erin->alice', // Friday 17:00: office hours close
      '2026-03-28T17:00:00.000Z alice->frank', // the override starts
      '2026-03-29T16:00:00.000Z frank->alice', // and ends at 18:00 CEST
      '2026-03-30T06:00:00.000Z alice->bob', // the weekly handoff at 08:00 local
      '2026-03-30T07:00:00.000Z bob->dave', // office hours open at 09:00 local
      '2026-03-30T15:00:00.000Z dave->bob', // and close at 17:00 local
    ]);
  });

  it('gives each side as onCallAt would answer just before and at the handoff', () => {
    const [first] = nextHandoffs(BERLIN_SRE, [FRANK_COVERS_WEEKEND], at('2026-03-27T12:00+01:00'), 1);
    expect(first!.from).toEqual(onCallAt(BERLIN_SRE, [FRANK_COVERS_WEEKEND], first!.at - 1));
    expect(first!.to).toEqual(onCallAt(BERLIN_SRE, [FRANK_COVERS_WEEKEND], first!.at));
  });

  it.each<[string, string, number, number]>([
    // [why, from, count, expected length]
    ['a handoff exactly at `from` is not next: only later ones are', '2026-03-27T17:00+01:00', 1, 1],
    ['count 0 asks for nothing', '2026-03-27T12:00+01:00', 0, 0],
  ])('%s', (_why, from, count, length) => {
    const handoffs = nextHandoffs(BERLIN_SRE, [], at(from), count);
    expect(handoffs).toHaveLength(length);
    for (const h of handoffs) expect(h.at).toBeGreaterThan(at(from));
  });

  it('does not count an override that hands back to the same person', () => {
    const weekly = schedule('UTC', [{ participants: ['alice', 'bob'], length: WEEK, start: '2026-01-05T00:00' }]);
    const sameAsRotation: Override = override('swap', 'alice', '2026-03-04T00:00Z', '2026-03-09T00:00Z');
    const [next] = nextHandoffs(weekly, [sameAsRotation], at('2026-03-03T00:00Z'), 1);
    expect(lines([next!])).toEqual(['2026-03-09T00:00:00.000Z alice->bob']);
    expect(next!.from?.source).toEqual({ kind: 'override', overrideId: 'swap' });
  });

  it.each<[string, string, number]>([
    // [why, rotation start, handoffs found]
    ['a rotation starting within the horizon: nobody -> its first participant', '2026-11-01T00:00', 1],
    ['one starting beyond it is not looked for', '2028-01-01T00:00', 0],
  ])('%s', (_why, start, found) => {
    const later = schedule('UTC', [{ participants: ['alice'], length: DAY, start }]);
    const handoffs = nextHandoffs(later, [], at('2026-01-01T00:00Z'), 5);
    expect(handoffs).toHaveLength(found);
    if (found > 0) expect([handoffs[0]!.from, handoffs[0]!.to?.person]).toEqual([null, 'alice']);
  });

  it.each<[string, TimeInterval]>([
    ['a restriction to a year long gone', { years: [{ begin: 2020, end: 2020 }] }],
    ['a restriction that holds no weekday at all', { weekdays: [] }],
  ])('ends, with nothing, for a schedule restricted away entirely: %s', (_why, restriction) => {
    const empty = schedule('Europe/Berlin', [{ participants: ['alice', 'bob'], length: DAY, start: '2026-01-05T09:00', restrictions: [restriction] }]);
    const from = at('2026-03-01T00:00Z');
    expect(nextHandoffs(empty, [], from, 3)).toEqual([]);
    expect(onCallAt(empty, [], from)).toBeNull();
  });

  it('finds a handoff near the end of the horizon', () => {
    const late = schedule('UTC', [{ participants: ['alice'], length: DAY, start: '2026-12-31T00:00' }]);
    const [next] = nextHandoffs(late, [], at('2026-01-01T00:00Z'), 1);
    expect(next?.at).toBe(at('2026-12-31T00:00Z'));
    expect(next!.to!.until).toBe(at('2026-01-01T00:00Z') + SEARCH_HORIZON_MS);
  });
});
