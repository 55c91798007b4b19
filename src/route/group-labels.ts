/**
 * Which aggregation group an alert joins on a route: the route's group_by
 * labels taken from the alert, and the group key Alertmanager prints for it
 * (`<route key>:<group labels>`, e.g. `{}/{severity="critical"}:{alertname="X"}`).
 */
import { formatLabelSet } from '../alert/label-set.js';
import type { LabelSet } from '../alert/labels.js';
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
