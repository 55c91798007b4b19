/**
 * Label set helpers with Alertmanager's (prometheus/common model) semantics:
 * printing, ordering and validation.
 */
import { goQuote } from '../matcher/go-quote.js';
import type { LabelSet } from './labels.js';

const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

/** Whether `name` is a valid Prometheus label name. */
export function isValidLabelName(name: string): boolean {
  return LABEL_NAME.test(name);
}

/** Prints `{alertname="X", service="web"}`: sorted names, Go-quoted values, `", "` between. */
export function formatLabelSet(labels: LabelSet): string {
  const pairs = Object.keys(labels)
    .sort()
    .map((name) => `${name}=${goQuote(labels[name] ?? '')}`);
  return `{${pairs.join(', ')}}`;
}

/**
 * Alertmanager's LabelSet.Before: fewer labels first, then the first differing
 * label in name order decides (a missing name sorts first).
 */
export function labelSetBefore(a: LabelSet, b: LabelSet): boolean {
  const aNames = Object.keys(a);
  const bNames = Object.keys(b);
  if (aNames.length !== bNames.length) return aNames.length < bNames.length;
  const names = [...aNames, ...bNames].sort();
  for (const name of names) {
    const av = a[name];
    if (av === undefined) return true;
    const bv = b[name];
    if (bv === undefined) return false;
    if (av !== bv) return av < bv;
  }
  return false;
}

/** Two label sets hold the same names and values. */
export function labelSetsEqual(a: LabelSet, b: LabelSet): boolean {
  const aNames = Object.keys(a);
  if (aNames.length !== Object.keys(b).length) return false;
  return aNames.every((name) => a[name] === b[name]);
}

/** The labels whose value is the same in every set (Alertmanager's commonLabels). */
export function commonLabels(sets: readonly LabelSet[]): Record<string, string> {
  const [first, ...rest] = sets;
  if (!first) return {};
  const common: Record<string, string> = {};
  for (const [name, value] of Object.entries(first)) {
    if (rest.every((set) => set[name] === value)) common[name] = value;
  }
  return common;
}
