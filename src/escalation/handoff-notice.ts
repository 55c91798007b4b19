/**
 * The notice the incoming person gets when their shift starts (schedules
 * with `handoff_notices: true`): a firing `OnCallHandoff` alert, so every
 * integration and template can show it like any notification.
 */
import { fingerprint } from '../alert/fingerprint.js';
import type { Notification } from '../notify/notification.js';

/** The alertname of a handoff notice. */
export const HANDOFF_ALERTNAME = 'OnCallHandoff';

/** A notice telling `person`, reached through `receiver`, that they are on call for `schedule` from `at` until `until`. */
export function handoffNotice(schedule: string, person: string, receiver: string, at: number, until: number): Notification {
  const labels = { alertname: HANDOFF_ALERTNAME, schedule, person };
  return {
    receiver,
    groupKey: `{}:{schedule="${schedule}"}`,
    groupLabels: { schedule },
    alerts: [
      {
        status: 'firing',
        labels,
        annotations: {
          summary: `${person} is now on call for ${schedule}`,
          description: `Your shift on schedule ${schedule} started at ${new Date(at).toISOString()} and lasts until ${new Date(until).toISOString()}.`,
        },
        startsAt: at,
        endsAt: null,
        generatorURL: '',
        fingerprint: fingerprint(labels),
        updatedAt: at,
      },
    ],
  };
}
