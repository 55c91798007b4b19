/**
 * The order alerts appear in a notification: Alertmanager's AlertSlice sort
 * (by `job`, then `instance`, alerts having the label first; then label sets).
 */
import { compareGoStrings } from '../matcher/go-compare.js';
import { labelSetBefore } from './label-set.js';
import type { LabelSet } from './labels.js';

const OVERRIDE_KEYS = ['job', 'instance'] as const;

function before(a: LabelSet, b: LabelSet): boolean {
  for (const key of OVERRIDE_KEYS) {
    const av = a[key];
    const bv = b[key];
    if (av === undefined && bv === undefined) continue;
    if (av === undefined) return false;
    if (bv === undefined) return true;
    if (av !== bv) return compareGoStrings(av, bv) < 0;
  }
  return labelSetBefore(a, b);
}

/** Sorts (stably, in place) anything carrying labels in Alertmanager's notification order. */
export function sortAlerts<T extends { readonly labels: LabelSet }>(alerts: T[]): T[] {
  return alerts.sort((x, y) => (before(x.labels, y.labels) ? -1 : before(y.labels, x.labels) ? 1 : 0));
}
