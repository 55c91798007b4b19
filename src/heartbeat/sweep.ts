/**
 * All heartbeats at once, as the Heartbeats object's alarm and the cron sweep
 * see them: records for heartbeats new in the config are started, records of
 * heartbeats no longer configured are dropped, every heartbeat is evaluated,
 * and the next due time is the earliest of theirs.
 */
import type { Alert } from '../alert/types.js';
import type { HeartbeatConfig } from '../config/types.js';
import { newRecord, type HeartbeatRecord } from './state.js';
import { dueAt, evaluate } from './transitions.js';

export interface SweepResult {
  /** Records to write (new or changed). */
  readonly changed: HeartbeatRecord[];
  /** Names of records to delete (heartbeats gone from the config). */
  readonly removed: string[];
  /** Alerts to send into the pipeline. */
  readonly alerts: Alert[];
}

/** Reconciles the records with the config and evaluates each heartbeat at `now`. */
export function sweep(heartbeats: readonly HeartbeatConfig[], records: ReadonlyMap<string, HeartbeatRecord>, now: number): SweepResult {
  const changed: HeartbeatRecord[] = [];
  const alerts: Alert[] = [];
  for (const hb of heartbeats) {
    const known = records.get(hb.name);
    const record = known ?? newRecord(hb.name, now);
    const next = evaluate(hb, record, now);
    if (!known || next.record !== record) changed.push(next.record);
    if (next.alert) alerts.push(next.alert);
  }
  const configured = new Set(heartbeats.map((hb) => hb.name));
  const removed = [...records.keys()].filter((name) => !configured.has(name));
  return { changed, removed, alerts };
}

/** The earliest time any heartbeat has something to do, or undefined with none configured. */
export function nextDue(heartbeats: readonly HeartbeatConfig[], records: ReadonlyMap<string, HeartbeatRecord>): number | undefined {
  let next: number | undefined;
  for (const hb of heartbeats) {
    const record = records.get(hb.name);
    if (!record) continue;
    const at = dueAt(hb, record);
    if (next === undefined || at < next) next = at;
  }
  return next;
}
