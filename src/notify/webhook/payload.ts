/**
 * Alertmanager's webhook body, version "4": field names, order and meaning
 * as Alertmanager 0.25 sends them (see test/conformance for the captured
 * original).
 */
import { commonLabels } from '../../alert/label-set.js';
import { formatTime } from '../../alert/time.js';
import { goJson, sortedKeys } from '../go-json.js';
import { endsAtOf, type IncidentRef, type Notification } from '../notification.js';

/**
 * Renders the version-4 webhook body for a notification, keeping at most
 * `maxAlerts` (0 = all). A page sent by an incident adds an `incident`
 * object after Alertmanager's fields (edgealert's only addition).
 */
export function webhookBody(notification: Notification, externalURL: string, maxAlerts: number): string {
  const all = notification.alerts;
  const kept = maxAlerts > 0 ? all.slice(0, maxAlerts) : all;
  // Like Alertmanager, status and common labels describe the alerts actually sent.
  const firing = kept.some((a) => a.status === 'firing');
  return goJson({
    receiver: quoteMeta(notification.receiver),
    status: firing ? 'firing' : 'resolved',
    alerts: kept.map((a) => ({
      status: a.status,
      labels: sortedKeys(a.labels),
      annotations: sortedKeys(a.annotations),
      startsAt: formatTime(a.startsAt),
      endsAt: formatTime(endsAtOf(a)),
      generatorURL: a.generatorURL,
      fingerprint: a.fingerprint,
    })),
    groupLabels: sortedKeys(notification.groupLabels),
    commonLabels: sortedKeys(commonLabels(kept.map((a) => a.labels))),
    commonAnnotations: sortedKeys(commonLabels(kept.map((a) => a.annotations))),
    externalURL,
    version: '4',
    groupKey: notification.groupKey,
    truncatedAlerts: all.length - kept.length,
    ...(notification.incident ? { incident: incidentJson(notification.incident) } : {}),
  });
}

/** The incident's fields in a fixed order; ackUrl only when the page carries one. */
function incidentJson(incident: IncidentRef): Record<string, string> {
  const { id, status, policy, url, ackUrl } = incident;
  return { id, status, policy, url, ...(ackUrl === undefined ? {} : { ackUrl }) };
}

/** Go's regexp.QuoteMeta, which Alertmanager applies to the receiver name in template data. */
function quoteMeta(text: string): string {
  return text.replace(/[\\.+*?()|[\]{}^$]/g, (c) => `\\${c}`);
}
