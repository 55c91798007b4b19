/**
 * Incidents from a test file: the OnCall object's alarm on the fake clock, a
 * clock that fires its alarm and shard 0's in the order they fall due, and
 * the incident API.
 */
import { runDurableObjectAlarm, runInDurableObject } from 'cloudflare:test';
import { api, testEnv } from './edgealert.js';
import { deliveries, elapsed, fireAlarm, nextAlarm, setClock, T0 } from './timeline.js';

/** The one OnCall object. */
export function oncallObject(): DurableObjectStub {
  return testEnv.ONCALL.get(testEnv.ONCALL.idFromName('oncall')) as unknown as DurableObjectStub;
}

/** When the OnCall object's alarm is set, in ms after T0, or null. */
export async function oncallAlarm(): Promise<number | null> {
  const at = await runInDurableObject(oncallObject(), (_i, state) => state.storage.getAlarm());
  return at === null ? null : at - T0;
}

/**
 * Moves the fake clock to `ms` after T0, firing on the way every alarm of
 * shard 0 and of the OnCall object that falls due, earliest first (the
 * shard first on a tie: its flush is what opens incidents), each with the
 * clock at its due time; what each alarm sent is stamped with that time.
 */
export async function advanceWithIncidentsTo(ms: number): Promise<void> {
  for (let fired = 0; fired < 1000; fired++) {
    const [sh, oc] = await Promise.all([nextAlarm(0), oncallAlarm()]);
    const shDue = sh !== null && sh <= ms ? sh : Infinity;
    const ocDue = oc !== null && oc <= ms ? oc : Infinity;
    if (shDue === Infinity && ocDue === Infinity) return setClock(ms);
    if (shDue <= ocDue) {
      setClock(Math.max(elapsed(), shDue));
      await fireAlarm(0);
    } else {
      setClock(Math.max(elapsed(), ocDue));
      await runDurableObjectAlarm(oncallObject());
      await deliveries();
    }
  }
  throw new Error('advanceWithIncidentsTo: more than 1000 alarms');
}

/** Paths of the deliveries so far, each with its time: `1000 /chat`. */
export async function pagesSoFar(): Promise<string[]> {
  return (await deliveries()).map((d) => `${d.at} ${d.path} ${d.message.status}`);
}

/** POST /api/v1/incidents/{id}/{action}. */
export function act(id: string, action: 'ack' | 'unack' | 'resolve', body?: unknown): Promise<Response> {
  const init: RequestInit = body === undefined ? { method: 'POST' } : { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) };
  return api(`/api/v1/incidents/${id}/${action}`, init);
}
