/**
 * An aggregation group: the alerts of one route that share group labels, and
 * the timer deciding when they are flushed (Alertmanager's aggrGroup).
 *
 * Timer rules: the first flush comes group_wait after the group was created,
 * or at once when an alert inserted before that first flush started more than
 * group_wait ago. After every flush the next tick is group_interval later.
 */
import * as z from 'zod';
import type { LabelSet } from '../alert/labels.js';
import type { Alert } from '../alert/types.js';
import type { Route } from '../config/types.js';
import { groupId, groupKey } from '../route/group-labels.js';

export const groupRecordSchema = z.object({
  id: z.string(),
  routeId: z.string(),
  groupKey: z.string(),
  labels: z.record(z.string(), z.string()),
  createdAt: z.number(),
  /** Before the first flush: when it is due. */
  nextFlushAt: z.number(),
  hasFlushed: z.boolean(),
  /** When the first flush ran; later ticks are anchorAt + k x group_interval. */
  anchorAt: z.number(),
  /** Fingerprints of the alerts in the group. */
  members: z.array(z.string()),
  /** notify_on_silence_end: firing alerts silenced at the last flush (absent when none). */
  silenced: z.array(z.string()).optional(),
});
/** A group as stored. */
export type GroupRecord = z.infer<typeof groupRecordSchema>;

/** A group in memory. */
export interface AggregationGroup {
  readonly id: string;
  readonly routeId: string;
  readonly groupKey: string;
  readonly labels: LabelSet;
  readonly createdAt: number;
  nextFlushAt: number;
  hasFlushed: boolean;
  anchorAt: number;
  readonly members: Set<string>;
  /** notify_on_silence_end: firing alerts silenced at the last flush. */
  silenced?: ReadonlySet<string>;
}

/** A new, empty group on `route` whose first flush is group_wait away. */
export function newGroup(route: Route, labels: LabelSet, now: number): AggregationGroup {
  return {
    id: groupId(route, labels),
    routeId: route.id,
    groupKey: groupKey(route, labels),
    labels,
    createdAt: now,
    nextFlushAt: now + route.groupWait,
    hasFlushed: false,
    anchorAt: 0,
    members: new Set(),
  };
}

/**
 * Adds an alert; returns true when the group changed (new member or an
 * earlier first flush) and must be saved.
 */
export function insertAlert(group: AggregationGroup, alert: Alert, route: Route, now: number): boolean {
  let changed = false;
  if (!group.members.has(alert.fingerprint)) {
    group.members.add(alert.fingerprint);
    changed = true;
  }
  // An alert that has waited long enough already triggers the first flush now.
  if (!group.hasFlushed && alert.startsAt + route.groupWait < now && group.nextFlushAt > now) {
    group.nextFlushAt = now;
    changed = true;
  }
  return changed;
}

/**
 * Moves the timer past the tick running at `now`: the first flush anchors the
 * schedule, and every later tick is group_interval after the previous one on
 * that schedule (skipping ticks the object slept through). Returns true when
 * the stored record changed (only the first flush changes it: later ticks are
 * derived from the anchor, so a tick costs no storage write).
 */
export function advanceTimer(group: AggregationGroup, route: Route, now: number): boolean {
  const first = !group.hasFlushed;
  if (first) {
    group.hasFlushed = true;
    group.anchorAt = now;
  }
  group.nextFlushAt = nextTick(group.anchorAt, route.groupInterval, now);
  return first;
}

/** The first tick of the schedule `anchor + k x interval` strictly after `now`. */
export function nextTick(anchor: number, interval: number, now: number): number {
  return anchor + (Math.floor((now - anchor) / interval) + 1) * interval;
}

export function toRecord(group: AggregationGroup): GroupRecord {
  const { silenced, ...rest } = group;
  return { ...rest, labels: { ...group.labels }, members: [...group.members], ...(silenced?.size ? { silenced: [...silenced] } : {}) };
}

/** Remembers the alerts silenced at this flush; true when that changed (the record must be saved). */
export function rememberSilenced(group: AggregationGroup, silenced: ReadonlySet<string>): boolean {
  const before = group.silenced ?? new Set<string>();
  if (before.size === silenced.size && [...silenced].every((fp) => before.has(fp))) return false;
  group.silenced = silenced;
  return true;
}

/**
 * A stored group back in memory. After the first flush its next tick is the
 * first one of its schedule at or after `dueFrom`: the time of the object's
 * stored alarm when that is earlier than now (an evicted object woken by its
 * alarm a few ms after a tick must still run that tick), else now.
 */
export function fromRecord(record: GroupRecord, route: Route, dueFrom: number): AggregationGroup {
  const interval = route.groupInterval;
  const nextFlushAt = record.hasFlushed
    ? record.anchorAt + Math.max(0, Math.ceil((dueFrom - record.anchorAt) / interval)) * interval
    : record.nextFlushAt;
  const { silenced, ...rest } = record;
  return { ...rest, nextFlushAt, members: new Set(record.members), ...(silenced ? { silenced: new Set(silenced) } : {}) };
}
