/**
 * GET /metrics in Prometheus' text format: the Worker's counters (summed in
 * the Metrics object), each shard's notification counters, and gauges of the
 * current state. Needs the metrics scope (METRICS_TOKEN or ADMIN_TOKEN).
 */
import { Hono } from 'hono';
import { statusResolver } from '../group/alert-status.js';
import { mergeCounters } from '../metrics/counters.js';
import { EXPOSITION_CONTENT_TYPE, renderExposition } from '../metrics/exposition.js';
import { FAMILIES } from '../metrics/families.js';
import { gauges } from '../metrics/gauges.js';
import { runtimeConfig } from '../durable/runtime-config.js';
import { requireScope } from './require-scope.js';
import { silencesStub, viewAllShards } from './shards.js';
import { flushCounters, metricsStub } from './worker-counters.js';

export const metricsApi = new Hono<{ Bindings: Env }>();

metricsApi.get('/', requireScope('metrics'), async (c) => {
  const config = runtimeConfig(c.env);
  await flushCounters(c.env);
  const [worker, views, silences] = await Promise.all([
    metricsStub(c.env).read(),
    viewAllShards(c.env, config.shards),
    silencesStub(c.env).list(),
  ]);
  const now = Date.now();
  const statusOf = statusResolver(views, config, silences, now);
  const values = mergeCounters(worker, ...views.map((v) => v.counters), gauges(views, silences, statusOf, now));
  return c.body(renderExposition(FAMILIES, values), 200, { 'Content-Type': EXPOSITION_CONTENT_TYPE });
});
