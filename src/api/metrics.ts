/**
 * GET /metrics in Prometheus' text format: the Worker's counters (summed in
 * the Metrics object), each shard's notification counters, each Durable
 * Object's own usage (a shard's labelled with its index, so one shard
 * restarting is a counter reset of its series only), and gauges of the
 * current state. One request per object: the scrape reads the Silences and
 * Heartbeats objects' usage with the silences and heartbeats it needs anyway
 * (the Heartbeats object only when heartbeats are configured), and the
 * OnCall object's incidents, counters and usage only when the config has
 * escalation policies or schedules. Needs the metrics scope (METRICS_TOKEN
 * or ADMIN_TOKEN).
 */
import { Hono } from 'hono';
import { statusResolver } from '../group/alert-status.js';
import { mergeCounters, type CounterValues } from '../metrics/counters.js';
import { NO_USAGE, usageSeries } from '../metrics/durable-object-usage.js';
import { EXPOSITION_CONTENT_TYPE, renderExposition } from '../metrics/exposition.js';
import { FAMILIES } from '../metrics/families.js';
import { gauges, heartbeatGauges, incidentGauges } from '../metrics/gauges.js';
import type { Config } from '../config/types.js';
import { runtimeConfig } from '../durable/runtime-config.js';
import { heartbeatsStub } from './heartbeat-pings.js';
import { requireScope } from './require-scope.js';
import { oncallStub, silencesStub, viewAllShards } from './shards.js';
import { flushCounters, metricsStub } from './worker-counters.js';

export const metricsApi = new Hono<{ Bindings: Env }>();

metricsApi.get('/', requireScope('metrics'), async (c) => {
  const values = await scrapeValues(c.env);
  return c.body(renderExposition(FAMILIES, values), 200, { 'Content-Type': EXPOSITION_CONTENT_TYPE });
});

/** Every series of a scrape, read from the Durable Objects. */
async function scrapeValues(env: Env): Promise<CounterValues> {
  const config = runtimeConfig(env);
  await flushCounters(env);
  const [worker, views, silences, heartbeats, oncall] = await Promise.all([
    metricsStub(env).read(),
    viewAllShards(env, config.shards),
    silencesStub(env).scrape(),
    config.heartbeats.length > 0 ? heartbeatsStub(env).scrape() : { heartbeats: [], usage: NO_USAGE },
    readsOnCall(config) ? oncallStub(env).scrape() : undefined,
  ]);
  const now = Date.now();
  const statusOf = statusResolver(views, config, silences.silences, now);
  return mergeCounters(
    worker,
    ...views.map((v) => v.counters),
    ...views.map((v, i) => usageSeries('Dispatcher', v.usage ?? NO_USAGE, { shard: String(i) })),
    usageSeries('Silences', silences.usage),
    config.heartbeats.length > 0 ? usageSeries('Heartbeats', heartbeats.usage) : {},
    oncall ? mergeCounters(oncall.counters, usageSeries('OnCall', oncall.usage)) : {},
    gauges(views, silences.silences, statusOf, now),
    heartbeatGauges(heartbeats.heartbeats),
    incidentGauges(oncall?.incidents ?? {}),
  );
}

/** Only a config with escalation policies or schedules has an OnCall object worth a request. */
function readsOnCall(config: Config): boolean {
  return config.oncall.escalationPolicies.size > 0 || config.oncall.schedules.size > 0;
}
