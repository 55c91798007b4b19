/** POST /api/v2/alerts (ingest scope); GET /api/v2/alerts and /api/v2/alerts/groups (read scope). */
import { Hono } from 'hono';
import { parseAlertBatch } from '../alert/parse-batch.js';
import { statusResolver } from '../group/alert-status.js';
import { listAlertGroups, listAlerts } from '../group/read-model.js';
import { planDispatch } from '../route/dispatch-plan.js';
import { runtimeConfig } from '../durable/runtime-config.js';
import { refuseTooManyAlerts } from './alert-count.js';
import { pingFromAlerts } from './heartbeat-pings.js';
import { HttpError } from './http-error.js';
import { requireIngestAuth } from './ingest-auth.js';
import { alertQueryOf } from './query-params.js';
import { readJsonBody } from './read-body.js';
import { requireScope } from './require-scope.js';
import { sendToShards, silencesStub, viewAllShards } from './shards.js';
import { countReceived } from './worker-counters.js';

export const alertsApi = new Hono<{ Bindings: Env }>();

alertsApi.post('/', requireIngestAuth, async (c) => {
  const config = runtimeConfig(c.env);
  const text = await readJsonBody(c.req.raw);
  const now = Date.now();
  const batch = parseAlertBatch(text, { now, resolveTimeout: config.global.resolveTimeout, traceId: c.var.trace?.traceId });
  if (!batch.ok) throw new HttpError(batch.error.status, batch.error.body.message, batch.error.body);
  refuseTooManyAlerts(batch.value.alerts.length + batch.value.invalid.length);
  countReceived(c, batch.value.alerts, batch.value.invalid.length, now);
  const sources = config.inhibitRules.map((rule) => rule.sourceMatchers);
  await Promise.all([
    sendToShards(c.env, planDispatch(batch.value.alerts, config.route, config.shards, sources)),
    pingFromAlerts(c.env, config, batch.value.alerts, now),
  ]);
  if (batch.value.invalid.length > 0) {
    const message = batch.value.invalid.join('; ');
    throw new HttpError(400, message, message);
  }
  return c.body(null, 200);
});

alertsApi.get('/', requireScope('read'), async (c) => {
  const { views, config, query, statusOf, now } = await readState(c.env, c.req.url);
  return c.json(listAlerts(views, config, query, statusOf, now));
});

alertsApi.get('/groups', requireScope('read'), async (c) => {
  const { views, config, query, statusOf, now } = await readState(c.env, c.req.url);
  return c.json(listAlertGroups(views, config, query, statusOf, now));
});

/** Everything the read endpoints need: every shard's view, the silences, and the status of each alert. */
async function readState(env: Env, url: string) {
  const config = runtimeConfig(env);
  const query = alertQueryOf(url);
  const [views, silences] = await Promise.all([viewAllShards(env, config.shards), silencesStub(env).list()]);
  const now = Date.now();
  return { views, config, query, statusOf: statusResolver(views, config, silences, now), now };
}
