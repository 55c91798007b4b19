/**
 * Silence matchers (`{name, value, isRegex, isEqual}`) as label matchers:
 * conversion, validation with Alertmanager's messages, and matching.
 */
import { isValidLabelName } from '../alert/label-set.js';
import type { LabelSet } from '../alert/labels.js';
import { compileRegex, matchesLabels } from '../matcher/index.js';
import type { Matcher, MatchType } from '../matcher/types.js';
import { err, ok, type Result } from '../util/result.js';
import type { SilenceMatcher } from './types.js';

/** The label matcher a silence matcher stands for. */
export function toMatcher(m: SilenceMatcher): Matcher {
  const type: MatchType = m.isRegex ? (m.isEqual ? '=~' : '!~') : m.isEqual ? '=' : '!=';
  return { name: m.name, type, value: m.value };
}

/** The silence matcher of a label matcher (for amtool-style `filter=` and the UI). */
export function fromMatcher(m: Matcher): SilenceMatcher {
  return { name: m.name, value: m.value, isRegex: m.type === '=~' || m.type === '!~', isEqual: m.type === '=' || m.type === '=~' };
}

/** Checks a silence's matchers: valid names and regexes, and at least one that does not match "". */
export function validateSilenceMatchers(matchers: readonly SilenceMatcher[]): Result<void> {
  if (matchers.length === 0) return err('at least one matcher required');
  let allMatchEmpty = true;
  for (const [i, m] of matchers.entries()) {
    if (!isValidLabelName(m.name)) return err(`invalid label matcher ${i}: invalid label name "${m.name}"`);
    if (m.isRegex) {
      const compiled = compileRegex(m.value);
      if (!compiled.ok) return err(`invalid label matcher ${i}: ${compiled.error}`);
    }
    allMatchEmpty &&= matchesEmpty(m);
  }
  if (allMatchEmpty) return err('at least one matcher must not match the empty string');
  return ok(undefined);
}

/**
 * Alertmanager's check for a silence that would match every alert: an equality
 * matcher on "" or a regex that can match the empty string anywhere (its check
 * is unanchored); negative matchers never count as matching "".
 */
function matchesEmpty(m: SilenceMatcher): boolean {
  if (!m.isEqual) return false;
  if (!m.isRegex) return m.value === '';
  const unanchored = compileRegex(`.*(?:${m.value}).*`);
  return unanchored.ok && unanchored.value.test('');
}

/** Whether a silence with these matchers mutes an alert with these labels. */
export function silenceMatches(matchers: readonly SilenceMatcher[], labels: LabelSet): boolean {
  return matchesLabels(matchers.map(toMatcher), labels);
}
