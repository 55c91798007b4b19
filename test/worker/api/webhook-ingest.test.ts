/**
 * POST /webhook/alertmanager[/{receiver}]: an upstream Alertmanager's
 * version-4 webhook taken into our own pipeline (routing on
 * upstream_receiver, grouping, resolve), replays answered at the edge from
 * Workers KV, and every refused delivery a clear 4xx that stores nothing.
 */
import { vi } from 'vitest';
import { describe, expect, it } from 'vitest';
import { getJson, storedRows, testEnv, useConfig } from '../support/edgealert.js';
import { advanceTo, deliveries, freshStatePerTest, goTime, summary } from '../support/timeline.js';
import {
  countDispatcherIngests,
  dedupWritesSettled,
  postWebhook,
  settleDedupWritesAfterEach,
  upstreamDelivery,
} from '../support/upstream-webhook.js';

useConfig(`
global:
  resolve_timeout: 1m
route:
  receiver: hook
  group_by: [alertname]
  group_wait: 1s
  group_interval: 5s
  repeat_interval: 1h
  routes:
    - matchers: [upstream_receiver="team-db"]
      receiver: db
receivers:
  - name: hook
    webhook_configs: [{ url: http://receiver.test/hook }]
  - name: db
    webhook_configs: [{ url: http://receiver.test/db }]
webhook_ingest:
  resolve_timeout: 10m
  dedup_window: 2m
`);
freshStatePerTest();
settleDedupWritesAfterEach();

const MAX_BODY_BYTES = 4 * 1024 * 1024; // src/api/read-body.ts

// The upstream alert started 30s ago, more than our group_wait: like Alertmanager, the new group is flushed at once.
const diskFull = (am = 'am-0') => upstreamDelivery('DiskFull', [{ labels: { instance: 'a' }, startsAt: -30_000 }], am);
const diskResolved = (at: number, am = 'am-0') =>
  upstreamDelivery('DiskFull', [{ labels: { instance: 'a' }, startsAt: -30_000, endsAt: at }], am);

/**
 * Posts a delivery that must be accepted and waits for its KV write (a
 * replay then comes after it, as a twin a few ms later does within one
 * location); returns the X-Edgealert-Dedup header.
 */
async function deliver(body: unknown, path = ''): Promise<string | null> {
  const res = await postWebhook(body, { path });
  expect(res.status, await res.clone().text()).toBe(200);
  await dedupWritesSettled();
  return res.headers.get('X-Edgealert-Dedup');
}

const dedupKeys = async () => (await testEnv.EDGE_DEDUP.list()).keys;

describe('a version-4 delivery', () => {
  it('enters our pipeline: grouped and notified by our routes, with the upstream startsAt', async () => {
    expect(await deliver(diskFull())).toBe('miss');
    await advanceTo(1000);
    const sent = await deliveries();
    expect(sent.map(summary)).toEqual([{ at: 0, status: 'firing', alerts: ['a:firing'] }]);
    expect(sent[0]?.path).toBe('/hook');
    expect(sent[0]?.message.alerts[0]).toMatchObject({ labels: { alertname: 'DiskFull', instance: 'a' }, startsAt: goTime(-30_000) });
  });

  it.each([
    ['a path segment', '/team-db'],
    ['a receiver query', '?receiver=team-db'],
  ])('with %s, carries the upstream_receiver label, which our routes can route on', async (_how, path) => {
    await deliver(diskFull(), path);
    await advanceTo(1000);
    const sent = await deliveries();
    expect(sent.map((d) => d.path)).toEqual(['/db']);
    expect(sent[0]?.message.alerts[0]?.labels).toEqual({ alertname: 'DiskFull', instance: 'a', upstream_receiver: 'team-db' });
    const listed = await getJson<{ labels: Record<string, string> }[]>('/api/v2/alerts');
    expect(listed.map((a) => a.labels.upstream_receiver)).toEqual(['team-db']);
  });

  it('from another upstream receiver is another alert, in another route', async () => {
    await deliver(diskFull(), '/team-db');
    await deliver(diskFull(), '/team-web');
    await advanceTo(1000);
    expect((await deliveries()).map((d) => d.path).sort()).toEqual(['/db', '/hook']);
  });

  it('remembers the delivery in KV for webhook_ingest.dedup_window', async () => {
    await deliver(diskFull());
    const keys = await dedupKeys();
    expect(keys).toHaveLength(1);
    expect(keys[0]?.name).toMatch(/^webhook-delivery:[0-9a-f]{64}$/);
    // KV expiries are in real time (the KV simulator does not see the fake clock).
    const ttlSeconds = (keys[0]?.expiration ?? 0) - vi.getRealSystemTime() / 1000;
    expect(ttlSeconds).toBeGreaterThan(110);
    expect(ttlSeconds).toBeLessThanOrEqual(121);
  });
});

