import { describe, expect, it } from 'vitest';
import type { HeartbeatConfig } from '../config/types.js';
import { newRecord, type HeartbeatRecord } from './state.js';
import { dueAt, evaluate, MISSING_ALERT_TTL_MS, onPing, REFRESH_BEFORE_MS } from './transitions.js';
import { nextDue, sweep } from './sweep.js';
import { heartbeatsPingedBy, PingThrottle } from './ping-matchers.js';
import { fingerprint } from '../alert/fingerprint.js';
import type { Alert } from '../alert/types.js';

const MIN = 60_000;
const hb: HeartbeatConfig = {
  name: 'prom',
  matchers: [{ name: 'alertname', type: '=', value: 'Watchdog' }],
  timeout: 5 * MIN,
  receiver: 'pager',
  labels: { severity: 'critical' },
  annotations: {},
};
const pinged = (at: number): HeartbeatRecord => ({ ...newRecord('prom', 0), state: 'ok', lastPingAt: at });

describe('evaluate', () => {
  it.each([
    ['a heartbeat pinged within its timeout stays ok', pinged(0), 5 * MIN - 1, 'ok', undefined],
    ['at the deadline it goes missing and its alert fires', pinged(0), 5 * MIN, 'missing', 'firing'],
    ['one never pinged counts from when tracking began', newRecord('prom', MIN), 6 * MIN, 'missing', 'firing'],
  ] as const)('%s', (_why, record, now, state, alert) => {
    const next = evaluate(hb, record, now);
    expect(next.record.state).toBe(state);
    expect(next.alert && (next.alert.endsAt > now ? 'firing' : 'resolved')).toBe(alert);
  });

  it('fires once: evaluating again while missing sends nothing until the alert needs refreshing', () => {
    const missing = evaluate(hb, pinged(0), 5 * MIN).record;
    expect(evaluate(hb, missing, 6 * MIN)).toEqual({ record: missing });
    const refreshAt = 5 * MIN + MISSING_ALERT_TTL_MS - REFRESH_BEFORE_MS;
    expect(dueAt(hb, missing)).toBe(refreshAt);
    const refreshed = evaluate(hb, missing, refreshAt);
    expect(refreshed.alert?.startsAt).toBe(5 * MIN); // same episode
    expect(refreshed.alert?.endsAt).toBe(refreshAt + MISSING_ALERT_TTL_MS);
  });

  it('builds the alert with the heartbeat labels, the configured ones and a summary', () => {
    const { alert } = evaluate(hb, pinged(0), 5 * MIN);
    expect(alert?.labels).toEqual({ alertname: 'HeartbeatMissing', heartbeat: 'prom', severity: 'critical' });
    expect(alert?.fingerprint).toBe(fingerprint(alert!.labels));
    expect(alert?.annotations.summary).toBe('Heartbeat prom missing: nothing arrived within 5m');
  });
});

describe('onPing', () => {
  it('resolves a missing heartbeat: its alert is sent with endsAt now', () => {
    const missing = evaluate(hb, pinged(0), 5 * MIN).record;
    const next = onPing(hb, missing, 7 * MIN);
    expect(next.record).toMatchObject({ state: 'ok', lastPingAt: 7 * MIN, missingSince: null });
    expect([next.alert?.startsAt, next.alert?.endsAt]).toEqual([5 * MIN, 7 * MIN]);
  });

  it('sends nothing for a heartbeat that was not missing', () => {
    expect(onPing(hb, pinged(0), MIN).alert).toBeUndefined();
  });
});

describe('sweep', () => {
  it('starts new heartbeats, drops removed ones and reports the next due time', () => {
    const result = sweep([hb], new Map([['gone', newRecord('gone', 0)]]), MIN);
    expect(result.changed.map((r) => [r.name, r.since])).toEqual([['prom', MIN]]);
    expect(result.removed).toEqual(['gone']);
    expect(nextDue([hb], new Map(result.changed.map((r) => [r.name, r])))).toBe(6 * MIN);
  });
});

describe('pings from alerts', () => {
  const alert = (labels: Record<string, string>, endsAt: number): Alert => ({
    fingerprint: fingerprint(labels), labels, annotations: {}, startsAt: 0, endsAt, generatorURL: '', updatedAt: 0, timeout: false,
  });

  it('counts firing alerts matching the matchers, not resolved ones or heartbeats without matchers', () => {
    const cron: HeartbeatConfig = { ...hb, name: 'cron', matchers: [] };
    expect(heartbeatsPingedBy([hb, cron], [alert({ alertname: 'Watchdog' }, 10)], 0)).toEqual(['prom']);
    expect(heartbeatsPingedBy([hb], [alert({ alertname: 'Watchdog' }, 0)], 0)).toEqual([]);
    expect(heartbeatsPingedBy([hb], [alert({ alertname: 'Other' }, 10)], 0)).toEqual([]);
  });

  it('throttles per isolate to one ping per quarter of the timeout', () => {
    const throttle = new PingThrottle();
    expect(throttle.take([hb], ['prom'], 0)).toEqual(['prom']);
    expect(throttle.take([hb], ['prom'], MIN)).toEqual([]);
    expect(throttle.take([hb], ['prom'], 1.25 * MIN)).toEqual(['prom']);
    throttle.forget('prom');
    expect(throttle.take([hb], ['prom'], 1.25 * MIN)).toEqual(['prom']);
  });
});
