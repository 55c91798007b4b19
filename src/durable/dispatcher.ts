/**
 * The Dispatcher shard Durable Object: a thin shell around `Shard`. It loads
 * the shard from SQLite once, passes in the clock and fetch, and keeps one
 * alarm set at the shard's next due time.
 */
import { DurableObject } from 'cloudflare:workers';
import { Shard, type IngestItem } from '../group/shard.js';
import { shardView, type ShardView } from '../group/shard-view.js';
import { workerEmailIO } from '../notify/email/worker-email-io.js';
import { createLogger, logLevelVar } from '../observability/log.js';
import { externalUrl, maxAggregationGroups, runtimeConfig } from './runtime-config.js';
import { SqlShardStorage } from './sql-shard-storage.js';
import type { Silence } from '../silence/types.js';

export class Dispatcher extends DurableObject<Env> {
  private shard: Shard | undefined;
  private armedAt: number | null = null;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    void ctx.blockConcurrencyWhile(async () => {
      const storage = new SqlShardStorage(ctx.storage.sql);
      this.armedAt = await ctx.storage.getAlarm();
      this.shard = new Shard(runtimeConfig(env), storage, storage.load(), Date.now(), this.armedAt, maxAggregationGroups(env));
      await this.arm();
    });
  }

  /** Stores received alerts in their groups (RPC from the ingest Worker). */
  async ingest(items: IngestItem[]): Promise<void> {
    this.loaded().ingest(items, Date.now());
    await this.arm();
  }

  /** Replaces the silences this shard applies (pushed by the Silences object). */
  async setSilences(silences: Silence[]): Promise<void> {
    this.loaded().setSilences(silences);
  }

  /** Alerts and groups as they are now, for the read API. */
  async view(): Promise<ShardView> {
    return shardView(this.loaded());
  }

  override async alarm(): Promise<void> {
    this.armedAt = null;
    await this.loaded().runDue({
      clock: () => Date.now(),
      notify: { http: (url, init) => fetch(url, init), externalURL: externalUrl(this.env), email: workerEmailIO(this.env) },
      random: Math.random,
      log: createLogger({ level: logLevelVar(this.env) }),
    });
    await this.arm();
  }

  private loaded(): Shard {
    if (!this.shard) throw new Error('Dispatcher used before its state was loaded');
    return this.shard;
  }

  private async arm(): Promise<void> {
    const due = this.loaded().nextDueAt();
    if (due === undefined) {
      if (this.armedAt !== null) await this.ctx.storage.deleteAlarm();
      this.armedAt = null;
    } else if (this.armedAt === null || due < this.armedAt) {
      await this.ctx.storage.setAlarm(due);
      this.armedAt = due;
    }
  }
}
