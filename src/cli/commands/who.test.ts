/**
 * `who` as a plain function: the escalation of each matching route step by
 * step, with whom schedules have on call when each step runs, and what the
 * service's overrides and silences change.
 */
import { describe, expect, it } from 'vitest';
import type { Override } from '../../oncall/index.js';
import type { Silence } from '../../silence/types.js';
import { CRITICAL_AT_HANDOFF, onCallConfig } from '../testing/oncall-fixture.js';
import { who } from './who.js';

const config = onCallConfig();
const at = (iso: string) => Date.parse(iso);
const CRITICAL = CRITICAL_AT_HANDOFF.labels;
const LIVE = 'https://edgealert.example';

const frankCovers: Override = { id: 'o-1', schedule: 'sre', person: 'frank', start: at('2026-11-30T07:55:00Z'), end: at('2026-11-30T09:00:00Z'), createdAt: 0, createdBy: 'test' };
const dbSilence: Silence = {
  id: 's-1',
  matchers: [{ name: 'team', value: 'db', isRegex: false, isEqual: true }],
  startsAt: at('2026-11-30T07:00:00Z'),
  endsAt: at('2026-11-30T10:00:00Z'),
  updatedAt: 0,
  createdBy: 'alice',
  comment: 'migration',
};

describe('who', () => {
  it('resolves each schedule target to whoever is on call when its step runs, across a handoff', () => {
    expect(who(config, CRITICAL_AT_HANDOFF.labels, { at: at(CRITICAL_AT_HANDOFF.at) })).toEqual({ stdout: CRITICAL_AT_HANDOFF.stdout, stderr: '', exitCode: 0 });
  });

  it("counts the service's overrides in the on-call answers", () => {
    const result = who(config, CRITICAL, { at: at('2026-11-30T07:50:00Z'), live: { url: LIVE, overrides: [frankCovers], silences: [] } });
    const lines = result.stdout.split('\n');
    expect(lines[0]).toBe('at 2026-11-30T07:50:00Z, with the overrides and silences of https://edgealert.example:');
    expect(lines[3]).toContain('schedule:sre -> alice (rotation weekly)');
    expect(lines[4]).toContain('schedule:sre -> frank (override o-1) -> bob-phone (webhook); pager (webhook)');
  });

  it('says when a schedule has nobody on call, so the step pages no one', () => {
    const saturday = who(config, { alertname: 'Slow', team: 'db' }, { at: at('2026-11-28T12:00:00Z') });
    expect(saturday.stdout).toContain('      step 1 of 1, after 5m (2026-11-28T12:05:30Z): schedule:dba -> nobody on call: pages no one\n');
  });

  it('lists the first passes of a long-repeating policy and sums up the rest', () => {
    const lines = who(config, { alertname: 'Slow', team: 'web' }, { at: at('2026-11-30T07:50:00Z') }).stdout.trimEnd().split('\n');
    expect(lines.slice(3)).toEqual([
      '      step 1 of 1, pass 1 of 6, after 0s (2026-11-30T07:50:30Z): person:alice -> person:alice (email)',
      '      step 1 of 1, pass 2 of 6, after 10m (2026-11-30T08:00:30Z): person:alice -> person:alice (email)',
      '      step 1 of 1, pass 3 of 6, after 20m (2026-11-30T08:10:30Z): person:alice -> person:alice (email)',
      '      ... 3 more passes of the same steps, one every 10m, the last step at 2026-11-30T08:40:30Z',
    ]);
  });

  it('names the silence that mutes the alert, and resolves no one while it lasts', () => {
    const live = { url: LIVE, overrides: [], silences: [dbSilence] };
    const result = who(config, { alertname: 'Slow', team: 'db' }, { at: at('2026-11-30T08:00:00Z'), live });
    expect(result.stdout.split('\n').slice(1)).toEqual([
      '  silenced by s-1 until 2026-11-30T10:00:00Z ({team="db"}, alice: migration): no receiver is notified and no incident opens while it lasts',
      '  route 0.1 -> receiver db (webhook): silenced at this time',
      '    escalation quiet: no incident while the route is muted; once it notifies, until acknowledged:',
      '      step 1 of 1, after 5m: schedule:dba',
      '',
    ]);
  });

  it('ignores silences that are not active at that time or do not match', () => {
    const live = { url: LIVE, overrides: [], silences: [dbSilence] };
    expect(who(config, { alertname: 'Slow', team: 'db' }, { at: at('2026-11-30T11:00:00Z'), live }).stdout).not.toContain('silenced');
    expect(who(config, CRITICAL, { at: at('2026-11-30T08:00:00Z'), live }).stdout).not.toContain('silenced');
  });
});
