/**
 * edgealert's heartbeat endpoints: GET /api/v1/heartbeats lists each
 * heartbeat with its last ping and state (read scope); POST /api/v1/heartbeats/{name}
 * pings one (for cron jobs; ingest credentials; 404 for an unknown name).
 */
import { Hono } from 'hono';
import { runtimeConfig } from '../durable/runtime-config.js';
import { heartbeatsStub } from './heartbeat-pings.js';
import { HttpError } from './http-error.js';
import { requireIngestAuth } from './ingest-auth.js';
import { requireScope } from './require-scope.js';

export const heartbeatsApi = new Hono<{ Bindings: Env }>();

heartbeatsApi.get('/', requireScope('read'), async (c) => c.json(await heartbeatsStub(c.env).list()));

heartbeatsApi.post('/:name', requireIngestAuth, async (c) => {
  const name = c.req.param('name');
  if (!runtimeConfig(c.env).heartbeats.some((hb) => hb.name === name)) throw new HttpError(404, `heartbeat ${JSON.stringify(name)} not found`);
  const [view] = await heartbeatsStub(c.env).ping([name]);
  return c.json(view);
});
