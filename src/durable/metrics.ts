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
import { SqlDocs } from './sql-docs.js';

const SAVE_EVERY_MS = 60_000;

export class Metrics extends DurableObject<Env> {
  private counters: CounterValues = {};
  private readonly usage = new UsageMeter();
  private readonly docs = new SqlDocs(this.usage.sql(this.ctx.storage.sql), ['counters']);

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    const stored = this.docs.rows('counters').find(([id]) => id === 'worker');
    if (stored) this.counters = z.record(z.string(), z.number()).parse(stored[1]);
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
    this.docs.put('counters', 'worker', this.counters);
  }

  /** This object's usage since last taken, as series (kept with the Worker's counters from then on). */
  private ownUsage(): CounterValues {
    return usageSeries('Metrics', this.usage.take());
  }
}
