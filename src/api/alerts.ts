/** POST and GET /api/v2/alerts, GET /api/v2/alerts/groups. */
import { Hono } from 'hono';
import { parseAlertBatch } from '../alert/parse-batch.js';
import { listAlertGroups, listAlerts, ACTIVE } from '../group/read-model.js';
import { planDispatch } from '../route/dispatch-plan.js';
import { runtimeConfig } from '../durable/runtime-config.js';
import { HttpError } from './http-error.js';
import { alertQueryOf } from './query-params.js';
import { readJsonBody } from './read-body.js';
import { sendToShards, viewAllShards } from './shards.js';

export const alertsApi = new Hono<{ Bindings: Env }>();

alertsApi.post('/', async (c) => {
  const config = runtimeConfig(c.env);
  const text = await readJsonBody(c.req.raw);
  const batch = parseAlertBatch(text, { now: Date.now(), resolveTimeout: config.global.resolveTimeout });
  if (!batch.ok) throw new HttpError(batch.error.status, batch.error.body.message, batch.error.body);
  await sendToShards(c.env, planDispatch(batch.value.alerts, config.route, config.shards));
  if (batch.value.invalid.length > 0) {
    const message = batch.value.invalid.join('; ');
    throw new HttpError(400, message, message);
  }
  return c.body(null, 200);
});

alertsApi.get('/', async (c) => {
  const config = runtimeConfig(c.env);
  const query = alertQueryOf(c.req.url);
  const views = await viewAllShards(c.env, config.shards);
  return c.json(listAlerts(views, config, query, ACTIVE, Date.now()));
});

alertsApi.get('/groups', async (c) => {
  const config = runtimeConfig(c.env);
  const query = alertQueryOf(c.req.url);
  const views = await viewAllShards(c.env, config.shards);
  return c.json(listAlertGroups(views, config, query, ACTIVE, Date.now()));
});
