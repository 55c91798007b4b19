/**
 * An incident as the API shows it: times in RFC 3339 (UTC, milliseconds)
 * like the rest of the API, the next step's due time, and no internal
 * bookkeeping (the fingerprints seen firing, the trace id).
 */
import type { EscalationPolicy } from '../config/oncall-types.js';
import type { Incident } from '../escalation/incident.js';
import { nextStepDueAt } from '../escalation/transitions.js';

const iso = (ms: number) => new Date(ms).toISOString();

export function incidentView(incident: Incident, policy: EscalationPolicy | undefined) {
  const { seenFiring: _seen, traceId: _trace, ...shown } = incident;
  const nextStepAt = nextStepDueAt(incident, policy);
  return {
    ...shown,
    openedAt: iso(incident.openedAt),
    escalationStartedAt: iso(incident.escalationStartedAt),
    nextStepAt: nextStepAt === undefined ? null : iso(nextStepAt),
    alerts: incident.alerts.map((a) => ({ ...a, startsAt: iso(a.startsAt), endsAt: a.endsAt === null ? null : iso(a.endsAt), updatedAt: iso(a.updatedAt) })),
    ...(incident.acknowledged ? { acknowledged: { ...incident.acknowledged, at: iso(incident.acknowledged.at) } } : {}),
    ...(incident.resolved ? { resolved: { ...incident.resolved, at: iso(incident.resolved.at) } } : {}),
    timeline: incident.timeline.map((e) => ({ ...e, at: iso(e.at) })),
  };
}
