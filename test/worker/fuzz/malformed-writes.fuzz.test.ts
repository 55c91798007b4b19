/**
 * Property tests (fast-check, fixed seeds) through the whole Worker: random
 * malformed bodies to POST /api/v2/alerts and POST /api/v2/silences each get
 * a 4xx with a message (never a 5xx), and change nothing: GET /api/v2/alerts,
 * /api/v2/alerts/groups and /api/v2/silences read the same before and after
 * every one of them.
 *
 * The requests go straight to the Worker's fetch handler (the app the
 * Worker exports, with the project's bindings and Durable Objects) rather
 * than through `exports.default.fetch`: in @cloudflare/vitest-pool-workers
 * 0.15.1 each call through that entrypoint costs more than the one before in
 * the same test (about 50 ms each after 500, and a stack overflow after a
 * few thousand), which a property run of thousands of requests cannot afford.
 *
 * Malformed here means no part of the request may be stored: text that is
 * not JSON, JSON of the wrong shape, a list where one alert has a field of
 * the wrong type (the whole body is refused, its valid alerts too), a list
 * of alerts that are each invalid, a silence missing a field or with one of
 * the wrong type or breaking one of Alertmanager's rules, a wrong
 * Content-Type.
 */
import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { directRequest } from '../support/direct-fetch.js';
import { useConfig } from '../support/edgealert.js';
import { eq, re, silence } from '../support/silences.js';
import { freshStatePerTest, iso, push } from '../support/timeline.js';

useConfig(`
route:
  receiver: hook
  group_by: [alertname]
  group_wait: 1h
receivers:
  - name: hook
    webhook_configs: [{ url: http://receiver.test/hook }]
`);
freshStatePerTest();

/** endOnFailure: runs share the Worker's state, so a shrink after a failure would start from a changed state and mislead. */
const RUNS = { seed: 20_260_113, numRuns: 400, endOnFailure: true };

const request = directRequest;

/** What the read API shows; must not move. */
async function readState(): Promise<unknown[]> {
  return Promise.all(
    ['/api/v2/alerts', '/api/v2/alerts/groups', '/api/v2/silences'].map(async (path) => {
      const res = await request(path);
      expect(res.status).toBe(200);
      return res.json();
    }),
  );
}

let before: unknown[] = [];
beforeEach(async () => {
  await push([{ labels: { alertname: 'Seed', instance: 'a' } }, { labels: { alertname: 'Seed', instance: 'b' }, annotations: { summary: '<b>bold</b>' } }]);
  await silence([eq('instance', 'a')]);
  before = await readState();
});

type Body = { text: string; contentType?: string };

/** A 4xx whose body says what is wrong ({code, message} or a bare string, as Alertmanager answers), and no change. */
async function expectRefusedWithoutChange(path: string, { text, contentType = 'application/json' }: Body): Promise<void> {
  const res = await request(path, { method: 'POST', headers: { 'Content-Type': contentType }, body: text });
  const answer = await res.text();
  expect(res.status, `${text.slice(0, 300)} -> ${answer}`).toBeGreaterThanOrEqual(400);
  expect(res.status, `${text.slice(0, 300)} -> ${answer}`).toBeLessThan(500);
  const parsed = JSON.parse(answer) as unknown;
  const message = typeof parsed === 'string' ? parsed : (parsed as { message?: unknown }).message;
  expect(typeof message === 'string' && message.length > 0, answer).toBe(true);
  expect(await readState()).toEqual(before);
}

const json = (value: unknown): Body => ({ text: JSON.stringify(value) });

/** Text that JSON.parse refuses. */
const notJson = fc
  .oneof(fc.string({ unit: 'binary', maxLength: 80 }), fc.json().map((t) => `${t},`), fc.json().map((t) => t.slice(0, -1)))
  .filter((text) => text.trim() !== '' && !parses(text))
  .map((text): Body => ({ text }));

