import { describe, expect, it } from 'vitest';
import type { OnCallConfig, Person } from '../../config/oncall-types.js';
import { validateOverrideInput } from '../../oncall/override.js';
import { schedule } from '../../oncall/testing/schedule-fixtures.js';
import { blankOverrideForm, overrideInputOf, type OverrideFormValues } from './override-form.js';
import { instantOfLocalInput, localInputValue, zonedText } from './zoned-time.js';

const person = (name: string): Person => ({ name, receivers: [] });
const sre = { ...schedule('Europe/Berlin', [{ participants: ['alice'], length: 86_400_000, start: '2026-03-02T09:00' }]), name: 'sre' };
const ONCALL: OnCallConfig = { people: new Map([['alice', person('alice')], ['frank', person('frank')]]), schedules: new Map([['sre', sre]]), escalationPolicies: new Map() };
const NOW = Date.parse('2026-03-27T12:00:00Z');
const form = (over: Partial<OverrideFormValues>): OverrideFormValues => ({ schedule: 'sre', person: 'frank', start: '2026-03-28T18:00', end: '2026-03-29T18:00', by: '', ...over });

describe('times on the wall clock of a schedule', () => {
  it.each([
    ['2026-03-28T18:00', '2026-03-28T17:00:00.000Z'],
    ['2026-03-29T18:00', '2026-03-29T16:00:00.000Z'],
    ['2026-03-29T02:30', '2026-03-29T01:00:00.000Z'],
    ['2026-10-25T02:30', '2026-10-25T00:30:00.000Z'],
    ['2026-03-28T18:00:59', '2026-03-28T17:00:00.000Z'],
  ])('reads %s in Berlin as %s (a skipped time is the end of the gap, a repeated one the first)', (text, iso) => {
    expect(new Date(instantOfLocalInput(text, 'Europe/Berlin') ?? NaN).toISOString()).toBe(iso);
  });

  it.each(['', 'tomorrow', '2026-02-30T10:00', '2026-03-28T18:00:00Z'])('does not read %j as a local time', (text) => {
    expect(instantOfLocalInput(text, 'Europe/Berlin')).toBeUndefined();
  });

  it('shows instants on that wall clock', () => {
    expect(localInputValue(Date.parse('2026-03-29T16:00:00Z'), 'Europe/Berlin')).toBe('2026-03-29T18:00');
    expect(zonedText(Date.parse('2026-03-29T16:00:00Z'), 'Europe/Berlin')).toBe('Sun 2026-03-29 18:00');
    expect(zonedText(Date.parse('2026-03-29T16:00:00Z'), 'UTC')).toBe('Sun 2026-03-29 16:00');
  });
});

describe('the override form', () => {
  it('starts now on the schedule clock when every schedule shares its zone', () => {
    expect(blankOverrideForm(ONCALL, NOW)).toEqual({ schedule: 'sre', person: '', start: '2026-03-27T13:00', end: '', by: '' });
  });

  it('turns local times into the instants the API would be sent', () => {
    expect(overrideInputOf(form({}), ONCALL, NOW)).toEqual({
      ok: true,
      value: { schedule: 'sre', person: 'frank', start: Date.parse('2026-03-28T17:00:00Z'), end: Date.parse('2026-03-29T16:00:00Z') },
    });
    expect(overrideInputOf(form({ start: '2026-03-28T18:00:00+01:00' }), ONCALL, NOW)).toMatchObject({ ok: true, value: { start: Date.parse('2026-03-28T17:00:00Z') } });
  });

  it.each([
    [{ person: 'carol' }, { schedule: 'sre', person: 'carol', start: '2026-03-28T18:00:00+01:00', end: '2026-03-29T18:00:00+02:00' }],
    [{ start: '', end: '' }, { schedule: 'sre', person: 'frank' }],
    [{ start: 'tomorrow' }, { schedule: 'sre', person: 'frank', start: 'tomorrow', end: '2026-03-29T18:00:00+02:00' }],
    [{ end: '2026-03-28T17:00' }, { schedule: 'sre', person: 'frank', start: '2026-03-28T18:00:00+01:00', end: '2026-03-28T17:00:00+01:00' }],
    [{ start: '2026-03-01T10:00', end: '2026-03-02T10:00' }, { schedule: 'sre', person: 'frank', start: '2026-03-01T10:00:00+01:00', end: '2026-03-02T10:00:00+01:00' }],
  ])('refuses %j with the message the API gives for %j', (change, apiBody) => {
    const api = validateOverrideInput(apiBody, ONCALL, NOW);
    expect(api.ok).toBe(false);
    expect(overrideInputOf(form(change), ONCALL, NOW)).toEqual(api);
  });
});
