/**
 * The Heartbeats Durable Object (one instance): each heartbeat's last ping
 * and state, one alarm at the earliest deadline. A missed deadline sends the
 * HeartbeatMissing alert through the same dispatch path as ingest; the next
 * ping sends it resolved. The cron trigger calls `sweep()` as a safety net
 * for a missed alarm. Rules live in src/heartbeat/. It meters its own
 * billed usage, which `scrape()` reports for /metrics.
 */
import { DurableObject } from 'cloudflare:workers';
import type { Alert } from '../alert/types.js';
import { sendToShards } from '../api/shards.js';
import { heartbeatRecordSchema, newRecord, type HeartbeatRecord } from '../heartbeat/state.js';
import { nextDue, sweep } from '../heartbeat/sweep.js';
import { onPing } from '../heartbeat/transitions.js';
import { heartbeatView, type HeartbeatView } from '../heartbeat/view.js';
import type { DurableObjectUsage } from '../metrics/durable-object-usage.js';
import { UsageMeter } from '../metrics/usage-meter.js';
import { SqlDocs } from './sql-docs.js';
import { planDispatch } from '../route/dispatch-plan.js';
import { runtimeConfig } from './runtime-config.js';

/** A send into the pipeline that failed is tried again this soon. */
const RETRY_MS = 5000;

export class Heartbeats extends DurableObject<Env> {
  private readonly records = new Map<string, HeartbeatRecord>();
  private readonly usage = new UsageMeter();
  /** Rows keyed by heartbeat name (the first version called that column `name`). */
  private readonly docs = new SqlDocs(this.usage.sql(this.ctx.storage.sql), ['heartbeats'], { heartbeats: 'name' });

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    for (const [, doc] of this.docs.rows('heartbeats')) {
      const record = heartbeatRecordSchema.parse(doc);
      this.records.set(record.name, record);
    }
  }

  /** Pings heartbeats by name at now; the views of the ones that exist (unknown names are skipped). */
  async ping(names: string[]): Promise<HeartbeatView[]> {
    this.usage.request('ping');
    const config = runtimeConfig(this.env);
    const now = Date.now();
    const views: HeartbeatView[] = [];
    const alerts: Alert[] = [];
    const changed: HeartbeatRecord[] = [];
    for (const name of names) {
      const hb = config.heartbeats.find((h) => h.name === name);
      if (!hb) continue;
      const next = onPing(hb, this.records.get(name) ?? newRecord(name, now), now);
      changed.push(next.record);
      if (next.alert) alerts.push(next.alert);
      views.push(heartbeatView(hb, next.record, now));
    }
    // Heartbeats not tracked yet start now (their deadline counts from here).
    for (const hb of config.heartbeats) {
      if (!this.records.has(hb.name) && !changed.some((r) => r.name === hb.name)) changed.push(newRecord(hb.name, now));
    }
    // The resolved alert goes out before the state changes: if it cannot be sent, the ping fails and is retried.
    await this.send(alerts);
    this.save(changed, []);
    await this.arm();
    return views;
  }

  /** Every configured heartbeat with its last ping and state. */
  async list(): Promise<HeartbeatView[]> {
    this.usage.request('list');
    return this.views();
  }

  /** What a /metrics scrape needs, in one request: every heartbeat's view, and this object's usage since it started. */
  async scrape(): Promise<{ heartbeats: HeartbeatView[]; usage: DurableObjectUsage }> {
    this.usage.request('scrape');
    return { heartbeats: this.views(), usage: this.usage.snapshot() };
  }

  /** The cron trigger's safety sweep. */
  async sweep(): Promise<void> {
    this.usage.request('sweep');
    await this.evaluate();
  }

  override async alarm(): Promise<void> {
    this.usage.request('alarm');
    await this.evaluate();
  }

  private views(): HeartbeatView[] {
    const now = Date.now();
    return runtimeConfig(this.env).heartbeats.map((hb) => heartbeatView(hb, this.records.get(hb.name), now));
  }

  /** Re-evaluates every heartbeat now and re-arms the alarm. */
  private async evaluate(): Promise<void> {
    const config = runtimeConfig(this.env);
    const result = sweep(config.heartbeats, this.records, Date.now());
    try {
      await this.send(result.alerts);
    } catch (error) {
      // Keep the old records of the heartbeats whose alert did not go out; evaluate them again soon.
      const unsent = new Set(result.alerts.map((a) => a.labels.heartbeat));
      this.save(result.changed.filter((r) => !unsent.has(r.name)), result.removed);
      await this.ctx.storage.setAlarm(Date.now() + RETRY_MS);
      this.usage.alarmSet();
      console.error(JSON.stringify({ level: 'error', event: 'heartbeat_send_failed', message: (error as Error).message }));
      return;
    }
    this.save(result.changed, result.removed);
    await this.arm();
  }

  private async send(alerts: readonly Alert[]): Promise<void> {
    if (alerts.length === 0) return;
    const config = runtimeConfig(this.env);
    const sources = config.inhibitRules.map((rule) => rule.sourceMatchers);
    await sendToShards(this.env, planDispatch(alerts, config.route, config.shards, sources));
  }

  /** Storage first, then memory. */
  private save(changed: readonly HeartbeatRecord[], removed: readonly string[]): void {
    if (changed.length === 0 && removed.length === 0) return;
    this.ctx.storage.transactionSync(() => {
      for (const r of changed) this.docs.put('heartbeats', r.name, r);
      for (const name of removed) this.docs.delete('heartbeats', name);
    });
    for (const r of changed) this.records.set(r.name, r);
    for (const name of removed) this.records.delete(name);
  }

  /** One alarm at the earliest deadline; heartbeats not tracked yet are picked up by the sweep it runs. */
  private async arm(): Promise<void> {
    const config = runtimeConfig(this.env);
    const untracked = config.heartbeats.some((hb) => !this.records.has(hb.name));
    const due = untracked ? Date.now() : nextDue(config.heartbeats, this.records);
    if (due === undefined) {
      await this.ctx.storage.deleteAlarm();
    } else {
      await this.ctx.storage.setAlarm(due);
      this.usage.alarmSet();
    }
  }
}