describe('an upstream firing alert', () => {
  it('stays firing past global.resolve_timeout and resolves after webhook_ingest.resolve_timeout, with a resolved notice', async () => {
    await deliver(diskFull());
    await advanceTo(120_000); // twice global.resolve_timeout (1m)
    expect((await deliveries()).map(summary)).toEqual([{ at: 0, status: 'firing', alerts: ['a:firing'] }]);
    const listed = await getJson<{ status: { state: string } }[]>('/api/v2/alerts');
    expect(listed.map((a) => a.status.state)).toEqual(['active']);

    await advanceTo(599_999); // endsAt = 10m after it was received, a tick of the group (every 5s from 0)
    expect(await deliveries()).toHaveLength(1);
    await advanceTo(600_000);
    const sent = await deliveries();
    expect(sent.map(summary)[1]).toEqual({ at: 600_000, status: 'resolved', alerts: ['a:resolved'] });
    expect(sent[1]?.message.alerts[0]?.endsAt).toBe(goTime(600_000));
  });

  it('is kept firing by a new delivery (after the dedup window) past the first resolve_timeout', async () => {
    await deliver(diskFull());
    await advanceTo(400_000);
    // The upstream re-sends the unchanged group (repeat_interval); KV forgot it, as after dedup_window.
    for (const { name } of await dedupKeys()) await testEnv.EDGE_DEDUP.delete(name);
    expect(await deliver(diskFull())).toBe('miss');
    await advanceTo(999_999);
    expect((await deliveries()).map(summary)).toEqual([{ at: 0, status: 'firing', alerts: ['a:firing'] }]);
  });

  it('resolves when the resolved delivery arrives, and the resolved notice goes out with its endsAt', async () => {
    await deliver(diskFull());
    await advanceTo(2000);
    expect(await deliver(diskResolved(2000))).toBe('miss');
    await advanceTo(5000);
    const sent = await deliveries();
    expect(sent.map(summary)).toEqual([
      { at: 0, status: 'firing', alerts: ['a:firing'] },
      { at: 5000, status: 'resolved', alerts: ['a:resolved'] },
    ]);
    expect(sent[1]?.message.alerts[0]).toMatchObject({ startsAt: goTime(-30_000), endsAt: goTime(2000) });
    expect(await storedRows('alerts')).toEqual([]);
  });
});

describe('replays (Done when)', () => {
  it('the same delivery twice: one downstream notification, the second answered at the edge', async () => {
    const ingests = await countDispatcherIngests();
    try {
      expect(await deliver(diskFull())).toBe('miss');
      await advanceTo(200);
      expect(await deliver(diskFull())).toBe('hit');
      expect(ingests.calls).toBe(1);
    } finally {
      ingests.stop();
    }
    await advanceTo(60_000);
    expect((await deliveries()).map(summary)).toEqual([{ at: 0, status: 'firing', alerts: ['a:firing'] }]);
  });

  it("an HA pair's interleaved deliveries (and a retry): one notification for the firing, one for the resolve", async () => {
    const stream: [number, unknown][] = [
      [0, diskFull('am-0')],
      [20, diskFull('am-1')],
      [2000, diskResolved(2000, 'am-0')],
      [2010, diskFull('am-0')], // a late retry of the firing delivery
      [2030, diskResolved(2000, 'am-1')],
      [2500, diskResolved(2000, 'am-0')], // a retry
    ];
    const answers: (string | null)[] = [];
    for (const [at, body] of stream) {
      await advanceTo(at);
      answers.push(await deliver(body));
    }
    expect(answers).toEqual(['miss', 'hit', 'miss', 'hit', 'hit', 'hit']);
    await advanceTo(60_000);
    expect((await deliveries()).map(summary)).toEqual([
      { at: 0, status: 'firing', alerts: ['a:firing'] },
      { at: 5000, status: 'resolved', alerts: ['a:resolved'] },
    ]);
  });

  it('the same news through two upstream receivers is not a replay', async () => {
    expect(await deliver(diskFull(), '/team-db')).toBe('miss');
    expect(await deliver(diskFull(), '/team-web')).toBe('miss');
    expect(await deliver(diskFull(), '?receiver=team-db')).toBe('hit');
  });
});

