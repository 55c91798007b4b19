/**
 * The real Alertmanager 0.25's API answers and config checks that edgealert
 * copies, pinned as tests (README: "Observed Alertmanager 0.25 behaviour").
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alertmanagerAvailable, startAlertmanager } from './harness/alertmanager.js';
import type { RunningPeer } from './harness/peer-process.js';

const config = (routeExtra = ''): string => `
route:
  receiver: web
  group_by: [alertname]
  group_wait: 1h
${routeExtra}
receivers:
  - name: web
  - name: ops
`;

const available = await alertmanagerAvailable();

describe.skipIf(!available)('Alertmanager 0.25 config checks', () => {
  it.each([
    ['group_wait: 0s', 'accepted'],
    ['group_interval: 1s', 'accepted'],
    ['repeat_interval: 1s', 'accepted'],
    ['group_wait: 500ms', 'accepted'],
    ['group_interval: 0s', 'group_interval cannot be zero'],
    ['repeat_interval: 0s', 'repeat_interval cannot be zero'],
    ['group_interval: 1.5s', 'not a valid duration string: \\"1.5s\\"'],
  ])('%s -> %s', async (line, outcome) => {
    const started = startAlertmanager(config(`  routes:\n    - receiver: ops\n      ${line}`));
    if (outcome === 'accepted') await (await started).stop();
    else await expect(started).rejects.toThrow(outcome);
  });
});

describe.skipIf(!available)('Alertmanager 0.25 API', () => {
  let am: RunningPeer;
  beforeAll(async () => {
    am = await startAlertmanager(config('  routes:\n    - matchers: [team="ops"]\n      receiver: ops'));
  });
  afterAll(() => am?.stop());

  const post = async (body: string, contentType = 'application/json') => {
    const response = await fetch(`${am.url}/api/v2/alerts`, { method: 'POST', headers: { 'content-type': contentType }, body });
    return [response.status, await response.text(), response.headers.get('content-type')];
  };
  const stored = async (): Promise<string[]> => {
    const alerts = (await (await fetch(`${am.url}/api/v2/alerts`)).json()) as { labels: { alertname: string } }[];
    return alerts.map((a) => a.labels.alertname).sort();
  };

  it.each([
    // Invalid alerts are dropped one by one; the valid ones in the batch are stored; errors joined by "; ".
    ['[{"labels":{"alertname":"V1"}},{"labels":{}}]', 400, '"at least one label pair required"\n', 'V1'],
    ['[{"labels":{"alertname":"V2"}},{"labels":{"bad-name":"x"}},{"labels":{"a":""}}]', 400,
      '"invalid label set: invalid name \\"bad-name\\"; at least one label pair required"\n', 'V2'],
    ['[{"labels":{"alertname":"V3"}},{"labels":{"alertname":"X"},"startsAt":"2026-01-02T00:00:00Z","endsAt":"2026-01-01T00:00:00Z"}]', 400,
      '"start time must be before end time"\n', 'V3'],
    // Schema errors reject the whole batch (nothing stored), with a {code, message} body.
    ['[{"labels":{"alertname":"N1"}},{"annotations":{}}]', 422, '{"code":602,"message":"1.labels in body is required"}', null],
    ['[{"labels":{"alertname":"N2"},"generatorURL":"::x"}]', 422, '{"code":601,"message":"0.generatorURL in body must be of type uri: \\"::x\\""}', null],
    ['[{"labels":', 400, '{"code":400,"message":"parsing alerts body from \\"\\" failed, because unexpected EOF"}', null],
    ['{"labels":{"alertname":"N3"}}', 400,
      '{"code":400,"message":"parsing alerts body from \\"\\" failed, because json: cannot unmarshal object into Go value of type models.PostableAlerts"}', null],
    ['[]', 200, '', null],
  ])('POST %s -> %i %s', async (body, status, answer, storedName) => {
    const before = await stored();
    const [gotStatus, gotBody, contentType] = await post(body);
    expect([gotStatus, gotBody]).toEqual([status, answer]);
    expect(contentType).toBe(status === 200 ? null : 'application/json');
    expect(await stored()).toEqual(storedName === null ? before : [...before, storedName].sort());
  });

  it('answers 415 to a body that is not application/json', async () => {
    expect(await post('[{"labels":{"alertname":"T"}}]', 'text/plain')).toEqual([
      415,
      '{"code":415,"message":"unsupported media type \\"text/plain\\", only [application/json] are allowed"}',
      'application/json',
    ]);
  });

  it('lists receivers in config order and reports status with the re-marshalled config', async () => {
    expect(await (await fetch(`${am.url}/api/v2/receivers`)).json()).toEqual([{ name: 'web' }, { name: 'ops' }]);
    const status = (await (await fetch(`${am.url}/api/v2/status`)).json()) as Record<string, unknown>;
    expect(Object.keys(status)).toEqual(['cluster', 'config', 'uptime', 'versionInfo']);
    expect(status.cluster).toEqual({ peers: [], status: 'disabled' });
    expect((status.config as { original: string }).original).toMatch(/^global:\n {2}resolve_timeout: 5m\n/);
    expect(status.uptime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(status.versionInfo).toMatchObject({ version: '0.25.0', branch: 'debian/sid' });
  });

  it('shows an alert in its group: receivers, state, ms-precision times, endsAt = updatedAt + resolve_timeout, no empty generatorURL', async () => {
    const alert = { labels: { alertname: 'Grouped', team: 'ops' }, annotations: { s: 'x' }, startsAt: '2026-01-02T03:04:05.123456Z' };
    expect((await post(JSON.stringify([alert])))[0]).toBe(200);
    type Group = { labels: Record<string, string>; alerts: Record<string, unknown>[] };
    const groups = (await (await fetch(`${am.url}/api/v2/alerts/groups`)).json()) as Group[];
    const group = groups.find((g) => g.labels.alertname === 'Grouped')!;
    expect(Object.keys(group)).toEqual(['alerts', 'labels', 'receiver']);
    expect(group).toMatchObject({ labels: { alertname: 'Grouped' }, receiver: { name: 'ops' } });
    const [shown] = group.alerts;
    expect(Object.keys(shown!)).toEqual(
      ['annotations', 'endsAt', 'fingerprint', 'receivers', 'startsAt', 'status', 'updatedAt', 'labels'],
    );
    expect(shown).toMatchObject({
      startsAt: '2026-01-02T03:04:05.123Z',
      receivers: [{ name: 'ops' }],
      status: { inhibitedBy: [], silencedBy: [], state: 'active' },
    });
    expect(Date.parse(String(shown!.endsAt)) - Date.parse(String(shown!.updatedAt))).toBe(300_000);
  });
});
