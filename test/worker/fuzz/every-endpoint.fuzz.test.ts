/**
 * Property tests (fast-check, fixed seeds) over the endpoints beyond
 * Alertmanager's writes (see malformed-writes.fuzz.test.ts for those):
 * malformed or hostile requests to the upstream webhook, heartbeat pings,
 * incident actions, overrides, the on-call and incident queries, Slack
 * interactions, acknowledgement links and the UI's forms never get a 5xx,
 * always a 4xx saying what is wrong, and change nothing: alerts, silences,
 * incidents and overrides read the same before and after every request.
 * Requests go straight to the Worker's fetch handler, as in the other fuzz
 * file (the test entrypoint slows down over thousands of calls).
 */
import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { directRequest } from '../support/direct-fetch.js';
import { useConfig } from '../support/edgealert.js';
import { advanceWithIncidentsTo } from '../support/oncall.js';
import { eq, silence } from '../support/silences.js';
import { firing, freshStatePerTest, iso, push } from '../support/timeline.js';

useConfig(`
global:
  resolve_timeout: 2h
route:
  receiver: hook
  group_by: [alertname]
  group_wait: 1s
  escalation: critical
receivers:
  - name: hook
    webhook_configs: [{ url: http://receiver.test/hook }]
people:
  alice: { receivers: [hook] }
schedules:
  - name: primary
    rotations:
      - participants: [alice]
        length: 1d
        start: 2040-01-01T00:00
escalation_policies:
  - name: critical
    steps:
      - notify: [hook]
      - after: 1h
        notify: [schedule:primary]
heartbeats:
  - name: nightly
    timeout: 1h
`);
freshStatePerTest();

const RUNS = { seed: 20_261_125, numRuns: 150, endOnFailure: true };
const request = directRequest;

/** Everything a malformed request must not move. */
async function readState(): Promise<unknown[]> {
  return Promise.all(
    ['/api/v2/alerts', '/api/v2/silences', '/api/v1/incidents', '/api/v1/overrides', '/api/v1/heartbeats'].map(async (path) => {
      const res = await request(path);
      expect(res.status, path).toBe(200);
      return res.json();
    }),
  );
}

let before: unknown[] = [];
beforeEach(async () => {
  await push([firing('Seed', { instance: '<script>alert(1)</script>' })]);
  await advanceWithIncidentsTo(1000); // incident 1 opens and pages step 1
  await silence([eq('instance', 'nothing')]);
  const override = { schedule: 'primary', person: 'alice', start: iso(HOUR), end: iso(2 * HOUR) };
  expect((await request('/api/v1/overrides', { method: 'POST', headers: JSON_TYPE, body: JSON.stringify(override) })).status).toBe(201);
  before = await readState();
});

const HOUR = 3_600_000;
const JSON_TYPE = { 'Content-Type': 'application/json' };

/** A 4xx with a message (JSON `{message}`, or a page for the HTML endpoints), and nothing changed. */
async function expectRefused(path: string, init: RequestInit): Promise<void> {
  const res = await request(path, init);
  const answer = await res.text();
  const what = `${init.method ?? 'GET'} ${path} ${String(init.body ?? '').slice(0, 200)} -> ${res.status} ${answer.slice(0, 200)}`;
  expect(res.status, what).toBeGreaterThanOrEqual(400);
  expect(res.status, what).toBeLessThan(500);
  expect(answer.trim().length, what).toBeGreaterThan(0);
  expect(await readState(), what).toEqual(before);
}

/** Text that is not JSON, JSON of any shape, or nothing. */
const anyBody = fc.oneof(fc.string({ unit: 'binary', maxLength: 120 }), fc.json({ maxDepth: 3 }), fc.constant(''));
/** JSON objects with the field names an endpoint knows, filled with anything. */
const fieldSoup = (fields: readonly string[]) => fc.dictionary(fc.constantFrom(...fields, 'extra'), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 5 }).map((o) => JSON.stringify(o));
/** Path segments, hostile ones included. */
const segment = fc.oneof(fc.string({ minLength: 1, maxLength: 20 }).map(encodeURIComponent), fc.constantFrom('..', '%2e%2e', '%00', '<script>', '__proto__', '9999', 'constructor'));

