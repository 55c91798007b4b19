/**
 * `edgealert who` and `edgealert oncall` as real processes on a config
 * with people, schedules and escalation policies, at fixed instants, from
 * the config alone (test/cli/live-state.test.ts adds a running service).
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CRITICAL_AT_HANDOFF, ONCALL_CONFIG_YAML } from '../../src/cli/testing/oncall-fixture.js';
import { runCli } from './support/run-cli.js';

let dir: string;
const edgealert = (...args: string[]) => runCli(dir, args);

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'edgealert-cli-oncall-'));
  await writeFile(join(dir, 'routes.yaml'), ONCALL_CONFIG_YAML);
});

describe('edgealert who, with escalation', () => {
  it('shows the policy step by step, with whoever each schedule has on call when the step runs', async () => {
    const labels = Object.entries(CRITICAL_AT_HANDOFF.labels).map(([name, value]) => `${name}=${value}`);
    const result = await edgealert('who', '--at', CRITICAL_AT_HANDOFF.at, ...labels);
    expect(result).toEqual({ code: 0, stderr: '', stdout: CRITICAL_AT_HANDOFF.stdout });
  });

  it('refuses an --at that is not RFC 3339, exit 2', async () => {
    expect(await edgealert('who', '--at', 'tomorrow', 'alertname=Disk')).toMatchObject({ code: 2, stderr: 'bad --at "tomorrow": expected an RFC 3339 date-time like 2026-11-25T09:00:00Z\n' });
  });
});

describe('edgealert oncall', () => {
  it('prints who is on call and the next handoffs of one schedule', async () => {
    const result = await edgealert('oncall', '--schedule', 'sre', '--at', '2026-11-25T12:00:00Z');
    expect(result).toEqual({
      code: 0,
      stderr: '',
      stdout: [
        "at 2026-11-25T12:00:00Z (config only; --url adds the service's overrides):",
        '  schedule sre (Europe/Berlin): alice (rotation weekly), from 2026-11-23T08:00:00Z until 2026-11-30T08:00:00Z',
        '    handoff 2026-11-30T08:00:00Z: alice (rotation weekly) -> bob (rotation weekly)',
        '    handoff 2026-12-07T08:00:00Z: bob (rotation weekly) -> alice (rotation weekly)',
        '    handoff 2026-12-14T08:00:00Z: alice (rotation weekly) -> bob (rotation weekly)',
        '',
      ].join('\n'),
    });
  });

  it('refuses an unknown schedule, exit 1', async () => {
    expect(await edgealert('oncall', '--schedule', 'ops')).toEqual({ code: 1, stdout: '', stderr: 'unknown schedule "ops": the config has sre, dba\n' });
  });
});