/** Expects a refused delivery: status, a JSON {code, message} matching `message`, nothing stored or remembered. */
async function expectRefused(res: Response, status: number, message: RegExp): Promise<void> {
  expect(res.status).toBe(status);
  expect(res.headers.get('Content-Type')).toMatch(/^application\/json/);
  const body = await res.json<{ code: number; message: string }>();
  expect(body.message).toMatch(message);
  expect(await storedRows('alerts')).toEqual([]);
  expect(await dedupKeys()).toEqual([]);
}

describe('a refused delivery: a clear 4xx, nothing stored', () => {
  it.each([
    ['version "3"', { ...diskFull(), version: '3' }, /^unsupported webhook version "3": edgealert accepts Alertmanager's version "4"$/],
    ['version 4 as a number', { ...diskFull(), version: 4 }, /^webhook version must be the string "4", got 4$/],
    ['version "5"', { ...diskFull(), version: '5', alerts: 'a new shape' }, /^unsupported webhook version "5"/],
  ])('%s -> 400 naming the versions', async (_what, body, message) => {
    await expectRefused(await postWebhook(body), 400, message);
  });

  it('malformed JSON -> 400', async () => {
    await expectRefused(await postWebhook('{"version":"4","alerts":['), 400, /^parsing webhook body failed/);
  });

  it('an alert status that is not firing or resolved -> 400 naming the field', async () => {
    const body = diskFull();
    const alert = { ...body.alerts[0], status: 'pending' };
    await expectRefused(await postWebhook({ ...body, alerts: [alert] }), 400, /^invalid webhook: alerts\.0\.status/);
  });

  it('a list instead of the version-4 object -> 400', async () => {
    await expectRefused(await postWebhook([diskFull()]), 400, /^invalid webhook: body/);
  });

  it('a missing groupKey -> 422 code 602 naming it', async () => {
    const { groupKey: _dropped, ...body } = diskFull();
    const res = await postWebhook(body);
    expect(res.status).toBe(422);
    expect(await res.json()).toEqual({ code: 602, message: 'groupKey in body is required' });
    expect(await storedRows('alerts')).toEqual([]);
  });

  it('an empty body -> 422 (webhook in body is required)', async () => {
    await expectRefused(await postWebhook(''), 422, /^webhook in body is required$/);
  });

  it('a body over 4 MiB -> 413', async () => {
    const body = diskFull();
    const big = { ...body, commonAnnotations: { padding: 'x'.repeat(MAX_BODY_BYTES) } };
    await expectRefused(await postWebhook(big), 413, /larger than the limit of 4194304 bytes/);
  });

  it('a body that is not JSON -> 415', async () => {
    const res = await postWebhook(JSON.stringify(diskFull()), { headers: { 'Content-Type': 'text/plain' } });
    await expectRefused(res, 415, /^unsupported media type "text\/plain"/);
  });

  // BUG: startsAt/endsAt are not checked as date-times (src/ingest/upstream-webhook.ts:29-30:
  // z.string()); normalizeAlert then treats the unparseable value as "not set"
  // (src/alert/postable.ts:58-59). Expected 400 and nothing stored; got 200,
  // and a *resolved* alert whose endsAt does not parse is stored as firing.
  it('a resolved alert whose endsAt is not a date-time -> 400, nothing stored', async () => {
    const body = diskResolved(0);
    const alert = { ...body.alerts[0], endsAt: 'five past twelve' };
    const res = await postWebhook({ ...body, alerts: [alert] });
    expect(res.status).toBe(400);
    expect(await storedRows('alerts')).toEqual([]);
  });

  // As POST /api/v2/alerts does (and Alertmanager's API): the valid alerts of
  // the delivery are kept; the delivery is not remembered in KV.
  it('an alert with an invalid label name -> 400 listing it; the valid alerts are kept, the delivery not remembered', async () => {
    const body = upstreamDelivery('DiskFull', [
      { labels: { instance: 'a' }, startsAt: 0 },
      { labels: { 'bad-name': 'x' }, startsAt: 0 },
    ]);
    const res = await postWebhook(body);
    expect(res.status).toBe(400);
    expect(await res.json()).toBe('invalid label set: invalid name "bad-name"');
    expect((await storedRows('alerts')).map((r) => (r.doc as { labels: Record<string, string> }).labels.instance)).toEqual(['a']);
    expect(await dedupKeys()).toEqual([]);
  });

  it('a refused delivery is not remembered: the corrected one is taken in', async () => {
    expect((await postWebhook({ ...diskFull(), version: '3' })).status).toBe(400);
    expect(await deliver(diskFull())).toBe('miss');
  });
});
