/**
 * A heartbeat's rules: a ping keeps it alive (and resolves it when it was
 * missing); with no ping for `timeout` it goes missing and its
 * HeartbeatMissing alert fires, with an explicit endsAt an hour ahead that is
 * re-sent every half hour while it stays missing (re-sends merge into the
 * stored alert and never notify by themselves). Pure: the Heartbeats object
 * supplies the clock, stores the record and sends the alert.
 */
import type { Alert } from '../alert/types.js';
import type { HeartbeatConfig } from '../config/types.js';
import type { HeartbeatRecord } from './state.js';
import { heartbeatAlert } from './synthetic-alert.js';

/** How far ahead a missing heartbeat's alert ends unless refreshed. */
export const MISSING_ALERT_TTL_MS = 3_600_000;
/** How long before that end it is refreshed. */
export const REFRESH_BEFORE_MS = 30 * 60_000;

/** The new record, and the alert to send into the pipeline, if any. */
export interface Transition {
  readonly record: HeartbeatRecord;
  readonly alert?: Alert;
}

/** When the heartbeat must next be pinged. */
export function deadlineOf(hb: HeartbeatConfig, record: HeartbeatRecord): number {
  return (record.lastPingAt ?? record.since) + hb.timeout;
}

/** A ping at `now`: alive again; a missing heartbeat's alert is sent resolved. */
export function onPing(hb: HeartbeatConfig, record: HeartbeatRecord, now: number): Transition {
  const pinged: HeartbeatRecord = { ...record, state: 'ok', lastPingAt: now, missingSince: null, alertEndsAt: null };
  if (record.state !== 'missing') return { record: pinged };
  return { record: pinged, alert: heartbeatAlert(hb, { startsAt: record.missingSince ?? now, endsAt: now, lastPingAt: record.lastPingAt, now }) };
}

/**
 * The heartbeat at `now` (the alarm, and the cron sweep): past its deadline
 * it goes missing and its alert fires; while missing the alert is re-sent
 * before its endsAt lapses. Idempotent: evaluating twice sends nothing new.
 */
export function evaluate(hb: HeartbeatConfig, record: HeartbeatRecord, now: number): Transition {
  if (record.state === 'missing') {
    if (record.alertEndsAt !== null && now < record.alertEndsAt - REFRESH_BEFORE_MS) return { record };
    return fire(hb, record, record.missingSince ?? now, now);
  }
  const deadline = deadlineOf(hb, record);
  return now >= deadline ? fire(hb, record, deadline, now) : { record };
}

/** When `evaluate` next has something to do. */
export function dueAt(hb: HeartbeatConfig, record: HeartbeatRecord): number {
  if (record.state === 'missing') return (record.alertEndsAt ?? 0) - REFRESH_BEFORE_MS;
  return deadlineOf(hb, record);
}

function fire(hb: HeartbeatConfig, record: HeartbeatRecord, startsAt: number, now: number): Transition {
  const endsAt = now + MISSING_ALERT_TTL_MS;
  return {
    record: { ...record, state: 'missing', missingSince: startsAt, alertEndsAt: endsAt },
    alert: heartbeatAlert(hb, { startsAt, endsAt, lastPingAt: record.lastPingAt, now }),
  };
}
