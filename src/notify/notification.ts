/**
 * What a flush hands to integrations: one group's alerts for one receiver,
 * snapshotted at the tick, in Alertmanager's order, with firing alerts'
 * endsAt cleared (they must not resolve while a notification is retried).
 */
import * as z from 'zod';
import { sortAlerts } from '../alert/sort.js';
import { ZERO_TIME } from '../alert/time.js';
import { isResolvedAt, type Alert } from '../alert/types.js';

export const ALERT_STATUSES = ['firing', 'resolved'] as const;
export type AlertStatus = (typeof ALERT_STATUSES)[number];

const labelSet = z.record(z.string(), z.string());

export const notifyAlertSchema = z.object({
  status: z.enum(ALERT_STATUSES),
  labels: labelSet,
  annotations: labelSet,
  startsAt: z.number(),
  /** ZERO_TIME (stored as null) while firing. */
  endsAt: z.number().nullable(),
  generatorURL: z.string(),
  fingerprint: z.string(),
  updatedAt: z.number(),
});
export type NotifyAlert = z.infer<typeof notifyAlertSchema>;

export const INCIDENT_STATUSES = ['triggered', 'acknowledged', 'resolved'] as const;
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];

/**
 * Set on a page sent by an escalation (not on the route's own notifications):
 * integrations add an acknowledge link or button where their format allows.
 */
export const incidentRefSchema = z.object({
  id: z.string(),
  status: z.enum(INCIDENT_STATUSES),
  /** The escalation policy's name. */
  policy: z.string(),
  /** Where the incident is shown (UI page). */
  url: z.string(),
  /** A signed, expiring, single-use link that acknowledges without a login; absent when no ACK_LINK_SECRET is set or the incident is resolved. */
  ackUrl: z.string().optional(),
});
export type IncidentRef = z.infer<typeof incidentRefSchema>;

export const notificationSchema = z.object({
  receiver: z.string(),
  groupKey: z.string(),
  groupLabels: labelSet,
  alerts: z.array(notifyAlertSchema),
  incident: incidentRefSchema.optional(),
});
export type Notification = z.infer<typeof notificationSchema>;

/** The alerts of a group as a flush at `now` sees them. */
export function snapshotAlerts(alerts: Iterable<Alert>, now: number): NotifyAlert[] {
  const snapshot: NotifyAlert[] = [];
  for (const alert of alerts) {
    const resolved = isResolvedAt(alert, now);
    snapshot.push({
      status: resolved ? 'resolved' : 'firing',
      labels: alert.labels,
      annotations: alert.annotations,
      startsAt: alert.startsAt,
      endsAt: resolved ? alert.endsAt : null,
      generatorURL: alert.generatorURL,
      fingerprint: alert.fingerprint,
      updatedAt: alert.updatedAt,
    });
  }
  return sortAlerts(snapshot);
}

/** endsAt as a time, with "firing" as Go's zero time. */
export function endsAtOf(alert: NotifyAlert): number {
  return alert.endsAt ?? ZERO_TIME;
}
