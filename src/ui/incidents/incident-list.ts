/**
 * Which incidents the Incidents page lists and in what order: open ones
 * first (triggered, then acknowledged), then resolved, newest first within
 * each. `?status=` narrows the list as the API's filter does (`open` is
 * every status but resolved); a status nobody knows is an error to show.
 */
import type { Incident } from '../../escalation/incident.js';
import type { DeskAction } from '../../escalation/desk.js';
import { INCIDENT_STATUSES } from '../../notify/notification.js';
import { err, ok, type Result } from '../../util/result.js';

export const INCIDENT_FILTERS = ['open', ...INCIDENT_STATUSES] as const;
export type IncidentFilter = (typeof INCIDENT_FILTERS)[number];

/** The filter a `status` parameter names: undefined (absent or empty) lists every incident. */
export function incidentFilterOf(text: string | undefined): Result<IncidentFilter | undefined> {
  if (text === undefined || text === '') return ok(undefined);
  const known = INCIDENT_FILTERS.find((f) => f === text);
  return known ? ok(known) : err(`Bad status filter ${JSON.stringify(text)}: expected one of ${INCIDENT_FILTERS.join(', ')}.`);
}

/** Whether `incident` passes `filter` (undefined: every incident does). */
export function passesFilter(incident: Incident, filter: IncidentFilter | undefined): boolean {
  if (filter === undefined) return true;
  return filter === 'open' ? incident.status !== 'resolved' : incident.status === filter;
}

/** How many incidents each filter lists; `all` counts every one. */
export function filterCounts(incidents: readonly Incident[]): Record<IncidentFilter | 'all', number> {
  const counts = { all: incidents.length } as Record<IncidentFilter | 'all', number>;
  for (const filter of INCIDENT_FILTERS) counts[filter] = incidents.filter((i) => passesFilter(i, filter)).length;
  return counts;
}

/** The incidents passing `filter`, triggered first, then acknowledged, then resolved; newest first within each. */
export function listIncidents(incidents: readonly Incident[], filter: IncidentFilter | undefined): Incident[] {
  const rank = (i: Incident) => INCIDENT_STATUSES.indexOf(i.status);
  return incidents.filter((i) => passesFilter(i, filter)).sort((a, b) => rank(a) - rank(b) || b.openedAt - a.openedAt || Number(b.id) - Number(a.id));
}

/** The actions the incident's state allows, in the order the page offers them. */
export function actionsFor(incident: Incident): DeskAction[] {
  if (incident.status === 'triggered') return ['ack', 'resolve'];
  if (incident.status === 'acknowledged') return ['unack', 'resolve'];
  return [];
}

/** How many alerts of the incident still fire. */
export function firingCount(incident: Incident): number {
  return incident.alerts.filter((a) => a.status === 'firing').length;
}
