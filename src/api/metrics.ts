/**
 * GET /metrics in Prometheus' text format: the Worker's counters (summed in
 * the Metrics object), each shard's notification counters, and gauges of the
 * current state. Set the METRICS_TOKEN secret to require a bearer token.
 */
import { Hono } from 'hono';
import { checkAuthorization } from '../auth/credentials.js';
import { statusResolver } from '../group/alert-status.js';
import { mergeCounters } from '../metrics/counters.js';
import { EXPOSITION_CONTENT_TYPE, renderExposition } from '../metrics/exposition.js';
import { FAMILIES } from '../metrics/families.js';
import { gauges } from '../metrics/gauges.js';
import { runtimeConfig } from '../durable/runtime-config.js';
import { HttpError } from './http-error.js';
import { silencesStub, viewAllShards } from './shards.js';
import { flushCounters, metricsStub } from './worker-counters.js';

export const metricsApi = new Hono<{ Bindings: Env }>();

metricsApi.get('/', async (c) => {
  const token = (c.env as unknown as Record<string, unknown>).METRICS_TOKEN;
  const accepted = { tokens: typeof token === 'string' && token !== '' ? [token] : [], basic: [] };
  const outcome = await checkAuthorization(c.req.header('Authorization') ?? null, accepted);
  if (outcome === 'missing' || outcome === 'wrong') throw new HttpError(401, 'GET /metrics needs the metrics token: "Authorization: Bearer <METRICS_TOKEN>"');
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
