/**
 * A notification log entry: what was last sent for one group x receiver x
 * integration. Alerts are identified by their label hash (the fingerprint),
 * so annotation changes never cause a notification.
 */
import * as z from 'zod';

export const nflogEntrySchema = z.object({
  firing: z.array(z.string()),
  resolved: z.array(z.string()),
  /** When the notification was logged (ms). */
  at: z.number(),
  /** When the entry may be forgotten (ms). */
  expiresAt: z.number(),
  /** The integration's memo from that notification (see NotifyContext.memo). */
  memo: z.record(z.string(), z.string()).optional(),
});
export type NflogEntry = z.infer<typeof nflogEntrySchema>;

/** How long entries are kept: Alertmanager's default --data.retention (120h). */
export const NFLOG_RETENTION_MS = 120 * 3_600_000;

/** The key of an entry: one per group, receiver and integration position. */
export function nflogKey(groupId: string, receiver: string, integrationIndex: number): string {
  return `${groupId}\u0000${receiver}\u0000${integrationIndex}`;
}
