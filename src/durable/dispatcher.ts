/**
 * The Dispatcher shard Durable Object: a thin shell around `Shard`. It loads
 * the shard from SQLite once, passes in the clock and fetch, and keeps one
 * alarm set at the shard's next due time. It meters its own billed usage
 * (requests, rows), which `view()` reports for /metrics.
 */
import { DurableObject } from 'cloudflare:workers';
import { Shard } from '../group/shard.js';
import { shardView, type ShardView } from '../group/shard-view.js';
import { maxAggregationGroups, runtimeConfig } from './runtime-config.js';
import { oncallStub } from '../api/shards.js';
import { decodeShardBatch, type ShardBatch } from '../route/shard-batch.js';
import { AlarmSlot } from './alarm-slot.js';
import { workerDeliveryHost } from './delivery-host.js';
import { SqlShardStorage } from './sql-shard-storage.js';
import { UsageMeter } from '../metrics/usage-meter.js';
import type { Silence } from '../silence/types.js';

export class Dispatcher extends DurableObject<Env> {
  private shard: Shard | undefined;
  private readonly alarmSlot: AlarmSlot;
  private readonly usage = new UsageMeter();

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    this.alarmSlot = new AlarmSlot(ctx.storage, (before, after) => this.usage.alarmChanged(before, after));
    void ctx.blockConcurrencyWhile(async () => {
      const storage = new SqlShardStorage(this.usage.sql(ctx.storage.sql));
      const storedAlarm = await this.alarmSlot.load();
      this.shard = new Shard(runtimeConfig(env), storage, storage.load(), Date.now(), storedAlarm, maxAggregationGroups(env));
      await this.arm();
    });
  }

  /**
   * Stores received alerts in their groups (RPC from the ingest Worker). What
   * is due at once (group_wait 0s, an alert that started over group_wait ago)
   * flushes now instead of one alarm later; its deliveries go on after the
   * answer, and the alarm is armed to retry them should this object die first.
   */
  async ingest(batch: ShardBatch): Promise<void> {
    this.usage.request('ingest');
    const shard = this.loaded();
    const now = Date.now();
    shard.ingest(decodeShardBatch(batch), now);
    const due = shard.nextDueAt();
    if (due === undefined || due > now) return this.alarmSlot.arm(due);
    this.ctx.waitUntil(this.runDue().catch(logRunFailure));
    await this.arm(); // what the run's flushes left due
  }

  /** Replaces the silences this shard applies (pushed by the Silences object). */
  async setSilences(silences: Silence[]): Promise<void> {
    this.usage.request('setSilences');
    this.loaded().setSilences(silences);
  }

  /** Alerts and groups as they are now, for the read API, and this object's usage so far. */
  async view(): Promise<ShardView> {
    this.usage.request('view');
    return { ...shardView(this.loaded()), usage: this.usage.snapshot() };
  }

  override async alarm(): Promise<void> {
    this.usage.request('alarm');
    this.alarmSlot.fired();
    await this.runDue();
  }

  /** Runs what is due (flushes start synchronously, before the first await), then re-arms. */
  private async runDue(): Promise<void> {
    await this.loaded().runDue(workerDeliveryHost(this.env, { escalate: (update) => oncallStub(this.env).update(update) }));
    await this.arm();
  }

  private loaded(): Shard {
    if (!this.shard) throw new Error('Dispatcher used before its state was loaded');
    return this.shard;
  }

  private async arm(): Promise<void> {
    await this.alarmSlot.arm(this.loaded().nextDueAt());
  }
}

/** A run started by a push failed: logged; the armed alarm runs it again. */
function logRunFailure(error: unknown): void {
  console.error(JSON.stringify({ level: 'error', event: 'dispatch_run_failed', message: (error as Error).message }));
}
