/**
 * Which aggregation group an alert joins on a route: the route's group_by
 * labels taken from the alert, and the group key Alertmanager prints for it
 * (`<route key>:<group labels>`, e.g. `{}/{severity="critical"}:{alertname="X"}`).
 */
import { formatLabelSet } from '../alert/label-set.js';
import type { LabelSet } from '../alert/labels.js';
import type { Alert } from '../alert/types.js';
import type { Route } from '../config/types.js';

/** The alert's labels that the route groups by (all of them for `group_by: ['...']`). */
export function groupLabelsFor(route: Route, labels: LabelSet): LabelSet {
  if (route.groupByAll) return { ...labels };
  const picked: Record<string, string> = {};
  for (const name of route.groupBy) {
    const value = labels[name];
    if (value !== undefined) picked[name] = value;
  }
  return picked;
}

/** Alertmanager's group key for a route and a group's labels. */
export function groupKey(route: Route, groupLabels: LabelSet): string {
  return `${route.key}:${formatLabelSet(groupLabels)}`;
}

/**
 * The id of an aggregation group inside edgealert: unique per route node even
 * when two sibling routes print the same Alertmanager key.
 */
export function groupId(route: Route, groupLabels: LabelSet): string {
  return `${route.id}|${formatLabelSet(groupLabels)}`;
}

/** Group ids of alerts by route (the route object: a new config starts afresh), then fingerprint. */
let knownGroupIds = new WeakMap<Route, Map<string, string>>();
let knownGroupIdCount = 0;
const MAX_KNOWN_GROUP_IDS = 50_000;

/**
 * The id of the group an alert joins on a route: `groupId` of its group
 * labels, remembered by route and fingerprint. The fingerprint stands for the
 * labels (as it does for every alert Alertmanager holds), and Prometheus
 * re-sends every firing alert every minute, so most pushes skip picking the
 * group labels and printing the id. Bounded: forgotten all at once past
 * MAX_KNOWN_GROUP_IDS (alerts x routes, about 100 bytes each).
 */
export function alertGroupId(route: Route, alert: Pick<Alert, 'fingerprint' | 'labels'>): string {
  let byFingerprint = knownGroupIds.get(route);
  if (!byFingerprint) knownGroupIds.set(route, (byFingerprint = new Map()));
  const known = byFingerprint.get(alert.fingerprint);
  if (known !== undefined) return known;
  const id = groupId(route, groupLabelsFor(route, alert.labels));
  if (knownGroupIdCount >= MAX_KNOWN_GROUP_IDS) {
    knownGroupIds = new WeakMap();
    knownGroupIdCount = 0;
    knownGroupIds.set(route, (byFingerprint = new Map()));
  }
  byFingerprint.set(alert.fingerprint, id);
  knownGroupIdCount++;
  return id;
}
