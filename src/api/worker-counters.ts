/**
 * Counters and histograms counted by the Worker (ingest, edge dedup, HTTP
 * requests, Worker invocations and KV operations), batched per isolate and
 * added to the Metrics Durable Object at most every 10 seconds, in the
 * background (waitUntil), so counting costs no Durable Object request per
 * request. What an isolate holds when it is evicted is lost: metrics may
 * undercount by a few seconds' worth, never overcount.
 */
import type { Context } from 'hono';
import { increment, type CounterValues } from '../metrics/counters.js';
import type { MetricName } from '../metrics/families.js';
import { observe, type Histogram } from '../metrics/histogram.js';
import { isResolvedAt, type Alert } from '../alert/types.js';

const FLUSH_EVERY_MS = 10_000;

let pending: CounterValues = {};
let lastFlushAt = 0;

/** Counts an event and, when due, sends this isolate's counts on in the background. */
export function count(c: Context<{ Bindings: Env }>, name: MetricName, labels?: Record<string, string>, by = 1): void {
  increment(pending, name, labels, by);
  flushWhenDue(c);
}

/** Records an observation of a histogram (histograms are counter series, batched the same way). */
export function countObservation(c: Context<{ Bindings: Env }>, histogram: Histogram, labels: Record<string, string>, value: number): void {
  observe(pending, histogram, labels, value);
  flushWhenDue(c);
}

/** Counts an event outside an HTTP request (the cron trigger), batched the same way. */
export function countEvent(env: Env, ctx: ExecutionContext, name: MetricName, labels?: Record<string, string>, by = 1): void {
  increment(pending, name, labels, by);
  if (flushDue()) ctx.waitUntil(flushCounters(env));
}

function flushWhenDue(c: Context<{ Bindings: Env }>): void {
  if (flushDue()) c.executionCtx.waitUntil(flushCounters(c.env));
}

function flushDue(): boolean {
  return Date.now() - lastFlushAt >= FLUSH_EVERY_MS;
}

/** Counts received alerts by status (firing/resolved at `now`) and the invalid ones, as Alertmanager does. */
export function countReceived(c: Context<{ Bindings: Env }>, alerts: readonly Alert[], invalid: number, now: number): void {
  const resolved = alerts.filter((a) => isResolvedAt(a, now)).length;
  if (alerts.length - resolved > 0) count(c, 'alertmanager_alerts_received_total', { status: 'firing' }, alerts.length - resolved);
  if (resolved > 0) count(c, 'alertmanager_alerts_received_total', { status: 'resolved' }, resolved);
  if (invalid > 0) count(c, 'alertmanager_alerts_invalid_total', {}, invalid);
}

/** Sends what this isolate counted to the Metrics object now (before a scrape reads it). */
export async function flushCounters(env: Env): Promise<void> {
  if (Object.keys(pending).length === 0) return;
  const batch = pending;
  pending = {};
  lastFlushAt = Date.now();
  try {
    await metricsStub(env).add(batch);
  } catch {
    // Put them back for the next flush.
    for (const [key, value] of Object.entries(batch)) pending[key] = (pending[key] ?? 0) + value;
  }
}

export function metricsStub(env: Env) {
  return env.METRICS.get(env.METRICS.idFromName('metrics'));
}
