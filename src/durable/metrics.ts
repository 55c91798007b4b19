/**
 * The Metrics Durable Object: the Worker's counters summed across isolates.
 * Kept in memory, saved as one row at most once a minute (an alarm), so
 * counting costs at most 3 rows written a minute whatever the traffic: the
 * row and its key index (a rowid table with a text key), and the setAlarm
 * (about 4,320 a day; its own counters below show it). Its own requests and
 * rows are added to the same counters, so they are saved with them.
 */
import { DurableObject } from 'cloudflare:workers';
import * as z from 'zod';
import { mergeCounters, type CounterValues } from '../metrics/counters.js';
import { usageSeries } from '../metrics/durable-object-usage.js';
import { UsageMeter } from '../metrics/usage-meter.js';

const SAVE_EVERY_MS = 60_000;

export class Metrics extends DurableObject<Env> {
  private counters: CounterValues = {};
  private readonly usage = new UsageMeter();
  private readonly sql = this.usage.sql(this.ctx.storage.sql);

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    this.sql.exec('CREATE TABLE IF NOT EXISTS counters (id TEXT PRIMARY KEY, doc TEXT NOT NULL)');
    const row = this.sql.exec<{ doc: string }>("SELECT doc FROM counters WHERE id = 'worker'").toArray()[0];
    if (row) this.counters = z.record(z.string(), z.number()).parse(JSON.parse(row.doc));
  }

  /** Adds a batch of counts from one isolate. */
  async add(batch: CounterValues): Promise<void> {
    this.usage.request('add');
    this.counters = mergeCounters(this.counters, batch, this.ownUsage());
    if ((await this.ctx.storage.getAlarm()) === null) {
      await this.ctx.storage.setAlarm(Date.now() + SAVE_EVERY_MS);
      this.usage.alarmSet();
    }
  }

  async read(): Promise<CounterValues> {
    this.usage.request('read');
    this.counters = mergeCounters(this.counters, this.ownUsage());
    return { ...this.counters };
  }

  override async alarm(): Promise<void> {
    this.usage.request('alarm');
    this.counters = mergeCounters(this.counters, this.ownUsage());
    this.sql.exec("INSERT OR REPLACE INTO counters (id, doc) VALUES ('worker', ?)", JSON.stringify(this.counters));
  }

  /** This object's usage since last taken, as series (kept with the Worker's counters from then on). */
  private ownUsage(): CounterValues {
    return usageSeries('Metrics', this.usage.take());
  }
}
