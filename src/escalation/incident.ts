/**
 * An incident: one aggregation group's alerts under an escalation policy,
 * from the group's first notification until its alerts resolve (or someone
 * resolves it by hand). Stored as one JSON document per incident; every
 * change is a pure function of the previous document (see transitions.ts).
 */
import * as z from 'zod';
import { INCIDENT_STATUSES, notifyAlertSchema } from '../notify/notification.js';

/** How an action reached edgealert. */
export const ACTION_CHANNELS = ['system', 'api', 'slack', 'link', 'ui'] as const;
export type ActionChannel = (typeof ACTION_CHANNELS)[number];

/** Who did something, and through what. */
export const actorSchema = z.object({
  /** A person's name, a Slack user, a token's description, or "edgealert". */
  name: z.string(),
  via: z.enum(ACTION_CHANNELS),
});
export type Actor = z.infer<typeof actorSchema>;

export const TIMELINE_EVENTS = [
  'opened',
  'step',
  'paged',
  'page_failed',
  'nobody_on_call',
  'alerts_joined',
  'alerts_resolved',
  'acknowledged',
  'unacknowledged',
  'reescalated',
  'resolved',
  'escalation_exhausted',
] as const;
export type TimelineEvent = (typeof TIMELINE_EVENTS)[number];

export const timelineEntrySchema = z.object({
  at: z.number(),
  event: z.enum(TIMELINE_EVENTS),
  actor: actorSchema.optional(),
  /** Human-readable detail: which step, which receiver, which alerts. */
  detail: z.string().optional(),
});
export type TimelineEntry = z.infer<typeof timelineEntrySchema>;

export const incidentSchema = z.object({
  id: z.string(),
  policy: z.string(),
  /** The aggregation group's key: one open incident per group. */
  groupKey: z.string(),
  /** The route's own receiver (for display). */
  receiver: z.string(),
  groupLabels: z.record(z.string(), z.string()),
  status: z.enum(INCIDENT_STATUSES),
  openedAt: z.number(),
  /** When the current escalation began: opening, un-acknowledging or re-escalating restart it. */
  escalationStartedAt: z.number(),
  /** Position of the next step over all passes (pass * steps + step); null when none is left. */
  nextStep: z.number().nullable(),
  /** The group's alerts as last notified. */
  alerts: z.array(notifyAlertSchema),
  /** Fingerprints of every alert that fired in this incident (new ones may re-escalate). */
  seenFiring: z.array(z.string()),
  /** Receivers paged so far: they get the resolved notice. */
  paged: z.array(z.string()),
  acknowledged: z.object({ at: z.number(), by: actorSchema }).optional(),
  resolved: z.object({ at: z.number(), by: actorSchema }).optional(),
  timeline: z.array(timelineEntrySchema),
  /** The trace of the request that sent the group's first alert: pages continue it. */
  traceId: z.string().optional(),
});
export type Incident = z.infer<typeof incidentSchema>;

/** The system itself as an actor (timers, the alerts resolving). */
export const EDGEALERT: Actor = { name: 'edgealert', via: 'system' };

/** A timeline never grows past this: the oldest entries after the first few give way. */
export const MAX_TIMELINE_ENTRIES = 200;
const KEEP_FIRST = 10;

/** The incident with an entry appended (the timeline stays bounded). */
export function withEntry(incident: Incident, entry: TimelineEntry): Incident {
  let timeline = [...incident.timeline, entry];
  if (timeline.length > MAX_TIMELINE_ENTRIES) timeline = [...timeline.slice(0, KEEP_FIRST), ...timeline.slice(timeline.length - MAX_TIMELINE_ENTRIES + KEEP_FIRST)];
  return { ...incident, timeline };
}
