/**
 * The silence endpoints (POST/GET /api/v2/silences, GET/DELETE
 * /api/v2/silence/{id}) against the Silences Durable Object, with
 * Alertmanager's rules (REFERENCE.md, "Silences"): create, update in place or
 * by replacement, refusals that change nothing, listing order and filters,
 * expiry (collection after the retention period: silence-retention.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { api, useConfig } from '../support/edgealert.js';
import {
  deleteSilence,
  restartAll,
  eq,
  expire,
  listSilences,
  ne,
  postSilence,
  re,
  shardSilences,
  silence,
  silenceBody,
  type ListedSilence,
} from '../support/silences.js';
import { freshStatePerTest, iso, setClock } from '../support/timeline.js';

useConfig(`
route:
  receiver: hook
  group_by: [alertname]
receivers:
  - name: hook
    webhook_configs:
      - url: http://receiver.test/hook
`);
freshStatePerTest();

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const HOUR = 3_600_000;

/** `comment:state` of each silence, in listing order. */
const states = (list: ListedSilence[]) => list.map((s) => `${s.comment}:${s.status.state}`);

async function getSilence(id: string): Promise<ListedSilence> {
  const res = await api(`/api/v2/silence/${id}`);
  expect(res.status, await res.clone().text()).toBe(200);
  return res.json();
}

describe('POST /api/v2/silences: create', () => {
  it('answers {silenceID} with a new UUID, and the silence reads back as posted', async () => {
    setClock(5000);
    const res = await postSilence(silenceBody([eq('alertname', 'Disk'), re('instance', 'h[12]')], { comment: 'disk swap' }));
    expect(res.status).toBe(200);
    const body = (await res.json()) as { silenceID: string };
    expect(Object.keys(body)).toEqual(['silenceID']);
    expect(body.silenceID).toMatch(UUID);

    expect(await getSilence(body.silenceID)).toEqual({
      id: body.silenceID,
      status: { state: 'active' },
      updatedAt: iso(5000),
      comment: 'disk swap',
      createdBy: 'worker test',
      endsAt: iso(5000 + HOUR),
      matchers: [eq('alertname', 'Disk'), re('instance', 'h[12]')],
      startsAt: iso(5000),
    });
    const other = await silence([eq('alertname', 'Cpu')]);
    expect(other).toMatch(UUID);
    expect(other).not.toBe(body.silenceID);
  });

  it('moves a startsAt in the past to now', async () => {
    setClock(5000);
    const id = await silence([eq('alertname', 'Disk')], { startsAt: iso(-60_000) });
    expect((await getSilence(id)).startsAt).toBe(iso(5000));
  });

  it('keeps a startsAt in the future: the silence is pending until then', async () => {
    const id = await silence([eq('alertname', 'Disk')], { startsAt: iso(HOUR), endsAt: iso(2 * HOUR) });
    expect(await getSilence(id)).toMatchObject({ status: { state: 'pending' }, startsAt: iso(HOUR) });
  });

  it('defaults isEqual to true', async () => {
    const id = await silence([{ name: 'alertname', value: 'Disk', isRegex: false } as never]);
    expect((await getSilence(id)).matchers).toEqual([eq('alertname', 'Disk')]);
  });

  it('accepts a negative matcher next to one that does not match the empty string', async () => {
    const id = await silence([eq('alertname', 'Disk'), ne('env', 'dev')]);
    expect((await getSilence(id)).matchers).toEqual([eq('alertname', 'Disk'), ne('env', 'dev')]);
  });
});

