/**
 * One incident (/ui/incidents/{id}, the page `incident.url` in every page
 * points to): its state and the buttons it allows, its alerts as the Alerts
 * page shows them, and its timeline. Labels, annotations and timeline
 * details come from alerts and people: rendered as text, never markup.
 */
import type { DeskAction } from '../../escalation/desk.js';
import type { Incident, TimelineEntry, TimelineEvent } from '../../escalation/incident.js';
import type { NotifyAlert } from '../../notify/notification.js';
import { AlertBody, AlertLinks } from '../components/alert-body.js';
import { Notice, PostForm, Problem } from '../components/forms.js';
import { LabelChips } from '../components/labels.js';
import { formatAge, relative, When } from '../components/time.js';
import { actionsFor, firingCount } from './incident-list.js';
import { actorText, incidentPath, StatusBadge } from './incidents-page.js';

/** Each action's button. */
export const ACTION_BUTTONS: Record<DeskAction, string> = { ack: 'Acknowledge', unack: 'Un-acknowledge', resolve: 'Resolve' };

const EVENT_LABELS: Record<TimelineEvent, string> = {
  opened: 'Opened',
  step: 'Escalation step',
  paged: 'Paged',
  page_failed: 'Page failed',
  nobody_on_call: 'Nobody on call',
  alerts_joined: 'Alerts joined',
  alerts_resolved: 'Alerts resolved',
  acknowledged: 'Acknowledged',
  unacknowledged: 'Un-acknowledged',
  reescalated: 'Re-escalated',
  resolved: 'Resolved',
  escalation_exhausted: 'Escalation exhausted',
};

export interface IncidentPageProps {
  readonly incident: Incident;
  /** The session may acknowledge and resolve (ack scope). */
  readonly canAct: boolean;
  readonly csrf: string;
  readonly notice?: string;
  /** Why the last action was refused. */
  readonly problem?: string;
  readonly now: number;
}

export function IncidentPage({ incident, canAct, csrf, notice, problem, now }: IncidentPageProps) {
  return (
    <>
      {notice ? <Notice>{notice}</Notice> : null}
      {problem ? <Problem>{problem}</Problem> : null}
      <section class="card incident" data-incident-id={incident.id} data-status={incident.status} aria-label="incident">
        <div class="alert-head">
          <StatusBadge status={incident.status} />
          <span class="muted small">
            policy {incident.policy} · receiver {incident.receiver} · {firingCount(incident)} firing · opened {formatAge(now - incident.openedAt)} ago (<When at={incident.openedAt} />)
          </span>
        </div>
        <LabelChips labels={incident.groupLabels} label="group labels" />
        {incident.acknowledged ? <p class="small">Acknowledged by {actorText(incident.acknowledged.by)}, {relative(incident.acknowledged.at, now)}</p> : null}
        {incident.resolved ? <p class="small">Resolved by {actorText(incident.resolved.by)}, {relative(incident.resolved.at, now)}</p> : null}
        <Actions incident={incident} canAct={canAct} csrf={csrf} />
      </section>
      <h2>Alerts ({incident.alerts.length})</h2>
      <section class="card group" aria-label="alerts">
        {incident.alerts.map((alert) => (
          <IncidentAlert alert={alert} now={now} />
        ))}
      </section>
      <h2>Timeline</h2>
      <ol class="timeline card" aria-label="timeline">
        {incident.timeline.map((entry) => (
          <TimelineItem entry={entry} />
        ))}
      </ol>
    </>
  );
}

/** The buttons the state and the session allow, sharing one "Your name" field. */
function Actions({ incident, canAct, csrf }: { incident: Incident; canAct: boolean; csrf: string }) {
  const actions = actionsFor(incident);
  const [first] = actions;
  if (first === undefined) return null;
  if (!canAct) return <p class="muted small">Sign in with an ack or admin token to acknowledge or resolve.</p>;
  const path = incidentPath(incident.id);
  return (
    <PostForm action={`${path}/${first}`} csrf={csrf} class="incident-actions">
      <div class="field">
        <label for="by">Your name</label>
        <input id="by" name="by" type="text" maxlength={100} placeholder="UI user" autocomplete="name" data-remember="createdBy" />
        <span class="hint">Recorded in the timeline.</span>
      </div>
      <div class="actions">
        {actions.map((action) => (
          <button type="submit" formAction={`${path}/${action}`} class={action === 'resolve' ? undefined : 'primary'} data-action={action}>
            {ACTION_BUTTONS[action]}
          </button>
        ))}
      </div>
    </PostForm>
  );
}

function IncidentAlert({ alert, now }: { alert: NotifyAlert; now: number }) {
  const state = alert.status === 'firing' ? 'active' : 'resolved';
  return (
    <article class="alert" data-fingerprint={alert.fingerprint} data-state={state}>
      <div class="alert-head">
        <span class={`badge state-${state}`}>{alert.status}</span>
        <span class="alertname">{alert.labels.alertname ?? '(no alertname)'}</span>
        <span class="muted small">
          {alert.endsAt !== null && alert.status === 'resolved' ? (
            <>
              resolved {relative(alert.endsAt, now)} (<When at={alert.endsAt} />)
            </>
          ) : (
            <>
              for {formatAge(now - alert.startsAt)}, since <When at={alert.startsAt} />
            </>
          )}
        </span>
      </div>
      <AlertBody labels={alert.labels} annotations={alert.annotations} />
      <div class="actions small">
        <AlertLinks annotations={alert.annotations} generatorURL={alert.generatorURL} />
      </div>
    </article>
  );
}

function TimelineItem({ entry }: { entry: TimelineEntry }) {
  return (
    <li data-event={entry.event}>
      <When at={entry.at} /> <strong>{EVENT_LABELS[entry.event]}</strong>
      {entry.actor ? <span class="muted"> by {actorText(entry.actor)}</span> : null}
      {entry.detail ? <span class="detail">: {entry.detail}</span> : null}
    </li>
  );
}
