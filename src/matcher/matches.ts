/**
 * Evaluating matchers against label values (Alertmanager's Matcher.Matches
 * and Matchers.Matches). A label the alert does not have counts as the empty
 * string, so `team!="ops"` matches an alert without `team` and `team=~".*"`
 * matches everything.
 */
import type { LabelSet } from '../alert/labels.js';
import { compileRegex } from './compile-regex.js';
import type { Matcher } from './types.js';

function regexMatches(m: Matcher, value: string): boolean {
  const re = compileRegex(m.value);
  if (!re.ok) {
    // Matchers come from newMatcher, parseMatcher or matcherSchema, which reject bad regexes.
    throw new Error(`matcher on ${JSON.stringify(m.name)} was built without validation: ${re.error}`);
  }
  return re.value.test(value);
}

/**
 * Whether `value` satisfies the matcher. Regexes are fully anchored RE2.
 * Throws only if the matcher was built without newMatcher/parseMatcher and
 * holds an invalid regex (a bug in the caller).
 */
export function matchesValue(m: Matcher, value: string): boolean {
  switch (m.type) {
    case '=':
      return value === m.value;
    case '!=':
      return value !== m.value;
    case '=~':
      return regexMatches(m, value);
    case '!~':
      return !regexMatches(m, value);
  }
}

/** Whether every matcher matches the label set (missing labels are ""); true for no matchers. */
export function matchesLabels(ms: readonly Matcher[], labels: LabelSet): boolean {
  return ms.every((m) => matchesValue(m, Object.hasOwn(labels, m.name) ? (labels[m.name] ?? '') : ''));
}