describe('POST /api/v2/silences: update by id', () => {
  it('updates an active silence in place when the matchers and the start (to the second) are the same', async () => {
    setClock(1200);
    const id = await silence([eq('alertname', 'Disk')], { comment: 'v1' });
    setClock(60_000);
    // Same second as the stored start (12:00:01.200), a later end, a new comment.
    const again = await silence([eq('alertname', 'Disk')], { id, startsAt: iso(1700), endsAt: iso(3 * HOUR), comment: 'v2' });
    expect(again).toBe(id);
    expect(await listSilences()).toEqual([
      expect.objectContaining({ id, comment: 'v2', startsAt: iso(1700), endsAt: iso(3 * HOUR), updatedAt: iso(60_000) }),
    ]);
  });

  it('updates a pending silence in place when its new start is not in the past', async () => {
    const id = await silence([eq('alertname', 'Disk')], { startsAt: iso(HOUR), endsAt: iso(2 * HOUR) });
    setClock(1000);
    const again = await silence([eq('alertname', 'Disk')], { id, startsAt: iso(30 * 60_000), endsAt: iso(3 * HOUR) });
    expect(again).toBe(id);
    expect((await listSilences()).map((s) => [s.id, s.status.state, s.startsAt, s.endsAt])).toEqual([
      [id, 'pending', iso(30 * 60_000), iso(3 * HOUR)],
    ]);
  });

  it.each([
    ['an active silence whose start changes', { startsAt: iso(0) }, { startsAt: iso(5000) }, 'active'],
    ['an active silence whose start moves by 1ms into the next second', { startsAt: iso(999) }, { startsAt: iso(1000) }, 'active'],
    ['an active silence whose matchers change', {}, { startsAt: iso(0), matchers: [eq('alertname', 'Cpu')] }, 'active'],
    ['a pending silence whose matchers change', { startsAt: iso(HOUR), endsAt: iso(2 * HOUR) }, { matchers: [eq('alertname', 'Cpu')] }, 'pending'],
    ['a pending silence moved to start in the past', { startsAt: iso(HOUR), endsAt: iso(2 * HOUR) }, { startsAt: iso(0) }, 'pending'],
  ])('replaces %s: a new id, and the old silence expires', async (_what, created, update, oldState) => {
    const id = await silence([eq('alertname', 'Disk')], created);
    setClock(10_000);
    expect((await getSilence(id)).status.state).toBe(oldState);
    const replacement = await silence([eq('alertname', 'Disk')], { id, startsAt: iso(10_000), endsAt: iso(3 * HOUR), ...update });
    expect(replacement).toMatch(UUID);
    expect(replacement).not.toBe(id);

    // The old one ended at the update (a pending one never started); one millisecond later it is expired.
    setClock(10_001);
    const old = await getSilence(id);
    expect(old).toMatchObject({ status: { state: 'expired' }, endsAt: iso(10_000), updatedAt: iso(10_000) });
    if (oldState === 'pending') expect(old.startsAt).toBe(iso(10_000));
    expect(await getSilence(replacement)).toMatchObject({ status: { state: 'active' }, startsAt: iso(10_000), endsAt: iso(3 * HOUR) });
  });

  it('updates in place after a restart of the Silences object (matchers compared as stored)', async () => {
    const id = await silence([eq('alertname', 'Disk'), re('instance', 'h.*'), ne('env', 'dev')], { comment: 'v1' });
    await restartAll();
    setClock(1000);
    const again = await silence([eq('alertname', 'Disk'), re('instance', 'h.*'), ne('env', 'dev')], { id, startsAt: iso(0), comment: 'v2' });
    expect(again).toBe(id);
    expect(states(await listSilences())).toEqual(['v2:active']);
  });

  it('creates a new silence for an empty id', async () => {
    const id = await silence([eq('alertname', 'Disk')], { id: '' });
    expect(id).toMatch(UUID);
    expect((await listSilences()).map((s) => s.id)).toEqual([id]);
  });

  it('replaces an expired silence with a new one and leaves the expired one as it was', async () => {
    const id = await silence([eq('alertname', 'Disk')]);
    setClock(1000);
    await expire(id);
    setClock(2000);
    const before = await getSilence(id);
    const replacement = await silence([eq('alertname', 'Disk')], { id });
    expect(replacement).not.toBe(id);
    expect(await getSilence(id)).toEqual(before);
    expect((await getSilence(replacement)).status.state).toBe('active');
  });
});

