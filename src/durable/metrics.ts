/**
 * The Metrics Durable Object: the Worker's counters summed across isolates.
 * Kept in memory, saved as one row at most once a minute (an alarm), so
 * counting costs about 1,440 row writes a day at most, whatever the traffic.
 */
import { DurableObject } from 'cloudflare:workers';
import { z } from 'zod';
import { mergeCounters, type CounterValues } from '../metrics/counters.js';

const SAVE_EVERY_MS = 60_000;

export class Metrics extends DurableObject<Env> {
  private counters: CounterValues = {};

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    ctx.storage.sql.exec('CREATE TABLE IF NOT EXISTS counters (id TEXT PRIMARY KEY, doc TEXT NOT NULL)');
    const row = ctx.storage.sql.exec<{ doc: string }>("SELECT doc FROM counters WHERE id = 'worker'").toArray()[0];
    if (row) this.counters = z.record(z.string(), z.number()).parse(JSON.parse(row.doc));
  }

  /** Adds a batch of counts from one isolate. */
  async add(batch: CounterValues): Promise<void> {
    this.counters = mergeCounters(this.counters, batch);
    if ((await this.ctx.storage.getAlarm()) === null) await this.ctx.storage.setAlarm(Date.now() + SAVE_EVERY_MS);
  }

  async read(): Promise<CounterValues> {
    return { ...this.counters };
  }

  override async alarm(): Promise<void> {
    this.ctx.storage.sql.exec("INSERT OR REPLACE INTO counters (id, doc) VALUES ('worker', ?)", JSON.stringify(this.counters));
  }
}