describe('malformed or hostile requests are refused with a 4xx and change nothing', () => {
  it('POST /webhook/alertmanager[/{name}] with bodies that are not an Alertmanager webhook', async () => {
    const bodies = fc.oneof(anyBody, fieldSoup(['version', 'status', 'receiver', 'alerts', 'groupLabels', 'commonLabels', 'externalURL', 'groupKey']));
    await fc.assert(
      fc.asyncProperty(bodies, fc.option(segment, { nil: undefined }), (body, name) =>
        expectRefused(`/webhook/alertmanager${name ? `/${name}` : ''}`, { method: 'POST', headers: JSON_TYPE, body }),
      ),
      RUNS,
    );
  });

  it('POST /api/v1/heartbeats/{name} for names that are not configured', async () => {
    await fc.assert(
      fc.asyncProperty(
        segment.filter((s) => s !== 'nightly'),
        (name) => expectRefused(`/api/v1/heartbeats/${name}`, { method: 'POST' }),
      ),
      RUNS,
    );
  });

  it('POST /api/v1/incidents/{id}/{action}: unknown incidents, or malformed bodies for incident 1', async () => {
    const action = fc.constantFrom('ack', 'unack', 'resolve');
    const unknownIncident = fc.tuple(segment.filter((s) => s !== '1'), action).map(([id, a]) => ({ path: `/api/v1/incidents/${id}/${a}`, init: { method: 'POST' } }));
    const badBody = fc
      .tuple(action, fc.oneof(anyBody.filter((t) => t.trim() !== '' && !/^\s*\{\s*\}\s*$/.test(t) && !isByObject(t)), fieldSoup(['by']).filter((t) => !isByObject(t))))
      .map(([a, body]) => ({ path: `/api/v1/incidents/1/${a}`, init: { method: 'POST', headers: JSON_TYPE, body } }));
    const wrongType = action.map((a) => ({ path: `/api/v1/incidents/1/${a}`, init: { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: '{"by":"x"}' } }));
    await fc.assert(
      fc.asyncProperty(fc.oneof(unknownIncident, badBody, wrongType), ({ path, init }) => expectRefused(path, init)),
      RUNS,
    );
  });

  it('POST /api/v1/overrides with bodies that are not a valid override, DELETE of unknown ids', async () => {
    const badOverride = fc.oneof(
      anyBody,
      fieldSoup(['schedule', 'person', 'start', 'end']),
      fc.constantFrom(
        { schedule: 'primary', person: 'mallory', start: iso(0), end: iso(HOUR) },
        { schedule: 'nope', person: 'alice', start: iso(0), end: iso(HOUR) },
        { schedule: 'primary', person: 'alice', start: iso(HOUR), end: iso(0) },
        { schedule: 'primary', person: 'alice', start: iso(-2 * HOUR), end: iso(-HOUR) },
        { schedule: 'primary', person: 'alice', start: 'tomorrow', end: iso(HOUR) },
      ).map((o) => JSON.stringify(o)),
    );
    const posts = badOverride.map((body) => ({ path: '/api/v1/overrides', init: { method: 'POST', headers: JSON_TYPE, body } as RequestInit }));
    const deletes = segment.map((id) => ({ path: `/api/v1/overrides/${id}`, init: { method: 'DELETE' } as RequestInit }));
    await fc.assert(
      fc.asyncProperty(fc.oneof(posts, deletes), ({ path, init }) => expectRefused(path, init)),
      RUNS,
    );
  });

  it('POST /api/v1/slack/interactions that Slack did not sign', async () => {
    const headers = fc.record({ 'X-Slack-Request-Timestamp': fc.oneof(fc.string({ maxLength: 12 }), fc.integer().map(String)), 'X-Slack-Signature': fc.oneof(fc.string({ maxLength: 70 }), fc.stringMatching(/^[0-9a-f]{64}$/).map((h) => `v0=${h}`)) }, { requiredKeys: [] });
    await fc.assert(
      fc.asyncProperty(anyBody, headers, (body, extra) =>
        expectRefused('/api/v1/slack/interactions', { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...extra }, body: `payload=${encodeURIComponent(body)}` }),
      ),
      RUNS,
    );
  });

  it('GET and POST /ack/{token} with forged tokens', async () => {
    // `..` would be resolved by the URL parser into another path: not an /ack request.
    const token = fc.oneof(segment.filter((s) => !/^(\.\.|%2e%2e)$/i.test(s)), fc.base64String({ maxLength: 80 }).map((b) => `v1.${b.replace(/[+/=]/g, '_')}.${b.slice(0, 10)}`));
    await fc.assert(
      fc.asyncProperty(token, fc.constantFrom('GET', 'POST'), (t, method) => expectRefused(`/ack/${t}`, { method })),
      RUNS,
    );
  });

  it('UI form posts without the session and CSRF token', async () => {
    const path = fc.constantFrom('/ui/silences', '/ui/silences/x/expire', '/ui/incidents/1/ack', '/ui/incidents/1/resolve', '/ui/oncall/overrides', '/ui/login', '/ui/logout');
    const form = fc.dictionary(fc.constantFrom('matchers', 'csrf', 'by', 'token', 'schedule', 'person', 'start', 'end', 'comment'), fc.string({ maxLength: 40 }), { maxKeys: 5 }).map((o) => new URLSearchParams(o).toString());
    await fc.assert(
      fc.asyncProperty(path, form, fc.constantFrom(undefined, 'https://evil.example', 'null'), (p, body, origin) =>
        expectRefused(p, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...(origin ? { Origin: origin } : {}) }, body }),
      ),
      RUNS,
    );
  });
});

describe('queries with hostile parameters never fail with a 5xx', () => {
  it.each([
    ['/api/v1/oncall?schedule=', 'schedule'],
    ['/api/v1/oncall?at=', 'at'],
    ['/api/v1/incidents?status=', 'status'],
    ['/api/v1/overrides?schedule=', 'schedule'],
    ['/api/v2/alerts?filter=', 'filter'],
    ['/ui/alerts?filter=', 'filter'],
    ['/ui/incidents?status=', 'status'],
  ])('%s...', async (prefix) => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 60 }), async (value) => {
        const res = await request(`${prefix}${encodeURIComponent(value)}`);
        expect(res.status, `${prefix}${value} -> ${res.status}`).toBeLessThan(500);
      }),
      { ...RUNS, numRuns: 60 },
    );
    expect(await readState()).toEqual(before);
  });
});

/** A JSON object whose only field is a valid `by` (that would act on the incident). */
function isByObject(text: string): boolean {
  try {
    const v = JSON.parse(text) as unknown;
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
    const keys = Object.keys(v);
    return keys.every((k) => k === 'by') && (keys.length === 0 || (typeof (v as { by: unknown }).by === 'string' && (v as { by: string }).by.trim().length > 0 && (v as { by: string }).by.trim().length <= 100));
  } catch {
    return false;
  }
}