describe('POST /api/v2/silences: refusals change nothing', () => {
  // Built when the test runs (the fake clock is at T0 then).
  const body = () => silenceBody([eq('alertname', 'Disk')]);

  /** Posts `request` next to an existing silence: the answer, and whether the listing stayed the same. */
  async function refused(request: (existing: string) => Promise<Response>) {
    const existing = await silence([eq('alertname', 'Existing')], { comment: 'existing' });
    const before = await listSilences();
    const res = await request(existing);
    const text = await res.text();
    expect(await listSilences(), 'GET /api/v2/silences after the refusal').toEqual(before);
    return { status: res.status, body: text === '' ? undefined : (JSON.parse(text) as unknown) };
  }

  it('answers 404 for an unknown id', async () => {
    const id = '2d3c9a43-3b1f-4f7e-9a53-7f7a1d2f3e4b';
    expect(await refused(() => postSilence({ ...body(), id }))).toEqual({ status: 404, body: `silence ${id} not found` });
  });

  it.each([
    ['startsAt after endsAt', { startsAt: iso(2 * HOUR), endsAt: iso(HOUR) }, 'Failed to create silence: start time must be before end time'],
    ['startsAt equal to endsAt', { startsAt: iso(HOUR), endsAt: iso(HOUR) }, 'Failed to create silence: start time must be before end time'],
    ['endsAt in the past', { startsAt: iso(-2 * HOUR), endsAt: iso(-1) }, "Failed to create silence: end time can't be in the past"],
    ['no matchers', { matchers: [] }, 'silence invalid: at least one matcher required'],
    ['only an equality matcher on ""', { matchers: [eq('foo', '')] }, 'silence invalid: at least one matcher must not match the empty string'],
    [
      'only matchers matching the empty string',
      { matchers: [re('alertname', '.*'), re('job', 'a|'), eq('team', '')] },
      'silence invalid: at least one matcher must not match the empty string',
    ],
    ['a regex that does not compile', { matchers: [re('alertname', 'Disk(')] }, 'silence invalid: invalid label matcher 0: invalid regular expression "Disk("'],
    ['an invalid label name', { matchers: [eq('alertname', 'Disk'), eq('0bad-name', 'x')] }, 'silence invalid: invalid label matcher 1: invalid label name "0bad-name"'],
  ])('answers 400 for %s, with a clear message', async (_why, fields, message) => {
    const answer = await refused(() => postSilence({ ...body(), ...fields }));
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual(expect.stringContaining(message));
  });

  it.each([
    ['startsAt after endsAt', { startsAt: iso(2 * HOUR), endsAt: iso(HOUR) }],
    ['endsAt in the past', { endsAt: iso(-1) }],
    ['matchers that match everything', { matchers: [eq('alertname', '')] }],
  ])('refuses an update by id with %s and leaves the silence as it was', async (_why, fields) => {
    const answer = await refused((existing) => postSilence({ ...silenceBody([eq('alertname', 'Existing')]), id: existing, ...fields }));
    expect(answer.status).toBe(400);
  });

  it.each(['matchers', 'startsAt', 'endsAt', 'createdBy', 'comment'])('answers 422 when %s is missing', async (field) => {
    const { [field]: _dropped, ...rest } = body();
    expect(await refused(() => postSilence(rest))).toEqual({ status: 422, body: { code: 602, message: `${field} in body is required` } });
  });

  it.each(['name', 'value', 'isRegex'])('answers 422 when a matcher has no %s', async (field) => {
    const { [field]: _dropped, ...matcher } = eq('alertname', 'Disk') as unknown as Record<string, unknown>;
    expect(await refused(() => postSilence({ ...body(), matchers: [matcher] }))).toEqual({
      status: 422,
      body: { code: 602, message: `matchers.0.${field} in body is required` },
    });
  });

  it('answers 422 for an empty body', async () => {
    expect((await refused(() => postSilence(''))).status).toBe(422);
  });

  it.each([
    ['malformed JSON', '{"matchers": ['],
    ['a startsAt that is not a date-time', JSON.stringify({ ...body(), startsAt: 'yesterday' })],
    ['isRegex that is not a boolean', JSON.stringify({ ...body(), matchers: [{ name: 'a', value: 'b', isRegex: 'no' }] })],
  ])('answers 400 for %s', async (_why, text) => {
    const answer = await refused(() => postSilence(text));
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ code: 400, message: expect.any(String) });
  });

  // BUG (src/durable/silences.ts:65-70, src/silence/postable.ts:16-30): nothing bounds
  // the size of a silence below the 4 MiB body limit (src/api/read-body.ts:9), but
  // a Durable Object SQLite row holds about 2 MB. save() puts the silence in the
  // in-memory map, then the INSERT throws SQLITE_TOOBIG: the client gets 500
  // "internal error", yet the silence is listed (until the next restart loses it)
  // and was never pushed to the Dispatcher. Expected a 400/413 naming the limit and
  // no change; got 500 and one more silence listed.
  it('refuses a silence too large to store, with a 4xx, and changes nothing', async () => {
    const answer = await refused(() => postSilence({ ...body(), comment: 'x'.repeat(3_000_000) }));
    expect([400, 413]).toContain(answer.status);
  });

  it.each([['text/plain'], ['application/x-www-form-urlencoded']])('answers 415 for Content-Type %s', async (type) => {
    const answer = await refused(() => postSilence(body(), { 'Content-Type': type }));
    expect(answer.status).toBe(415);
    expect(answer.body).toMatchObject({ code: 415, message: expect.stringContaining('application/json') });
  });
});

