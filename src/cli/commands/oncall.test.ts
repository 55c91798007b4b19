/** `oncall` as a plain function: who each schedule has on call, since and until when, and the next handoffs. */
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../config/index.js';
import type { Override } from '../../oncall/index.js';
import { onCallConfig } from '../testing/oncall-fixture.js';
import { oncall } from './oncall.js';

const config = onCallConfig();
const at = (iso: string) => Date.parse(iso);

describe('oncall', () => {
  it('answers for every schedule, with the next three handoffs (nobody counts)', () => {
    expect(oncall(config, { at: at('2026-11-25T12:00:00Z') }).stdout).toBe(
      [
        "at 2026-11-25T12:00:00Z (config only; --url adds the service's overrides):",
        '  schedule sre (Europe/Berlin): alice (rotation weekly), from 2026-11-23T08:00:00Z until 2026-11-30T08:00:00Z',
        '    handoff 2026-11-30T08:00:00Z: alice (rotation weekly) -> bob (rotation weekly)',
        '    handoff 2026-12-07T08:00:00Z: bob (rotation weekly) -> alice (rotation weekly)',
        '    handoff 2026-12-14T08:00:00Z: alice (rotation weekly) -> bob (rotation weekly)',
        '  schedule dba (UTC): carol (rotation office), from 2026-11-25T09:00:00Z until 2026-11-25T17:00:00Z',
        '    handoff 2026-11-25T17:00:00Z: carol (rotation office) -> nobody',
        '    handoff 2026-11-26T09:00:00Z: nobody -> carol (rotation office)',
        '    handoff 2026-11-26T17:00:00Z: carol (rotation office) -> nobody',
        '',
      ].join('\n'),
    );
  });

  it("puts the service's overrides on top of the rotations", () => {
    const override: Override = { id: 'o-1', schedule: 'sre', person: 'frank', start: at('2026-11-25T10:00:00Z'), end: at('2026-11-25T18:00:00Z'), createdAt: 0, createdBy: 'test' };
    const result = oncall(config, { at: at('2026-11-25T12:00:00Z'), schedule: 'sre', live: { url: 'https://edgealert.example', overrides: [override] } });
    expect(result.stdout.split('\n').slice(0, 4)).toEqual([
      'at 2026-11-25T12:00:00Z, with the overrides of https://edgealert.example:',
      '  schedule sre (Europe/Berlin): frank (override o-1), from 2026-11-25T10:00:00Z until 2026-11-25T18:00:00Z',
      '    handoff 2026-11-25T18:00:00Z: frank (override o-1) -> alice (rotation weekly)',
      '    handoff 2026-11-30T08:00:00Z: alice (rotation weekly) -> bob (rotation weekly)',
    ]);
  });

  it('refuses a schedule the config does not have, naming the ones it has (exit 1)', () => {
    expect(oncall(config, { at: 0, schedule: 'ops' })).toEqual({ stdout: '', stderr: 'unknown schedule "ops": the config has sre, dba\n', exitCode: 1 });
  });

  it('says so when the config has no schedules', () => {
    const bare = loadConfig('route: { receiver: x }\nreceivers: [{ name: x }]\n', {});
    if (!bare.ok) throw new Error('fixture');
    expect(oncall(bare.value, { at: 0 })).toEqual({ stdout: 'the config has no schedules\n', stderr: '', exitCode: 0 });
  });
});
