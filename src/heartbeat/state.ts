/**
 * What the Heartbeats object remembers of each heartbeat: when it was last
 * pinged and whether it is missing. Stored as one row per heartbeat.
 */
import * as z from 'zod';

/** `waiting`: never pinged since tracking began; `ok`: pinged within its timeout; `missing`: not. */
export const HEARTBEAT_STATES = ['waiting', 'ok', 'missing'] as const;
export type HeartbeatState = (typeof HEARTBEAT_STATES)[number];

export const heartbeatRecordSchema = z.object({
  name: z.string(),
  state: z.enum(HEARTBEAT_STATES),
  /** When edgealert began tracking it (first seen in the config): the deadline of a heartbeat never pinged counts from here. */
  since: z.number(),
  lastPingAt: z.number().nullable(),
  /** While missing: the HeartbeatMissing alert's startsAt (the deadline that was missed). */
  missingSince: z.number().nullable(),
  /** While missing: the endsAt last sent with the alert (it is refreshed before then). */
  alertEndsAt: z.number().nullable(),
});
export type HeartbeatRecord = z.infer<typeof heartbeatRecordSchema>;

/** A heartbeat first seen at `now`. */
export function newRecord(name: string, now: number): HeartbeatRecord {
  return { name, state: 'waiting', since: now, lastPingAt: null, missingSince: null, alertEndsAt: null };
}