function parses(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** JSON values of any type but `type`. */
const notA = (type: 'string' | 'boolean' | 'array' | 'object') =>
  fc.jsonValue({ maxDepth: 2 }).filter((v) => {
    if (type === 'array') return !Array.isArray(v);
    if (type === 'object') return typeof v !== 'object' || v === null || Array.isArray(v);
    return typeof v !== type;
  });

/** A valid body sent with another Content-Type (Alertmanager answers 415). */
const wrongContentType = (valid: unknown) =>
  fc.constantFrom('text/plain', 'application/x-www-form-urlencoded', 'application/jsonx', '').map((contentType): Body => ({ text: JSON.stringify(valid), contentType }));

describe('POST /api/v2/alerts with a malformed body', () => {
  const good = { labels: { alertname: 'Fuzz', instance: 'x' }, annotations: { summary: 's' }, startsAt: iso(-60_000), endsAt: iso(60_000), generatorURL: 'http://prom/graph' };
  const fields = ['labels', 'annotations', 'startsAt', 'endsAt', 'generatorURL'] as const;

  /** A good alert with one field set to a value of the wrong type (null is allowed for all but labels). */
  const illTyped = fc.oneof(
    fc.tuple(fc.constantFrom(...fields), fc.jsonValue({ maxDepth: 2 })).filter(([field, v]) => (field === 'labels' || v !== null) && (field === 'labels' || field === 'annotations' ? typeof v !== 'object' || Array.isArray(v) || v === null : typeof v !== 'string')).map(([field, v]) => ({ ...good, [field]: v })),
    fc.tuple(fc.constantFrom('labels', 'annotations'), notA('string')).map(([field, v]) => ({ ...good, [field]: { ...good.labels, bad: v } })),
    fc.constantFrom('yesterday', '2026-02-30T00:00:00Z', '1700000000').map((t) => ({ ...good, startsAt: t })),
    fc.constantFrom('not a uri', '::x').map((u) => ({ ...good, generatorURL: u })),
    fc.constant({ annotations: { summary: 'no labels' } }),
  );
  /** Alerts Alertmanager refuses one by one. */
  const invalidAlert = fc.constantFrom(
    { labels: {} },
    { labels: { alertname: '' } },
    { labels: { 'bad-name': 'x' } },
    { labels: { alertname: 'A' }, annotations: { '0bad': 'x' } },
    { labels: { alertname: 'A' }, startsAt: iso(60_000), endsAt: iso(-60_000) },
    { labels: { alertname: 'A', long: 'v'.repeat(5000) } },
  );

  const malformed = fc.oneof(
    notJson,
    notA('array').filter((v) => v !== null).map(json),
    fc.tuple(fc.array(fc.constant(good), { maxLength: 3 }), illTyped, fc.nat()).map(([valid, bad, at]) => {
      const alerts: unknown[] = [...valid];
      alerts.splice(at % (alerts.length + 1), 0, bad);
      return json(alerts);
    }),
    fc.array(invalidAlert, { minLength: 1, maxLength: 4 }).map(json),
    wrongContentType([good]),
  );

  it('is refused with a 4xx and a message, and nothing changes', async () => {
    await fc.assert(
      fc.asyncProperty(malformed, (body) => expectRefusedWithoutChange('/api/v2/alerts', body)),
      RUNS,
    );
  });
});

describe('POST /api/v2/silences with a malformed body', () => {
  const good = { matchers: [eq('alertname', 'Fuzz'), re('instance', 'x|y')], startsAt: iso(0), endsAt: iso(3_600_000), createdBy: 'fuzz', comment: 'c' };
  const types = { matchers: 'array', startsAt: 'string', endsAt: 'string', createdBy: 'string', comment: 'string' } as const;
  const matcherTypes = { name: 'string', value: 'string', isRegex: 'boolean' } as const;

  const missingOrIllTyped = fc.oneof(
    fc.constantFrom(...(Object.keys(types) as (keyof typeof types)[])).map((field) => {
      const { [field]: _dropped, ...rest } = good;
      return rest;
    }),
    fc.constantFrom(...(Object.keys(types) as (keyof typeof types)[])).chain((field) => notA(types[field]).map((v) => ({ ...good, [field]: v }))),
    fc.constantFrom(...(Object.keys(matcherTypes) as (keyof typeof matcherTypes)[])).chain((field) =>
      fc.option(notA(matcherTypes[field]), { nil: undefined }).map((v) => {
        const { [field]: _dropped, ...rest } = eq('alertname', 'Fuzz');
        return { ...good, matchers: [v === undefined ? rest : { ...rest, [field]: v }] };
      }),
    ),
    notA('boolean').filter((v) => v !== null).map((v) => ({ ...good, matchers: [{ ...eq('alertname', 'Fuzz'), isEqual: v }] })),
    notA('string').filter((v) => v !== null).map((id) => ({ ...good, id })),
  );
  /** Well-typed silences that break one of Alertmanager's rules. */
  const againstTheRules = fc.oneof(
    fc.constant({ ...good, matchers: [] }),
    fc.constant({ ...good, endsAt: iso(-1) }),
    fc.constant({ ...good, startsAt: iso(3_600_000), endsAt: iso(0) }),
    fc.constantFrom('', '0a', 'a-b', 'é').map((name) => ({ ...good, matchers: [eq(name, 'x')] })),
    fc.constantFrom('(', 'a)b', '[z-a]', 'x{2,1}', '(?<!x)y', '\\').map((value) => ({ ...good, matchers: [re('a', value)] })),
    // Only = and =~ can match the empty string in Alertmanager 0.25's check (a!="x" is a valid silence).
    fc.constantFrom(eq('a', ''), re('a', '.*'), re('a', 'x*')).map((m) => ({ ...good, matchers: [m] })),
    fc.uuid().map((id) => ({ ...good, id })),
    fc.constant({ ...good, comment: 'x'.repeat(70_000) }),
  );

  const malformed = fc.oneof(notJson, notA('object').map(json), missingOrIllTyped.map(json), againstTheRules.map(json), wrongContentType(good));

  it('is refused with a 4xx and a message, and nothing changes', async () => {
    await fc.assert(
      fc.asyncProperty(malformed, (body) => expectRefusedWithoutChange('/api/v2/silences', body)),
      RUNS,
    );
  });

  it('the unbroken body is accepted (so each mutation above is what gets it refused)', async () => {
    const res = await request('/api/v2/silences', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(good) });
    expect(res.status).toBe(200);
  });
});
