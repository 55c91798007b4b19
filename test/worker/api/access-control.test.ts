/**
 * Access scopes on every endpoint (src/auth/scopes.ts, src/api/require-scope.ts):
 * no token 401, a wrong token 401, a valid token of another scope 403, the
 * endpoint's scope or ADMIN_TOKEN let through; deployed (no EDGEALERT_LOCAL)
 * with no tokens every endpoint but health refuses with how to set one; the
 * failed-attempt limit; security headers on every response.
 */
import { describe, expect, it } from 'vitest';
import { api } from '../support/edgealert.js';
import { useBindings } from '../support/bindings.js';
import { advanceTo, freshStatePerTest } from '../support/timeline.js';
import { useConfig } from '../support/edgealert.js';

useConfig(`
route:
  receiver: hook
  group_wait: 1h
receivers:
  - name: hook
    webhook_configs: [{ url: http://receiver.test/hook }]
heartbeats:
  - name: nightly
    matchers: ['alertname="Nightly"']
    timeout: 1h
    receiver: hook
`);
freshStatePerTest();

const TOKENS = {
  READ_TOKEN: 'read-tok',
  SILENCE_TOKEN: 'silence-tok',
  ACK_TOKEN: 'ack-tok',
  INGEST_TOKEN: 'ingest-tok',
  METRICS_TOKEN: 'metrics-tok',
  ADMIN_TOKEN: 'admin-old,admin-new',
} as const;

const json = { 'Content-Type': 'application/json' };
const silence = JSON.stringify({ matchers: [{ name: 'a', value: 'b', isRegex: false }], startsAt: '2040-01-01T12:00:00Z', endsAt: '2040-01-01T13:00:00Z', createdBy: 't', comment: 'c' });

/** Every endpoint with the scope it needs and a request that passes validation once authorized. */
const ENDPOINTS = [
  ['GET', '/api/v2/alerts', 'read'],
  ['GET', '/api/v2/alerts/groups', 'read'],
  ['POST', '/api/v2/alerts', 'ingest', '[]'],
  ['GET', '/api/v2/silences', 'read'],
  ['POST', '/api/v2/silences', 'silence', silence],
  ['GET', '/api/v2/silence/nope', 'read'],
  ['DELETE', '/api/v2/silence/nope', 'silence'],
  ['GET', '/api/v2/status', 'read'],
  ['GET', '/api/v2/receivers', 'read'],
  ['POST', '/webhook/alertmanager', 'ingest', '{"version":"4","status":"firing","receiver":"x","groupLabels":{},"commonLabels":{},"commonAnnotations":{},"externalURL":"http://am","alerts":[],"groupKey":"{}:{}","truncatedAlerts":0}'],
  ['GET', '/api/v1/heartbeats', 'read'],
  ['POST', '/api/v1/heartbeats/nightly', 'ingest'],
  ['GET', '/metrics', 'metrics'],
  ['GET', '/api/v1/incidents', 'read'],
  ['GET', '/api/v1/incidents/1', 'read'],
  ['POST', '/api/v1/incidents/1/ack', 'ack'],
  ['POST', '/api/v1/incidents/1/unack', 'ack'],
  ['POST', '/api/v1/incidents/1/resolve', 'ack'],
  ['GET', '/api/v1/oncall', 'read'],
  ['GET', '/api/v1/overrides', 'read'],
  ['POST', '/api/v1/overrides', 'ack', '{"schedule":"none","person":"nobody","start":"2040-01-01T12:00:00Z","end":"2040-01-01T13:00:00Z"}'],
  ['DELETE', '/api/v1/overrides/nope', 'ack'],
] as const;

type Endpoint = (typeof ENDPOINTS)[number];
type ScopeName = Endpoint[2];
const TOKEN_OF: Record<ScopeName, string> = { read: 'read-tok', silence: 'silence-tok', ingest: 'ingest-tok', metrics: 'metrics-tok', ack: 'ack-tok' };

function call([method, path, , body]: readonly [string, string, string, string?], headers: Record<string, string> = {}): Promise<Response> {
  return api(path, { method, headers: body === undefined ? headers : { ...json, ...headers }, ...(body === undefined ? {} : { body }) });
}

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

describe('with a token for every scope', () => {
  useBindings(TOKENS);

  describe.each(ENDPOINTS)('%s %s (scope %s)', (...endpoint) => {
    const scope = endpoint[2];

    it('refuses a request without a token: 401, WWW-Authenticate, how to send one', async () => {
      const res = await call(endpoint);
      expect(res.status).toBe(401);
      expect(res.headers.get('WWW-Authenticate')).toMatch(/^Bearer realm="edgealert"/);
      expect(((await res.json()) as { message: string }).message).toMatch(new RegExp(`^authentication required: send an? ${scope} token`));
    });

    it('refuses a wrong token: 401', async () => {
      const res = await call(endpoint, bearer('guess'));
      expect(res.status).toBe(401);
      expect(await res.json()).toEqual({ code: 401, message: `the ${scope} credentials sent are not valid` });
    });

    it('refuses a valid token of another scope: 403 naming the scope needed', async () => {
      const other = scope === 'read' ? 'silence-tok' : 'read-tok';
      const res = await call(endpoint, bearer(other));
      expect(res.status).toBe(403);
      expect(((await res.json()) as { message: string }).message).toMatch(new RegExp(`but not ${scope}: use an? ${scope} or admin token$`));
    });

    it.each([['its scope token', TOKEN_OF[scope]], ['the old admin token', 'admin-old'], ['the new admin token', 'admin-new']])('lets %s through', async (_what, token) => {
      const res = await call(endpoint, bearer(token));
      expect([401, 403, 429, 500]).not.toContain(res.status);
    });
  });

  it('ACK_TOKEN grants the ack scope only: no reading, silencing or ingesting', async () => {
    expect((await api('/api/v2/alerts', { headers: bearer('ack-tok') })).status).toBe(403);
    expect((await api('/api/v1/incidents', { headers: bearer('ack-tok') })).status).toBe(403);
    expect((await api('/api/v2/silences', { method: 'POST', headers: { ...json, ...bearer('ack-tok') }, body: silence })).status).toBe(403);
  });

  it.each(['/-/healthy', '/-/ready'])('leaves %s open', async (path) => {
    expect((await api(path)).status).toBe(200);
  });
});

