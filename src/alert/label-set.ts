/**
 * Label set helpers with Alertmanager's (prometheus/common model) semantics:
 * printing, ordering and validation.
 */
import { BoundedMemo } from '../util/bounded-memo.js';
import { compareGoStrings } from '../matcher/go-compare.js';
import { goQuote } from '../matcher/go-quote.js';
import type { LabelSet } from './labels.js';

const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

/**
 * Names already found valid: every alert of every push repeats the same few
 * label names, and looking one up costs a third of the pattern test.
 * Bounded (BoundedMemo): names over 128 characters are not kept, and the memo is
 * emptied when full.
 */
const validNames = new BoundedMemo<true>(4096, 128);

/** Whether `name` is a valid Prometheus label name. */
export function isValidLabelName(name: string): boolean {
  if (validNames.get(name)) return true;
  if (!LABEL_NAME.test(name)) return false;
  validNames.set(name, true);
  return true;
}

/**
 * Prints `{alertname="X", service="web"}`: Go-quoted values, `", "` between,
 * the printed pairs sorted in Go's byte order (so `a0="2"` sorts before `a="1"`).
 */
export function formatLabelSet(labels: LabelSet): string {
  const pairs = Object.keys(labels)
    .map((name) => `${name}=${goQuote(labels[name] ?? '')}`)
    .sort(compareGoStrings);
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
  const names = [...aNames, ...bNames].sort(compareGoStrings);
  for (const name of names) {
    const av = a[name];
    if (av === undefined) return true;
    const bv = b[name];
    if (bv === undefined) return false;
    if (av !== bv) return compareGoStrings(av, bv) < 0;
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