describe('GET /api/v2/silences', () => {
  it('lists active silences by end, then pending ones by start, then expired ones newest first', async () => {
    const expiredFirst = await silence([eq('a', '1')], { comment: 'expired-at-1s' });
    const expiredLater = await silence([eq('a', '2')], { comment: 'expired-at-2s' });
    await silence([eq('a', '3')], { comment: 'active-ends-3h', endsAt: iso(3 * HOUR) });
    await silence([eq('a', '4')], { comment: 'active-ends-2h', endsAt: iso(2 * HOUR) });
    await silence([eq('a', '5')], { comment: 'pending-starts-2h', startsAt: iso(2 * HOUR), endsAt: iso(4 * HOUR) });
    await silence([eq('a', '6')], { comment: 'pending-starts-1h', startsAt: iso(HOUR), endsAt: iso(5 * HOUR) });
    setClock(1000);
    await expire(expiredFirst);
    setClock(2000);
    await expire(expiredLater);
    setClock(3000);

    expect(states(await listSilences())).toEqual([
      'active-ends-2h:active',
      'active-ends-3h:active',
      'pending-starts-1h:pending',
      'pending-starts-2h:pending',
      'expired-at-2s:expired',
      'expired-at-1s:expired',
    ]);
  });

  it('answers [] when there are none', async () => {
    expect(await listSilences()).toEqual([]);
  });

  it.each([
    [['alertname="Disk"'], ['not-dev', 'plain', 'with-instance']],
    [['alertname=~"Disk"'], ['regex']],
    [['alertname="Disk"', 'instance=~"h.*"'], ['with-instance']],
    [['{alertname="Disk", instance=~"h.*"}'], ['with-instance']],
    [['instance="h1"'], []],
    [['alertname!="Disk"'], []],
    [['env!="dev"'], ['not-dev']],
    [['env="dev"'], []],
  ])('filter=%j lists the silences having every filter matcher literally', async (filter, want) => {
    await silence([eq('alertname', 'Disk')], { comment: 'plain' });
    await silence([eq('alertname', 'Disk'), re('instance', 'h.*')], { comment: 'with-instance' });
    await silence([re('alertname', 'Disk')], { comment: 'regex' });
    await silence([eq('alertname', 'Disk'), ne('env', 'dev')], { comment: 'not-dev' });
    expect((await listSilences(...filter)).map((s) => s.comment).sort()).toEqual(want);
  });

  it('lists expired silences that match the filter too', async () => {
    const id = await silence([eq('alertname', 'Disk')], { comment: 'gone' });
    setClock(1000);
    await expire(id);
    setClock(1001);
    expect(states(await listSilences('alertname="Disk"'))).toEqual(['gone:expired']);
  });

  it('answers 400 for a filter that is not a matcher', async () => {
    const res = await api(`/api/v2/silences?${new URLSearchParams({ filter: 'not a matcher' })}`);
    expect(res.status).toBe(400);
  });
});

