import { describe, expect, it } from 'vitest';
import type { OnCallConfig, Person } from '../config/oncall-types.js';
import { overrideSchema, validateOverrideInput } from './override.js';
import { at, BERLIN_SRE } from './testing/schedule-fixtures.js';

const person = (name: string): Person => ({ name, receivers: [], email: `${name}@example.com` });
const oncall: OnCallConfig = {
  people: new Map(['alice', 'frank'].map((name) => [name, person(name)])),
  schedules: new Map([[BERLIN_SRE.name, BERLIN_SRE]]),
  escalationPolicies: new Map(),
};
const now = at('2026-03-27T12:00:00Z');
const valid = { schedule: 'sre', person: 'frank', start: '2026-03-28T18:00:00+01:00', end: '2026-03-29T18:00:00+02:00' };

describe('validateOverrideInput', () => {
  it('accepts a well-formed override and reads its times as instants', () => {
    expect(validateOverrideInput(valid, oncall, now)).toEqual({
      ok: true,
      value: { schedule: 'sre', person: 'frank', start: at('2026-03-28T17:00:00Z'), end: at('2026-03-29T16:00:00Z') },
    });
  });

  it.each<[string, unknown, string]>([
    // [why, input, error]
    ['not an object', [], 'expected a JSON object'],
    ['a field missing', { ...valid, person: undefined }, 'person is required'],
    ['a field of the wrong type', { ...valid, schedule: 7 }, 'schedule: must be a string'],
    ['an empty name', { ...valid, person: '' }, 'person: must not be empty'],
    ['a time that is not RFC 3339', { ...valid, start: 'tomorrow' }, 'start: "tomorrow" is not an RFC 3339 date-time (such as 2026-11-25T09:00:00Z)'],
    ['a time as epoch number', { ...valid, end: 1774800000000 }, 'end: must be an RFC 3339 date-time string'],
    ['a field it does not know (a typo)', { ...valid, ends: valid.end }, 'unknown field ends'],
    ['an unknown schedule', { ...valid, schedule: 'dba' }, 'unknown schedule "dba"'],
    ['an unknown person', { ...valid, person: 'mallory' }, 'unknown person "mallory" (people are declared under people: in the config)'],
    ['start after end', { ...valid, start: valid.end, end: valid.start }, 'start (2026-03-29T16:00:00.000Z) must be before end (2026-03-28T17:00:00.000Z)'],
    ['start equal to end', { ...valid, end: valid.start }, 'start (2026-03-28T17:00:00.000Z) must be before end (2026-03-28T17:00:00.000Z)'],
    ['wholly in the past', { ...valid, start: '2026-03-20T00:00:00Z', end: '2026-03-27T12:00:00Z' }, 'end (2026-03-27T12:00:00.000Z) is in the past: an override must end after now (2026-03-27T12:00:00.000Z)'],
  ])('refuses %s', (_why, input, error) => {
    expect(validateOverrideInput(input, oncall, now)).toEqual({ ok: false, error });
  });

  it('names every problem at once', () => {
    const result = validateOverrideInput({ ...valid, schedule: 'dba', person: 'mallory' }, oncall, now);
    expect(result).toEqual({ ok: false, error: 'unknown schedule "dba"; unknown person "mallory" (people are declared under people: in the config)' });
  });

  it('accepts an override already under way (it started before now)', () => {
    expect(validateOverrideInput({ ...valid, start: '2026-03-27T00:00:00Z' }, oncall, now).ok).toBe(true);
  });
});

describe('overrideSchema', () => {
  it('reads back a stored override, and refuses one missing a field', () => {
    const stored = { id: 'o1', schedule: 'sre', person: 'frank', start: 1, end: 2, createdAt: 0, createdBy: 'API client' };
    expect(overrideSchema.parse(stored)).toEqual(stored);
    expect(overrideSchema.safeParse({ ...stored, createdBy: undefined }).success).toBe(false);
  });
});
