/**
 * Silences from a test file: the API calls (POST /api/v2/silences, GET,
 * DELETE) with typed answers, the Silences Durable Object's alarm on the
 * fake clock (see timeline.ts), and the copy of the silences each Dispatcher
 * shard was pushed.
 */
import { abortAllDurableObjects, runDurableObjectAlarm, runInDurableObject } from 'cloudflare:test';
import { expect } from 'vitest';
import { api, getJson, shard, testEnv } from './edgealert.js';
import { elapsed, iso, setClock, T0 } from './timeline.js';

/** A silence matcher as the API takes and returns it. */
export interface SilenceMatcher {
  name: string;
  value: string;
  isRegex: boolean;
  isEqual: boolean;
}

/** A silence as GET /api/v2/silences returns it. */
export interface ListedSilence {
  id: string;
  status: { state: 'active' | 'pending' | 'expired' };
  updatedAt: string;
  comment: string;
  createdBy: string;
  endsAt: string;
  matchers: SilenceMatcher[];
  startsAt: string;
}

/** `name="value"` */
export const eq = (name: string, value: string): SilenceMatcher => ({ name, value, isRegex: false, isEqual: true });
/** `name=~"value"` */
export const re = (name: string, value: string): SilenceMatcher => ({ name, value, isRegex: true, isEqual: true });
/** `name!="value"` */
export const ne = (name: string, value: string): SilenceMatcher => ({ name, value, isRegex: false, isEqual: false });

/**
 * A valid POST /api/v2/silences body: these matchers, from now for an hour
 * (unless `fields` says otherwise).
 */
export function silenceBody(matchers: SilenceMatcher[], fields: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    matchers,
    startsAt: iso(elapsed()),
    endsAt: iso(elapsed() + 3_600_000),
    createdBy: 'worker test',
    comment: 'quiet please',
    ...fields,
  };
}

/** POST /api/v2/silences (`body` is sent as is when it is a string). */
export function postSilence(body: unknown, headers: Record<string, string> = { 'Content-Type': 'application/json' }): Promise<Response> {
  return api('/api/v2/silences', { method: 'POST', headers, body: typeof body === 'string' ? body : JSON.stringify(body) });
}

/** Creates (or updates) a silence, which must be accepted; its id. */
export async function silence(matchers: SilenceMatcher[], fields: Record<string, unknown> = {}): Promise<string> {
  const res = await postSilence(silenceBody(matchers, fields));
  expect(res.status, await res.clone().text()).toBe(200);
  return ((await res.json()) as { silenceID: string }).silenceID;
}

/** GET /api/v2/silences, with `filter=` matchers. */
export function listSilences(...filter: string[]): Promise<ListedSilence[]> {
  const query = new URLSearchParams(filter.map((f): [string, string] => ['filter', f]));
  return getJson<ListedSilence[]>(`/api/v2/silences${filter.length > 0 ? `?${query}` : ''}`);
}

/** DELETE /api/v2/silence/{id}. */
export function deleteSilence(id: string): Promise<Response> {
  return api(`/api/v2/silence/${id}`, { method: 'DELETE' });
}

/** Expires a silence through the API, which must accept it. */
export async function expire(id: string): Promise<void> {
  const res = await deleteSilence(id);
  expect(res.status, await res.clone().text()).toBe(200);
}

/** The one Silences Durable Object. */
export function silencesObject(): DurableObjectStub {
  return testEnv.SILENCES.get(testEnv.SILENCES.idFromName('silences')) as unknown as DurableObjectStub;
}

/** When the Silences object's alarm is set, in ms after T0, or null. */
export async function silencesAlarm(): Promise<number | null> {
  const at = await runInDurableObject(silencesObject(), (_instance, state) => state.storage.getAlarm());
  return at === null ? null : at - T0;
}

/**
 * Moves the fake clock to `ms` after T0, firing on the way every alarm of
 * the Silences object that falls due (collection of expired silences, retried
 * pushes), each with the clock at its due time. Dispatcher alarms are not fired.
 */
export async function advanceSilencesTo(ms: number): Promise<void> {
  for (let fired = 0; ; fired++) {
    if (fired > 1000) throw new Error('advanceSilencesTo: more than 1000 alarms');
    const due = await silencesAlarm();
    if (due === null || due > ms) break;
    setClock(Math.max(elapsed(), due));
    await runDurableObjectAlarm(silencesObject());
  }
  setClock(ms);
}

/** The silences Dispatcher shard `index` stored from the last push, one row each (what a restart would load). */
export async function shardSilences(index = 0): Promise<{ id: string; endsAt: number }[]> {
  return runInDurableObject(shard(index), (_instance, state) => {
    const rows = state.storage.sql.exec<{ doc: string }>('SELECT doc FROM silences').toArray();
    return rows.map((row) => JSON.parse(row.doc) as { id: string; endsAt: number }).map(({ id, endsAt }) => ({ id, endsAt }));
  });
}

/**
 * A restart of every Durable Object (`abortAllDurableObjects`), after which
 * the Silences object is woken again, rebuilt from its storage as after any
 * restart. Why wake it: `reset()` (freshStatePerTest) does not wipe the
 * storage of an object that was aborted and not used since, so a test that
 * left the Silences object aborted would leak its silences into the next test.
 */
export async function restartAll(): Promise<void> {
  await abortAllDurableObjects();
  await runInDurableObject(silencesObject(), () => undefined);
}
