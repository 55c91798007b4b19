/**
 * Incidents: GET /api/v1/incidents (filters status, policy, receiver; read
 * scope), GET /api/v1/incidents/{id} with its timeline, and POST
 * /api/v1/incidents/{id}/ack | unack | resolve (ack scope; an optional JSON
 * body `{"by": "alice"}` names who acted, for the timeline).
 */
import { Hono } from 'hono';
import * as z from 'zod';
import type { DeskAction } from '../escalation/desk.js';
import { INCIDENT_STATUSES } from '../notify/notification.js';
import { runtimeConfig } from '../durable/runtime-config.js';
import { incidentView } from './incident-view.js';
import { parseJson } from '../util/parse-json.js';
import { HttpError } from './http-error.js';
import { readJsonBody } from './read-body.js';
import { requireScope } from './require-scope.js';
import { oncallStub } from './shards.js';

export const incidentsApi = new Hono<{ Bindings: Env }>();

/** `open` is every status but resolved. */
const STATUS_FILTERS = [...INCIDENT_STATUSES, 'open'] as const;

const actionBodySchema = z.strictObject({ by: z.string().trim().min(1).max(100).optional() });

incidentsApi.get('/', requireScope('read'), async (c) => {
  const status = c.req.query('status');
  if (status !== undefined && !(STATUS_FILTERS as readonly string[]).includes(status)) {
    throw new HttpError(400, `bad status filter ${JSON.stringify(status)}: expected one of ${STATUS_FILTERS.join(', ')}`);
  }
  const policy = c.req.query('policy');
  const receiver = c.req.query('receiver');
  const policies = runtimeConfig(c.env).oncall.escalationPolicies;
  const incidents = (await oncallStub(c.env).incidents()).filter(
    (i) =>
      (status === undefined || (status === 'open' ? i.status !== 'resolved' : i.status === status)) &&
      (policy === undefined || i.policy === policy) &&
      (receiver === undefined || i.receiver === receiver),
  );
  return c.json(incidents.map((i) => incidentView(i, policies.get(i.policy))));
});

incidentsApi.get('/:id', requireScope('read'), async (c) => {
  const incident = await oncallStub(c.env).incident(c.req.param('id'));
  if (!incident) throw new HttpError(404, `incident ${JSON.stringify(c.req.param('id'))} not found`);
  return c.json(incidentView(incident, runtimeConfig(c.env).oncall.escalationPolicies.get(incident.policy)));
});

for (const action of ['ack', 'unack', 'resolve'] as const satisfies readonly DeskAction[]) {
  incidentsApi.post(`/:id/${action}`, requireScope('ack'), async (c) => {
    const by = await actorName(c.req.raw);
    const result = await oncallStub(c.env).act(c.req.param('id'), action, { name: by, via: 'api' });
    if (!result.ok) throw new HttpError(result.error.status, result.error.message);
    return c.json(incidentView(result.value, runtimeConfig(c.env).oncall.escalationPolicies.get(result.value.policy)));
  });
}

/** Who acted: the body's `by`, or "API client" without a body. */
async function actorName(request: Request): Promise<string> {
  if (request.headers.get('Content-Length') === '0' || (!request.headers.has('Content-Type') && !request.body)) return 'API client';
  const text = await readJsonBody(request);
  if (text.trim() === '') return 'API client';
  const parsed = parseJson(text, actionBodySchema, 'action');
  if (!parsed.ok) throw new HttpError(parsed.error.status, parsed.error.body.message, parsed.error.body);
  return parsed.value.by ?? 'API client';
}
