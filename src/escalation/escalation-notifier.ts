/**
 * The route's escalation as one more integration of its groups: every
 * notification of a group whose route has `escalation:` is also handed to
 * the incident desk (the OnCall Durable Object), with the same retries,
 * persistence and notification-log dedup as the receiver's integrations.
 * It gets resolved alerts too: that is how an incident learns to resolve.
 */
import type { Route } from '../config/types.js';
import type { Notifier } from '../notify/integration.js';

export function escalationNotifier(route: Route & { escalation: string }): Notifier {
  return {
    name: 'escalation',
    sendResolved: true,
    async notify(notification, ctx) {
      if (!ctx.escalate) return { ok: false, retry: false, reason: 'other', message: 'escalation: no incident desk is reachable from here' };
      try {
        await ctx.escalate({
          policy: route.escalation,
          groupKey: notification.groupKey,
          receiver: notification.receiver,
          groupLabels: notification.groupLabels,
          alerts: notification.alerts,
        });
        return { ok: true };
      } catch {
        return { ok: false, retry: true, reason: 'other', message: 'escalation: the incident desk did not take the update' };
      }
    },
  };
}

/** The notifiers of a route's groups: its receiver's integrations, then its escalation if it has one. */
export function withEscalation(route: Route, receiverNotifiers: Notifier[]): Notifier[] {
  const { escalation } = route;
  return escalation === undefined ? receiverNotifiers : [...receiverNotifiers, escalationNotifier({ ...route, escalation })];
}
