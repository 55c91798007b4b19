/**
 * The Incidents page: status filters with counts, then each incident (open
 * ones first) with its policy, group labels, firing alerts, age, status and
 * who acknowledged or resolved it. Group labels come from alerts: text only.
 */
import type { Actor, Incident } from '../../escalation/incident.js';
import type { IncidentStatus } from '../../notify/notification.js';
import { Problem } from '../components/forms.js';
import { LabelChips } from '../components/labels.js';
import { formatAge, relative, When } from '../components/time.js';
import { firingCount, INCIDENT_FILTERS, type IncidentFilter } from './incident-list.js';

/** Badge colour per status: triggered pages people (red), acknowledged is being handled, resolved is over. */
const BADGE: Record<IncidentStatus, string> = { triggered: 'state-triggered', acknowledged: 'state-acked', resolved: 'state-resolved' };

const FILTER_LABELS: Record<IncidentFilter | 'all', string> = { all: 'All', open: 'Open', triggered: 'Triggered', acknowledged: 'Acknowledged', resolved: 'Resolved' };

/** An incident's status as a coloured badge. */
export function StatusBadge({ status }: { status: IncidentStatus }) {
  return <span class={`badge ${BADGE[status]}`}>{status}</span>;
}

/** `alice via ui`: who did something and through what. */
export function actorText(actor: Actor): string {
  return `${actor.name} via ${actor.via}`;
}

/** The path of an incident's page (what `incident.url` in pages points to, under EXTERNAL_URL). */
export function incidentPath(id: string): string {
  return `/ui/incidents/${encodeURIComponent(id)}`;
}

export interface IncidentsPageProps {
  /** Already filtered and ordered. */
  readonly incidents: readonly Incident[];
  readonly filter: IncidentFilter | undefined;
  /** How many incidents each filter lists. */
  readonly counts: Readonly<Record<IncidentFilter | 'all', number>>;
  /** Why the filter could not be applied. */
  readonly problem?: string;
  readonly now: number;
}

export function IncidentsPage({ incidents, filter, counts, problem, now }: IncidentsPageProps) {
  return (
    <>
      <nav class="tabs" aria-label="status filter">
        {(['all', ...INCIDENT_FILTERS] as const).map((f) => (
          <a href={f === 'all' ? '/ui/incidents' : `/ui/incidents?status=${f}`} aria-current={(filter ?? 'all') === f && !problem ? 'page' : undefined}>
            {FILTER_LABELS[f]} ({counts[f]})
          </a>
        ))}
      </nav>
      {problem ? <Problem>{problem}</Problem> : null}
      {!problem && incidents.length === 0 ? (
        <p class="muted">{counts.all === 0 ? 'No incidents. A route with `escalation:` opens one when its group first notifies.' : 'No incidents match.'}</p>
      ) : null}
      {incidents.map((incident) => (
        <IncidentCard incident={incident} now={now} />
      ))}
    </>
  );
}

function IncidentCard({ incident, now }: { incident: Incident; now: number }) {
  const firing = firingCount(incident);
  return (
    <article class="card incident" data-incident-id={incident.id} data-status={incident.status}>
      <div class="alert-head">
        <StatusBadge status={incident.status} />
        <a class="alertname" href={incidentPath(incident.id)}>
          Incident {incident.id}
        </a>
        <span class="muted small">
          policy {incident.policy} · {firing} firing · opened {formatAge(now - incident.openedAt)} ago (<When at={incident.openedAt} />)
        </span>
      </div>
      <LabelChips labels={incident.groupLabels} label="group labels" />
      {incident.acknowledged ? (
        <p class="small">
          Acknowledged by {actorText(incident.acknowledged.by)}, {relative(incident.acknowledged.at, now)}
        </p>
      ) : null}
      {incident.resolved ? (
        <p class="small">
          Resolved by {actorText(incident.resolved.by)}, {relative(incident.resolved.at, now)}
        </p>
      ) : null}
    </article>
  );
}
