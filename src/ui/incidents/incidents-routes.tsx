/**
 * The incident pages (read scope) and their actions (ack scope), through
 * the same OnCall object calls as /api/v1/incidents: GET /ui/incidents
 * [?status=open|triggered|acknowledged|resolved], GET /ui/incidents/{id}
 * (the page `incident.url` points to), POST /ui/incidents/{id}/ack | unack
 * | resolve with the form's `by` as the actor's name, via "ui".
 */
import { Hono, type Context } from 'hono';
import { oncallStub } from '../../api/shards.js';
import type { DeskAction } from '../../escalation/desk.js';
import type { Incident } from '../../escalation/incident.js';
import { renderPage } from '../render.js';
import { can } from '../session/access.js';
import { refuse, requireUiScope } from '../session/guards.js';
import type { UiEnv } from '../ui-env.js';
import { actorNameOf } from './actor-name.js';
import { filterCounts, incidentFilterOf, listIncidents } from './incident-list.js';
import { IncidentPage } from './incident-page.js';
import { incidentPath, IncidentsPage } from './incidents-page.js';

export const incidentRoutes = new Hono<UiEnv>();

const DONE: Record<DeskAction, string> = { ack: 'acknowledged', unack: 'un-acknowledged: escalation starts over', resolve: 'resolved' };

incidentRoutes.get('/incidents', requireUiScope('read'), async (c) => {
  const filter = incidentFilterOf(c.req.query('status'));
  const all = await oncallStub(c.env).incidents();
  const listed = filter.ok ? listIncidents(all, filter.value) : [];
  const page = <IncidentsPage incidents={listed} filter={filter.ok ? filter.value : undefined} counts={filterCounts(all)} problem={filter.ok ? undefined : filter.error} now={Date.now()} />;
  return renderPage(c, { title: 'Incidents', status: filter.ok ? 200 : 400, body: page });
});

incidentRoutes.get('/incidents/:id', requireUiScope('read'), async (c) => {
  const incident = await oncallStub(c.env).incident(c.req.param('id'));
  if (!incident) return notFound(c);
  const done = c.req.query('done');
  const notice = done !== undefined && done in DONE ? `Incident ${incident.id} ${DONE[done as DeskAction]}.` : undefined;
  return incidentPage(c, incident, { notice });
});

for (const action of ['ack', 'unack', 'resolve'] as const satisfies readonly DeskAction[]) {
  incidentRoutes.post(`/incidents/:id/${action}`, requireUiScope('ack'), async (c) => {
    const id = c.req.param('id');
    const name = actorNameOf(c.var.form);
    if (!name.ok) return refuse(c, 400, name.error);
    const result = await oncallStub(c.env).act(id, action, { name: name.value, via: 'ui' });
    if (result.ok) return c.redirect(`${incidentPath(id)}?done=${action}`, 303);
    // Refused in its state (already acknowledged by someone else): show it as it is now, saying why.
    const incident = await oncallStub(c.env).incident(id);
    if (!incident) return notFound(c);
    return incidentPage(c, incident, { problem: `Not done: ${result.error.message}.`, status: result.error.status });
  });
}

interface IncidentPageOptions {
  readonly notice?: string | undefined;
  readonly problem?: string;
  readonly status?: 404 | 409 | 410;
}

function incidentPage(c: Context<UiEnv>, incident: Incident, { notice, problem, status }: IncidentPageOptions) {
  const { ui } = c.var;
  const page = <IncidentPage incident={incident} canAct={can(ui.access, 'ack')} csrf={ui.csrfToken} notice={notice} problem={problem} now={Date.now()} />;
  return renderPage(c, { title: `Incident ${incident.id}`, status: status ?? 200, body: page });
}

function notFound(c: Context<UiEnv>) {
  return refuse(c, 404, `Incident ${c.req.param('id') ?? ''} not found (resolved incidents are kept 30 days).`);
}