describe('GET /api/v2/silence/{id}', () => {
  it('answers the silence', async () => {
    const id = await silence([eq('alertname', 'Disk')], { comment: 'one' });
    await silence([eq('alertname', 'Cpu')], { comment: 'other' });
    expect(await getSilence(id)).toMatchObject({ id, comment: 'one', status: { state: 'active' } });
  });

  it('answers 404 for an unknown id', async () => {
    await silence([eq('alertname', 'Disk')]);
    const res = await api('/api/v2/silence/2d3c9a43-3b1f-4f7e-9a53-7f7a1d2f3e4b');
    expect(res.status).toBe(404);
  });
});

describe('DELETE /api/v2/silence/{id}', () => {
  it('expires an active silence now', async () => {
    const id = await silence([eq('alertname', 'Disk')]);
    setClock(5000);
    const res = await deleteSilence(id);
    expect(res.status).toBe(200);
    setClock(5001);
    expect(await getSilence(id)).toMatchObject({ status: { state: 'expired' }, startsAt: iso(0), endsAt: iso(5000), updatedAt: iso(5000) });
  });

  it('expires a pending silence, which then never starts', async () => {
    const id = await silence([eq('alertname', 'Disk')], { startsAt: iso(HOUR), endsAt: iso(2 * HOUR) });
    setClock(5000);
    await expire(id);
    setClock(5001);
    expect(await getSilence(id)).toMatchObject({ status: { state: 'expired' }, startsAt: iso(5000), endsAt: iso(5000) });
    setClock(HOUR + 1);
    expect((await getSilence(id)).status.state).toBe('expired');
  });

  it('answers 200 for a silence already expired, and changes nothing', async () => {
    const id = await silence([eq('alertname', 'Disk')]);
    setClock(1000);
    await expire(id);
    setClock(2000);
    const before = await getSilence(id);
    const res = await deleteSilence(id);
    expect(res.status).toBe(200);
    expect(await getSilence(id)).toEqual(before);
  });

  // A deliberate difference: Alertmanager 0.25 answers 500 here.
  it('answers 404 for an unknown id, and changes nothing', async () => {
    await silence([eq('alertname', 'Disk')]);
    const before = await listSilences();
    const res = await deleteSilence('2d3c9a43-3b1f-4f7e-9a53-7f7a1d2f3e4b');
    expect(res.status).toBe(404);
    expect(await listSilences()).toEqual(before);
  });
});

describe('pushes to the Dispatcher', () => {
  it('sends every change to the Dispatcher shard, which stores it', async () => {
    const id = await silence([eq('alertname', 'Disk')]);
    expect(await shardSilences()).toEqual([{ id, endsAt: Date.parse(iso(HOUR)) }]);
    setClock(1000);
    await expire(id);
    expect(await shardSilences()).toEqual([{ id, endsAt: Date.parse(iso(1000)) }]);
  });
});