describe('with only ADMIN_TOKEN set, locally', () => {
  useBindings({ ADMIN_TOKEN: 'admin-only' });

  it.each(ENDPOINTS)('%s %s needs the admin token', async (...endpoint) => {
    expect((await call(endpoint)).status).toBe(401);
    expect([401, 403]).not.toContain((await call(endpoint, bearer('admin-only'))).status);
  });
});

describe('locally (EDGEALERT_LOCAL=true) with no tokens', () => {
  it.each(ENDPOINTS)('%s %s is open', async (...endpoint) => {
    expect([401, 403]).not.toContain((await call(endpoint)).status);
  });
});

describe('deployed (no EDGEALERT_LOCAL) with no tokens: secure by default', () => {
  useBindings({ EDGEALERT_LOCAL: undefined });

  it.each(ENDPOINTS)('%s %s refuses with 403 and how to set a token', async (...endpoint) => {
    const res = await call(endpoint, bearer('anything'));
    expect(res.status).toBe(403);
    const { message } = (await res.json()) as { message: string };
    expect(message).toContain(`no credential is configured for the ${endpoint[2]} scope, so this deployed Worker refuses it`);
    expect(message).toContain('npx wrangler secret put');
  });

  it.each(['/-/healthy', '/-/ready'])('leaves %s open', async (path) => {
    expect((await api(path)).status).toBe(200);
  });

  describe('with READ_TOKEN set', () => {
    useBindings({ READ_TOKEN: 'read-tok' });

    it('serves reads with it and still refuses silences', async () => {
      expect((await api('/api/v2/silences', { headers: bearer('read-tok') })).status).toBe(200);
      expect((await call(ENDPOINTS[4], bearer('read-tok'))).status).toBe(403);
    });
  });
});

describe('failed attempts', () => {
  useBindings({ READ_TOKEN: 'read-tok' });
  const from = (ip: string, headers: Record<string, string> = {}) => api('/api/v2/alerts', { headers: { 'CF-Connecting-IP': ip, ...headers } });

  it('answers 429 with Retry-After after 10 wrong tokens from one IP in a minute, even to the right token', async () => {
    for (let i = 0; i < 10; i++) expect((await from('203.0.113.1', bearer(`guess-${i}`))).status).toBe(401);
    const res = await from('203.0.113.1', bearer('read-tok'));
    expect(res.status).toBe(429);
    expect(res.headers.get('Retry-After')).toBe('60');
    expect(((await res.json()) as { message: string }).message).toBe('too many failed authentication attempts from 203.0.113.1: try again in 60s');
    expect((await from('203.0.113.2', bearer('read-tok'))).status).toBe(200);
  });

  it('lets the client try again once its failures are a minute old', async () => {
    for (let i = 0; i < 10; i++) await from('203.0.113.3', bearer('guess'));
    await advanceTo(30_000);
    expect((await from('203.0.113.3', bearer('read-tok'))).headers.get('Retry-After')).toBe('30');
    await advanceTo(60_000);
    expect((await from('203.0.113.3', bearer('read-tok'))).status).toBe(200);
  });

  it('does not count requests that send no credentials', async () => {
    for (let i = 0; i < 12; i++) expect((await from('203.0.113.4')).status).toBe(401);
    expect((await from('203.0.113.4', bearer('read-tok'))).status).toBe(200);
  });
});

describe('security headers', () => {
  useBindings({ READ_TOKEN: 'read-tok' });
  const EXPECTED = {
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'referrer-policy': 'no-referrer',
    'content-security-policy': "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
  };

  it.each([
    ['a 200', '/-/healthy'],
    ['a 401', '/api/v2/alerts'],
    ['a 404', '/nope'],
  ])('are on %s', async (_what, path) => {
    const res = await api(path);
    expect(Object.fromEntries([...res.headers].filter(([name]) => name in EXPECTED))).toEqual(EXPECTED);
    expect(res.headers.get('Strict-Transport-Security')).toBeNull();
  });

  it('include Strict-Transport-Security over https', async () => {
    const { exports } = await import('cloudflare:workers');
    const res = await exports.default.fetch('https://edgealert.test/-/healthy');
    expect(res.headers.get('Strict-Transport-Security')).toBe('max-age=63072000; includeSubDomains');
  });
});
