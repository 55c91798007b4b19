/**
 * `--url` against a running edgealert (`npm start`, one instance for the
 * file): an override created through the API and a silence show in `who`
 * and `oncall`, `check` reports live overrides a config would break, and
 * a service that cannot be reached or refuses the credentials is a clear
 * error (exit 4) that never shows the token. Everything happens in 2030, so the answers do not depend on
 * today's date.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ONCALL_CONFIG_YAML } from '../../src/cli/testing/oncall-fixture.js';
import { startEdgealert } from '../conformance/harness/edgealert.js';
import { freePort } from '../conformance/harness/free-port.js';
import type { RunningPeer } from '../conformance/harness/peer-process.js';
import { runCli } from './support/run-cli.js';

const READ_TOKEN = 'read-token-for-cli-tests';
const ADMIN_TOKEN = 'admin-token-for-cli-tests';
const SILENCE_TOKEN = 'silence-token-for-cli-tests';
const AT = '2030-01-01T12:00:00Z';

let edge: RunningPeer;
let dir: string;
let overrideId: string;
let silenceId: string;
const edgealert = (...args: string[]) => runCli(dir, ['--url', edge.url, ...args], { EDGEALERT_TOKEN: READ_TOKEN });

async function post(path: string, token: string, body: unknown): Promise<Record<string, unknown>> {
  const response = await fetch(`${edge.url}${path}`, { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  const json = (await response.json()) as Record<string, unknown>;
  if (!response.ok) throw new Error(`POST ${path}: ${response.status} ${JSON.stringify(json)}`);
  return json;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'edgealert-cli-live-'));
  await writeFile(join(dir, 'routes.yaml'), ONCALL_CONFIG_YAML);
  await writeFile(join(dir, 'without-frank.yaml'), ONCALL_CONFIG_YAML.replace('  frank: { receivers: [bob-phone] }\n', ''));
  edge = await startEdgealert(ONCALL_CONFIG_YAML, { secrets: { READ_TOKEN, ADMIN_TOKEN, SILENCE_TOKEN } });
  const override = await post('/api/v1/overrides', ADMIN_TOKEN, { schedule: 'sre', person: 'frank', start: '2030-01-01T00:00:00Z', end: '2030-01-02T00:00:00Z' });
  overrideId = String(override.id);
  const matchers = [{ name: 'team', value: 'db', isRegex: false, isEqual: true }];
  const silence = await post('/api/v2/silences', SILENCE_TOKEN, { matchers, startsAt: '2030-01-01T00:00:00Z', endsAt: '2030-01-02T00:00:00Z', createdBy: 'ci', comment: 'planned maintenance' });
  silenceId = String(silence.silenceID);
});

afterAll(async () => {
  await edge?.stop();
});

describe('edgealert who --url', () => {
  it('resolves schedules with the override created through the API', async () => {
    const frank = `schedule:sre -> frank (override ${overrideId}) -> bob-phone (webhook)`;
    const result = await edgealert('who', '--at', AT, 'alertname=Disk', 'severity=critical');
    expect(result).toEqual({
      code: 0,
      stderr: '',
      stdout: [
        `at ${AT}, with the overrides and silences of ${edge.url}:`,
        '  route 0.0 -> receiver pager (webhook): notified 30s after the alert starts, repeated every 4h while it fires',
        '    escalation critical: an incident opens with the first notification (2030-01-01T12:00:30Z); until acknowledged:',
        `      step 1 of 3, pass 1 of 2, after 0s (2030-01-01T12:00:30Z): ${frank}`,
        `      step 2 of 3, pass 1 of 2, after 10m (2030-01-01T12:10:30Z): ${frank}; pager (webhook)`,
        '      step 3 of 3, pass 1 of 2, after 20m (2030-01-01T12:20:30Z): person:carol -> person:carol (email)',
        `      step 1 of 3, pass 2 of 2, after 30m (2030-01-01T12:30:30Z): ${frank}`,
        `      step 2 of 3, pass 2 of 2, after 40m (2030-01-01T12:40:30Z): ${frank}; pager (webhook)`,
        '      step 3 of 3, pass 2 of 2, after 50m (2030-01-01T12:50:30Z): person:carol -> person:carol (email)',
        '',
      ].join('\n'),
    });
  });

  it('names the silence that mutes an alert with these labels', async () => {
    const result = await edgealert('who', '--at', AT, 'alertname=Slow', 'team=db');
    expect(result.code).toBe(0);
    expect(result.stdout.split('\n').slice(1, 3)).toEqual([
      `  silenced by ${silenceId} until 2030-01-02T00:00:00Z ({team="db"}, ci: planned maintenance): no receiver is notified and no incident opens while it lasts`,
      '  route 0.1 -> receiver db (webhook): silenced at this time',
    ]);
  });
});

describe('edgealert oncall --url', () => {
  it('puts the override on call', async () => {
    const result = await edgealert('oncall', '--schedule', 'sre', '--at', AT);
    expect(result.stdout.split('\n')[1]).toBe(`  schedule sre (Europe/Berlin): frank (override ${overrideId}), from 2030-01-01T00:00:00Z until 2030-01-02T00:00:00Z`);
  });
});

describe('edgealert check --url', () => {
  it('accepts a config the live overrides fit', async () => {
    expect(await edgealert('check')).toEqual({
      code: 0,
      stderr: '',
      stdout: `routes.yaml: ok (4 routes, 6 receivers, 0 inhibit rules)\n${edge.url}: 1 current overrides and 0 open incidents fit this config\n`,
    });
  });

  it('reports a live override whose person the config drops, exit 1', async () => {
    const result = await edgealert('check', 'without-frank.yaml');
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      `without-frank.yaml: invalid\n${edge.url}: override ${overrideId} (frank on sre until 2030-01-02T00:00:00Z): person "frank" is not in this config, so sre would page no one while it lasts\n`,
    );
  });
});

describe('edgealert diff --url', () => {
  it('compares routing for the alerts firing on the service (none here)', async () => {
    expect(await edgealert('diff', 'routes.yaml', 'without-frank.yaml')).toEqual({ code: 0, stderr: '', stdout: 'no routing or paging changes for 0 label sets\n' });
  });
});

describe('failures to read the service', () => {
  it('says clearly when --url reaches nothing, exit 4, and never prints the token', async () => {
    const url = `http://127.0.0.1:${await freePort()}`;
    const result = await runCli(dir, ['oncall', '--url', url], { EDGEALERT_TOKEN: 'env-token-never-shown' });
    expect(result).toEqual({ code: 4, stdout: '', stderr: `GET ${url}/api/v1/overrides: connection refused (is edgealert running at that address?)\n` });
  });

  it('still checks the config when the service cannot be read', async () => {
    const url = `http://127.0.0.1:${await freePort()}`;
    const result = await runCli(dir, ['check', '--url', url]);
    expect(result).toEqual({ code: 4, stdout: 'routes.yaml: ok (4 routes, 6 receivers, 0 inhibit rules)\n', stderr: `GET ${url}/api/v1/overrides: connection refused (is edgealert running at that address?)\n` });
  });

  it.each([
    ['no token', [], { EDGEALERT_TOKEN: undefined }, '401 Unauthorized: authentication required: send a read token as "Authorization: Bearer <token>" (pass a read token with --token or EDGEALERT_TOKEN)'],
    ['a wrong token', ['--token', 'not-the-read-token'], {}, '401 Unauthorized: the read credentials sent are not valid (check --token or EDGEALERT_TOKEN)'],
    ['a token of another scope', [], { EDGEALERT_TOKEN: SILENCE_TOKEN }, '403 Forbidden: the credentials sent grant silence but not read: use a read or admin token (the token needs the read scope)'],
  ])('refuses %s clearly, exit 4, without printing it', async (_, args, env, message) => {
    const result = await runCli(dir, ['who', '--url', edge.url, ...args, 'alertname=Disk'], env);
    expect(result.code).toBe(4);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(`GET ${edge.url}/api/v1/overrides: ${message}\n`);
    for (const token of ['not-the-read-token', SILENCE_TOKEN]) expect(result.stderr).not.toContain(token);
  });
});
