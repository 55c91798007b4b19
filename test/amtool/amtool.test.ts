/**
 * The real amtool 0.25 (Debian package) against edgealert, with no flags
 * beyond --alertmanager.url, and the same commands against the real
 * Alertmanager where comparing the two says more than an assertion alone.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alertmanagerAvailable, startAlertmanager } from '../conformance/harness/alertmanager.js';
import { startEdgealert } from '../conformance/harness/edgealert.js';
import type { RunningPeer } from '../conformance/harness/peer-process.js';

const run = promisify(execFile);
const available = await alertmanagerAvailable();

const CONFIG = `
route:
  receiver: sink
  group_wait: 1h
receivers:
  - name: sink
`;

interface AmtoolResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

async function amtool(peer: RunningPeer, ...args: string[]): Promise<AmtoolResult> {
  try {
    const { stdout, stderr } = await run('amtool', [`--alertmanager.url=${peer.url}`, ...args], { timeout: 30_000 });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const failure = e as { code?: number; stdout?: string; stderr?: string };
    return { code: failure.code ?? 1, stdout: failure.stdout ?? '', stderr: failure.stderr ?? '' };
  }
}

interface JsonSilence {
  id: string;
  status: { state: string };
  matchers: { name: string; value: string; isRegex: boolean; isEqual: boolean }[];
  createdBy: string;
  comment: string;
  startsAt: string;
  endsAt: string;
}

async function silences(peer: RunningPeer, ...args: string[]): Promise<JsonSilence[]> {
  const result = await amtool(peer, 'silence', 'query', '-o', 'json', ...args);
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(result.stdout) as JsonSilence[];
}

describe.skipIf(!available)('amtool against edgealert', () => {
  let edge: RunningPeer;
  let am: RunningPeer;

  beforeAll(async () => {
    [edge, am] = await Promise.all([startEdgealert(CONFIG), startAlertmanager(CONFIG)]);
  });
  afterAll(async () => {
    await Promise.all([edge?.stop(), am?.stop()]);
  });

  it('adds a silence and queries it back, in simple and json output', async () => {
    const added = await amtool(edge, 'silence', 'add', 'alertname=DiskFull', 'severity=~"crit.*"', '-c', 'disk swap', '-a', 'alice', '-d', '1h');
    expect(added.code, added.stderr).toBe(0);
    const id = added.stdout.trim();
    expect(id).toMatch(/^[0-9a-f-]{36}$/);

    const simple = await amtool(edge, 'silence', 'query');
    expect(simple.stdout).toContain(id);
    expect(simple.stdout).toContain('alertname="DiskFull" severity=~"crit.*"');

    const [silence] = (await silences(edge)).filter((s) => s.id === id);
    expect(silence).toMatchObject({
      status: { state: 'active' },
      createdBy: 'alice',
      comment: 'disk swap',
      matchers: [
        { name: 'alertname', value: 'DiskFull', isRegex: false, isEqual: true },
        { name: 'severity', value: 'crit.*', isRegex: true, isEqual: true },
      ],
    });
  });

  it('prints the same json fields as Alertmanager for the same silence', async () => {
    const args = ['silence', 'add', 'team!="ops"', 'job="node"', '-c', 'same', '-a', 'bob', '-d', '2h'];
    await Promise.all([amtool(edge, ...args), amtool(am, ...args)]);
    const pick = (list: JsonSilence[]) => {
      const s = list.find((x) => x.comment === 'same');
      return s && { keys: Object.keys(s).sort(), state: s.status.state, matchers: s.matchers, createdBy: s.createdBy };
    };
    expect(pick(await silences(edge))).toEqual(pick(await silences(am)));
  });

  it('updates a silence in place when only its end changes', async () => {
    const id = (await amtool(edge, 'silence', 'add', 'alertname=Update', '-c', 'u', '-a', 'a', '-d', '1h')).stdout.trim();
    const updated = await amtool(edge, 'silence', 'update', id, '--duration=3h');
    expect(updated.code, updated.stderr).toBe(0);
    const matching = (await silences(edge)).filter((s) => s.comment === 'u');
    expect(matching.map((s) => s.id)).toEqual([id]);
    const hours = (Date.parse(matching[0]?.endsAt ?? '') - Date.parse(matching[0]?.startsAt ?? '')) / 3_600_000;
    expect(hours).toBeGreaterThan(2.9);
  });

  it('expires a silence, which then shows only with --expired', async () => {
    const id = (await amtool(edge, 'silence', 'add', 'alertname=Expire', '-c', 'e', '-a', 'a', '-d', '1h')).stdout.trim();
    expect((await amtool(edge, 'silence', 'expire', id)).code).toBe(0);
    expect((await silences(edge)).some((s) => s.id === id)).toBe(false);
    const expired = (await silences(edge, '--expired')).find((s) => s.id === id);
    expect(expired?.status.state).toBe('expired');
  });

  it('imports silences exported as json', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'amtool-import-'));
    const file = join(dir, 'silences.json');
    const source = (await silences(edge)).filter((s) => s.comment === 'disk swap');
    await writeFile(file, JSON.stringify(source.map((s) => ({ ...s, id: undefined, comment: 'imported' }))));
    const imported = await amtool(edge, 'silence', 'import', file);
    expect(imported.code, imported.stderr).toBe(0);
    expect((await silences(edge)).filter((s) => s.comment === 'imported')).toHaveLength(source.length);
  });

  it('adds alerts and filters them with every alert query flag exactly as Alertmanager does', async () => {
    const silence = ['silence', 'add', 'alertname=Quiet', '-c', 'q', '-a', 'a', '-d', '1h'];
    const loud = ['alert', 'add', 'alertname=Loud', 'instance=a'];
    const quiet = ['alert', 'add', 'alertname=Quiet', 'instance=b'];
    for (const peer of [edge, am]) {
      for (const args of [silence, loud, quiet]) expect((await amtool(peer, ...args)).code).toBe(0);
    }
    const names = async (peer: RunningPeer, flags: string[]) => {
      const out = await amtool(peer, 'alert', 'query', '-o', 'json', ...flags);
      expect(out.code, out.stderr).toBe(0);
      const alerts = JSON.parse(out.stdout) as { labels: Record<string, string>; status: { state: string } }[];
      return alerts.map((a) => `${a.labels.alertname}:${a.status.state}`).sort();
    };
    for (const flags of [[], ['-s'], ['-a'], ['-i'], ['-s', '-a'], ['alertname=Loud'], ['alertname=~"Q.*"', '-s']]) {
      expect(await names(edge, flags), flags.join(' ')).toEqual(await names(am, flags));
    }
    expect(await names(edge, ['-s'])).toContain('Quiet:suppressed');
  });

  it.each([
    ['a silence whose only matcher matches everything', ['foo=""'], 'must not match the empty string'],
    // amtool checks regexes itself before sending, so a bad regex never reaches a server through it.
    ['only a regex matcher that matches everything', ['alertname=~".*"'], 'must not match the empty string'],
  ])('refuses %s with Alertmanager status and message, and stores nothing', async (_why, matchers, message) => {
    const before = await silences(edge, '--expired');
    const [ours, theirs] = await Promise.all([
      amtool(edge, 'silence', 'add', ...matchers, '-c', 'bad', '-a', 'a'),
      amtool(am, 'silence', 'add', ...matchers, '-c', 'bad', '-a', 'a'),
    ]);
    expect(ours.code).not.toBe(0);
    expect(theirs.code).not.toBe(0);
    expect(ours.stderr).toContain(message);
    expect(await silences(edge, '--expired')).toEqual(before);
  });
});
