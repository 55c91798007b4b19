/**
 * GET /api/v2/status, GET /api/v2/receivers, the health endpoints and
 * unknown paths; and that a secret (a `${HOOK_URL}` Worker secret, a literal
 * credential) never appears in any answer.
 */
import { describe, expect, it } from 'vitest';
import { api, getJson, useConfig } from '../support/edgealert.js';
import { TEST_SECRETS } from '../support/secrets.js';
import { advanceTo, deliveries, freshStatePerTest, push } from '../support/timeline.js';

const CREDENTIAL = 'literal-credential-in-the-file';
const CONFIG = `# The webhook URL carries a token: it comes from a Worker secret.
route:
  receiver: web
  group_by: [alertname]
  group_wait: 1s
  routes:
    - receiver: ops
      matchers: [team="ops"]
receivers:
  - name: web
    webhook_configs:
      - url: \${HOOK_URL}
        http_config:
          authorization:
            credentials: ${CREDENTIAL}
  - name: ops
`;
useConfig(CONFIG);
freshStatePerTest();

/** Everything that must never be shown: the secret's value, its token alone, the literal credential. */
const SECRETS = [TEST_SECRETS.HOOK_URL, new URL(TEST_SECRETS.HOOK_URL).pathname.split('/').pop() ?? '', CREDENTIAL];

describe('GET /api/v2/status', () => {
  it("answers Alertmanager's shape, with the config as written and every secret as <secret>", async () => {
    const res = await api('/api/v2/status');
    expect(res.status).toBe(200);
    const status = await res.json<Record<string, unknown>>();
    expect(Object.keys(status)).toEqual(['cluster', 'config', 'uptime', 'versionInfo']);
    expect(status.cluster).toEqual({ peers: [], status: 'disabled' });
    expect(status.config).toEqual({
      original: CONFIG.replace('${HOOK_URL}', '<secret>').replace(CREDENTIAL, '<secret>'),
    });
    expect(Number.isNaN(Date.parse(String(status.uptime)))).toBe(false);
    // amtool compares versionInfo.version with the API version it speaks.
    expect((status.versionInfo as { version: string }).version).toMatch(/^\d+\.\d+\.\d+$/);
  });
});

describe('secrets', () => {
  it('are used for delivery, and appear in no answer of the API', async () => {
    await push([{ labels: { alertname: 'Disk' } }]);
    await advanceTo(1000);
    // The secret was resolved and used: the webhook went to it, with the credential.
    const [delivery] = await deliveries();
    expect(delivery?.url).toBe(TEST_SECRETS.HOOK_URL);
    expect(delivery?.headers.authorization).toBe(`Bearer ${CREDENTIAL}`);

    const requests: [string, RequestInit?][] = [
      ['/api/v2/status'],
      ['/api/v2/receivers'],
      ['/api/v2/alerts'],
      ['/api/v2/alerts/groups'],
      ['/api/v2/silences'],
      ['/-/healthy'],
      ['/-/ready'],
      ['/api/v2/nothing-here'],
      ['/api/v2/alerts?filter=bad'],
      ['/api/v2/alerts', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '[{"labels":' }],
      ['/api/v2/alerts', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '[{"labels":{}}]' }],
      ['/api/v2/alerts', { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: '[]' }],
    ];
    for (const [path, init] of requests) {
      const res = await api(path, init);
      const shown = `${res.status} ${JSON.stringify([...res.headers])} ${await res.text()}`;
      expect(res.status, `${path}: ${shown}`).toBeLessThan(500);
      for (const secret of SECRETS) expect(shown, `${init?.method ?? 'GET'} ${path}`).not.toContain(secret);
    }
  });
});

describe('GET /api/v2/receivers', () => {
  it('lists the receivers by name, in config order', async () => {
    expect(await getJson('/api/v2/receivers')).toEqual([{ name: 'web' }, { name: 'ops' }]);
  });
});

describe('health endpoints', () => {
  it.each(['/-/healthy', '/-/ready'])('HEAD %s answers 200 without a body', async (path) => {
    const res = await api(path, { method: 'HEAD' });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('');
  });
});

describe('unknown paths', () => {
  it.each([
    ['GET', '/nothing'],
    ['GET', '/api/v2/nothing'],
    ['GET', '/api/v1/alerts'],
    ['POST', '/api/v2/receivers'],
  ])('%s %s answers 404 with a JSON {code, message}', async (method, path) => {
    const res = await api(path, { method });
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ code: 404, message: `no such endpoint: ${method} ${path}` });
  });
});
