import { describe, expect, it } from 'vitest';
import type { Override } from './override.js';
import { at, BERLIN_SRE, DAY, FRANK_COVERS_WEEKEND, iso, override, schedule, WEEK } from './testing/schedule-fixtures.js';
import { onCallAt, SEARCH_HORIZON_MS } from './who.js';

const person = (instant: string, overrides: readonly Override[] = [FRANK_COVERS_WEEKEND]) => onCallAt(BERLIN_SRE, overrides, at(instant))?.person ?? null;

describe('onCallAt on a realistic schedule, over a fortnight with a DST change', () => {
  it.each<[string, string, string]>([
    // [instant, person, why]
    ['2026-03-23T07:30+01:00', 'carol', "last week's primary until Monday 08:00"],
    ['2026-03-23T08:00+01:00', 'alice', 'the weekly handoff'],
    ['2026-03-23T09:00+01:00', 'erin', 'office hours open: the higher layer wins'],
    ['2026-03-23T17:00+01:00', 'alice', 'office hours end at 17:00 (exclusive): back to the primary'],
    ['2026-03-24T12:00+01:00', 'dave', "the next day's office-hours person"],
    ['2026-03-27T16:59+01:00', 'erin', "Friday's last office minute"],
    ['2026-03-28T12:00+01:00', 'alice', 'Saturday: the primary only'],
    ['2026-03-28T18:00+01:00', 'frank', 'the override starts (inclusive) and beats every layer'],
    ['2026-03-29T03:30+02:00', 'frank', 'the override spans the spring-forward'],
    ['2026-03-29T18:00+02:00', 'alice', 'the override ends (exclusive)'],
    ['2026-03-30T07:59+02:00', 'alice', 'Monday after the change, before 08:00 local'],
    ['2026-03-30T08:30+02:00', 'bob', 'handed off at 08:00 CEST (168 elapsed hours would be 09:00)'],
    ['2026-03-30T09:30+02:00', 'dave', 'office hours read in Berlin: 07:30 UTC is 09:30 there'],
    ['2026-03-30T17:30+02:00', 'bob', 'after office hours'],
    ['2026-04-03T12:00+02:00', 'dave', 'Friday: office hours by turns continue'],
    ['2026-04-04T12:00+02:00', 'bob', 'Saturday'],
    ['2026-04-05T23:59+02:00', 'bob', 'the end of the fortnight'],
  ])('%s: %s (%s)', (instant, expected) => {
    expect(person(instant)).toBe(expected);
  });

  it('says why, and for how long', () => {
    expect(onCallAt(BERLIN_SRE, [], at('2026-03-23T12:00+01:00'))).toEqual({
      person: 'erin',
      source: { kind: 'rotation', rotation: 'office-hours', layer: 2 },
      from: at('2026-03-23T09:00+01:00'),
      until: at('2026-03-23T17:00+01:00'),
    });
  });

  it("ends a lower layer's answer where a higher layer's window opens", () => {
    const answer = onCallAt(BERLIN_SRE, [], at('2026-03-23T20:00+01:00'));
    expect([answer?.person, iso(answer!.from), iso(answer!.until)]).toEqual(['alice', '2026-03-23T16:00:00.000Z', '2026-03-24T08:00:00.000Z']);
  });

  it('joins stretches across the weekend into one answer', () => {
    const answer = onCallAt(BERLIN_SRE, [], at('2026-03-28T12:00+01:00'));
    expect([iso(answer!.from), iso(answer!.until)]).toEqual(['2026-03-27T16:00:00.000Z', '2026-03-30T06:00:00.000Z']);
  });
});

describe('onCallAt: layers and overrides', () => {
  const twoLayers = schedule('UTC', [
    { name: 'base', participants: ['alice', 'bob'], length: WEEK, start: '2026-01-05T00:00' },
    { name: 'top', participants: ['carol'], length: DAY, start: '2026-03-01T00:00' },
  ]);
  const OLD_DAVE = override('old', 'dave', '2026-03-01T00:00Z', '2026-03-05T00:00Z', 1);
  const NEW_ERIN = override('new', 'erin', '2026-03-01T12:00Z', '2026-03-02T12:00Z', 2);

  it.each<[string, string | null, string, readonly Override[]]>([
    // [instant, person, why, overrides]
    ['2026-02-01T00:00Z', 'bob', 'only the base layer has started', []],
    ['2026-03-02T00:00Z', 'carol', 'the last layer in `rotations` wins', []],
    ['2026-03-02T00:00Z', 'dave', 'an override beats every layer', [override('o1', 'dave', '2026-03-01T00:00Z', '2026-03-03T00:00Z')]],
    ['2026-03-02T00:00Z', 'carol', "another schedule's override is ignored", [override('o1', 'dave', '2026-03-01T00:00Z', '2026-03-03T00:00Z', 0, 'other')]],
    ['2026-03-02T00:00Z', 'erin', 'overlapping: the latest created wins', [OLD_DAVE, NEW_ERIN]],
    ['2026-03-03T00:00Z', 'dave', 'and the older one shows again once it ends', [OLD_DAVE, NEW_ERIN]],
    ['2026-03-02T00:00Z', 'erin', 'whatever order they come in', [NEW_ERIN, OLD_DAVE]],
    ['2026-01-04T23:59Z', null, 'before every rotation starts, nobody', []],
  ])('%s: %s (%s)', (instant, expected, _why, overrides) => {
    expect(onCallAt(twoLayers, overrides, at(instant))?.person ?? null).toBe(expected);
  });

  it('reports an override as the source, for its own stretch around other overrides', () => {
    const overrides = [OLD_DAVE, override('new', 'erin', '2026-03-02T00:00Z', '2026-03-03T00:00Z', 2)];
    expect(onCallAt(twoLayers, overrides, at('2026-03-04T00:00Z'))).toEqual({
      person: 'dave',
      source: { kind: 'override', overrideId: 'old' },
      from: at('2026-03-03T00:00Z'),
      until: at('2026-03-05T00:00Z'),
    });
  });

  it('cuts the stretch of a single participant at the search horizon', () => {
    const solo = schedule('Europe/Berlin', [{ participants: ['alice'], length: WEEK, start: '2026-01-05T09:00' }]);
    const t = at('2026-06-01T00:00Z');
    expect(onCallAt(solo, [], t)).toMatchObject({ person: 'alice', from: at('2026-01-05T09:00+01:00'), until: t + SEARCH_HORIZON_MS });
  });
});
