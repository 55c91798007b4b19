/**
 * A page as a flush job (src/group/flush-job.ts): one notification of an
 * incident to one receiver, one delivery per integration, retried with the
 * same backoff as group notifications for up to PAGE_RETRY_WINDOW_MS. Pages
 * ignore the receiver's send_resolved: a resolved notice is part of the
 * incident, not an alert notification.
 */
import type { Receiver } from '../config/types.js';
import type { FlushJob } from '../group/flush-job.js';
import type { Notification } from '../notify/notification.js';
import type { Incident } from './incident.js';

/** A page that has not gone out after this long is given up (and the timeline says so). */
export const PAGE_RETRY_WINDOW_MS = 15 * 60_000;

/** Where the incident is shown. */
export function incidentUrl(externalURL: string, id: string): string {
  return `${externalURL.replace(/\/+$/, '')}/ui/incidents/${encodeURIComponent(id)}`;
}

/** What one page of an incident says. */
export function incidentNotification(incident: Incident, receiver: string, externalURL: string): Notification {
  return {
    receiver,
    groupKey: incident.groupKey,
    groupLabels: incident.groupLabels,
    alerts: incident.alerts,
    incident: { id: incident.id, status: incident.status, policy: incident.policy, url: incidentUrl(externalURL, incident.id) },
  };
}

/** A notification not tied to an incident (handoff notices), as a job to `receiver`. */
export function noticeJob(id: string, ownerId: string, notification: Notification, receiver: Receiver, now: number): FlushJob {
  return {
    id,
    groupId: ownerId,
    tickAt: now,
    deadline: now + PAGE_RETRY_WINDOW_MS,
    repeatInterval: 0,
    notification,
    resolvedSnapshot: [],
    deliveries: receiver.integrations.map((_, index) => ({ index, state: 'pending', attempts: 0, dueAt: now, sendResolved: true })),
  };
}

/** A page of `incident` to `receiver`. */
export function pageJob(incident: Incident, receiver: Receiver, kind: 'trigger' | 'resolve', now: number, externalURL: string): FlushJob {
  const id = `${incident.id}:${kind}:${receiver.name}:${now}`;
  return noticeJob(id, incident.id, incidentNotification(incident, receiver.name, externalURL), receiver, now);
}
