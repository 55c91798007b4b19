/**
 * Alertmanager's matcher order (labels.Matchers.Less): by name, then value,
 * then operator in the order `=`, `!=`, `=~`, `!~`; names and values compare
 * as Go strings. The config loader sorts each route's matchers this way, so
 * route keys depend on it.
 */
import { compareGoStrings } from './go-compare.js';
import { MATCH_TYPES, type Matcher } from './types.js';

/** Comparator for Alertmanager's matcher order. */
export function compareMatchers(a: Matcher, b: Matcher): number {
  return (
    compareGoStrings(a.name, b.name) ||
    compareGoStrings(a.value, b.value) ||
    MATCH_TYPES.indexOf(a.type) - MATCH_TYPES.indexOf(b.type)
  );
}

/** A new array with the matchers in Alertmanager's order; the input is not modified. */
export function sortMatchers(ms: readonly Matcher[]): Matcher[] {
  return [...ms].sort(compareMatchers);
}
