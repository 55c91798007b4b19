// The cost model: 1,000 firing alerts re-sent every minute plus churn,
// simulated hours in a few seconds (cost-worker.mjs in workerd, fake clock),
// turned into Cloudflare usage and money with the price list of
// ../shared/DESIGN.md ("Where state lives").
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Miniflare } from 'miniflare';
import { ROOT, bundleWorker } from './build.mjs';

/** Paid plan, USD per unit (DESIGN.md). */
export const PRICES = {
  workerRequests: 0.3 / 1e6,
  doRequests: 0.15 / 1e6,
  rowsWritten: 1.0 / 1e6,
  rowsRead: 0.001 / 1e6,
  kvReads: 0.5 / 1e6,
  kvWrites: 5 / 1e6,
};
/** Free plan, per day (DESIGN.md; rows read from Cloudflare's Durable Objects pricing page). */
export const FREE_DAILY = {
  workerRequests: 100_000,
  doRequests: 100_000,
  rowsWritten: 100_000,
  rowsRead: 5_000_000,
  kvWrites: 1_000,
};
/** Usage the paid plan's base fee includes each month (Cloudflare's pricing pages; not in DESIGN.md). */
export const PAID_INCLUDED_MONTHLY = {
  workerRequests: 10e6,
  doRequests: 1e6,
  rowsWritten: 50e6,
  rowsRead: 25e9,
  kvReads: 10e6,
  kvWrites: 1e6,
};
const DAYS_PER_MONTH = 30;

export const COST_MODEL = {
  firing: 1_000,
  groups: 100,
  churnPerHour: 50, // 5% of 1,000 resolve and as many new ones start, every hour
  batchSize: 64,
  postsPerMinute: 16, // ceil(1,000 / 64) POSTs, spread over the minute (rule groups evaluate at offsets)
  warmupHours: 1,
  measuredHours: 4, // one repeat_interval, so repeat notifications are in the average
};

/** Alertmanager's defaults, one webhook receiver, one shard. */
const CONFIG = `
route:
  receiver: team
  group_by: [alertname]
  group_wait: 30s
  group_interval: 5m
  repeat_interval: 4h
receivers:
  - name: team
    webhook_configs:
      - url: http://receiver.example.com/hook
`;

/** Runs the simulation and returns usage per hour, per day, the monthly bill and Free-plan shares. */
export async function runCostModel() {
  const script = await bundleWorker(join(ROOT, 'scripts/bench/cost-worker.mjs'));
  const mf = new Miniflare({
    modules: true,
    script,
    compatibilityDate: '2026-04-01',
    compatibilityFlags: ['nodejs_compat'],
    durableObjects: { COST: { className: 'CostModel', useSQLite: true } },
    bindings: {},
  });
  try {
    const started = performance.now();
    const response = await mf.dispatchFetch('http://cost.model/', {
      method: 'POST',
      body: JSON.stringify({ ...COST_MODEL, configYaml: CONFIG, t0: Date.UTC(2026, 0, 5, 0, 0, 0) }),
    });
    const text = await response.text();
    if (response.status !== 200) throw new Error(`cost model failed: ${text}`);
    const result = JSON.parse(text);
    return summarise(result, performance.now() - started);
  } finally {
    await mf.dispose();
  }
}

function summarise(result, elapsedMs) {
  const { measured } = result;
  const hours = COST_MODEL.measuredHours;
  const crons = cronInvocationsPerHour();
  const doRequests = Object.values(measured.doRequests).reduce((a, b) => a + b, 0);
  // One cold start (deploy, eviction) an hour reads every row back: a generous assumption.
  const perHour = {
    workerRequests: measured.workerRequests / hours + crons,
    doRequests: doRequests / hours + crons,
    rowsWritten: measured.rowsWritten / hours,
    rowsRead: measured.rowsRead / hours + result.coldStartRowsRead,
    kvReads: 0,
    kvWrites: 0,
  };
  const perDay = mapValues(perHour, (v) => v * 24);
  const perMonth = mapValues(perDay, (v) => v * DAYS_PER_MONTH);
  const cost = mapValues(perMonth, (v, k) => v * PRICES[k]);
  const listPrice = Object.values(cost).reduce((a, b) => a + b, 0);
  const aboveBase = Object.entries(perMonth).reduce((sum, [k, v]) => sum + Math.max(0, v - PAID_INCLUDED_MONTHLY[k]) * PRICES[k], 0);
  const freeShare = mapValues(FREE_DAILY, (limit, k) => perDay[k] / limit);
  const worstFree = Object.entries(freeShare).sort((a, b) => b[1] - a[1])[0];
  const resend = measured.resend;
  return {
    perHour,
    perDay,
    perMonth,
    cost,
    listPrice,
    aboveBase,
    freeShare,
    worstFree,
    crons,
    breakdown: {
      doRequestsPerHour: { ...mapValues(measured.doRequests, (v) => v / hours), cronSweep: crons },
      rowsWrittenPerHour: mapValues(measured.rowsByOp, (v) => v.written / hours),
      notificationsPerHour: measured.notifications / hours,
    },
    resend: {
      alerts: resend.alerts,
      resolvedPerHour: measured.resolvedResends / hours,
      rowsPerResend: resend.otherRows / Math.max(1, resend.alerts),
      checkpointRowsPerResend: resend.checkpointRows / Math.max(1, resend.alerts),
    },
    coldStartRowsRead: result.coldStartRowsRead,
    stored: result.stored,
    warmupRowsWritten: result.warmup.rowsWritten,
    elapsedMs,
  };
}

/**
 * Cron trigger invocations per hour from wrangler.toml's [triggers] crons
 * (each is a Worker invocation; src/api/worker.ts's scheduled handler makes
 * one Durable Object call). Minute and hour fields only; others taken as `*`.
 */
export function cronInvocationsPerHour() {
  const toml = readFileSync(join(ROOT, 'wrangler.toml'), 'utf8');
  const line = /^\s*crons\s*=\s*\[(.*)\]/m.exec(toml);
  if (!line) return 0;
  const crons = [...line[1].matchAll(/"([^"]+)"/g)].map((m) => m[1]);
  let perDay = 0;
  for (const cron of crons) {
    const [minute = '*', hour = '*'] = cron.trim().split(/\s+/);
    perDay += countMatches(minute, 60) * countMatches(hour, 24);
  }
  return perDay / 24;
}

function countMatches(field, size) {
  let n = 0;
  for (let v = 0; v < size; v++) if (field.split(',').some((part) => matchesPart(part, v))) n++;
  return n;
}

function matchesPart(part, v) {
  const [range, step = '1'] = part.split('/');
  const [lo, hi] = range === '*' ? [0, Infinity] : range.includes('-') ? range.split('-').map(Number) : [Number(range), part.includes('/') ? Infinity : Number(range)];
  return v >= lo && v <= hi && (v - lo) % Number(step) === 0;
}

function mapValues(object, fn) {
  return Object.fromEntries(Object.entries(object).map(([k, v]) => [k, fn(v, k)]));
}
