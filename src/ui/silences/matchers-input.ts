/**
 * Matchers typed into the UI (`alertname="Disk", instance=~"db.*"`, braces
 * optional; a line break separates like a comma), read with the server's
 * own parser. For a silence they must also
 * pass the silence rules the API applies (src/silence/silence-matchers.ts),
 * so the form and GET /ui/api/validate-matchers agree with POST /api/v2/silences.
 */
import { formatMatchers, parseMatchers, type Matcher } from '../../matcher/index.js';
import { fromMatcher, toMatcher, validateSilenceMatchers } from '../../silence/silence-matchers.js';
import type { SilenceMatcher } from '../../silence/types.js';
import { err, ok, type Result } from '../../util/result.js';

export const MATCHER_KINDS = ['silence', 'filter'] as const;
/** silence: a silence's matchers; filter: the Alerts page's filter. */
export type MatcherKind = (typeof MATCHER_KINDS)[number];

/** Matchers for filtering alerts; empty text is no filter. */
export function filterMatchersOf(text: string): Result<Matcher[]> {
  return parseMatchers(oneLine(text));
}

/** A silence's matchers, valid as the silence API requires. */
export function silenceMatchersOf(text: string): Result<SilenceMatcher[]> {
  const parsed = parseMatchers(oneLine(text));
  if (!parsed.ok) return parsed;
  const matchers = parsed.value.map(fromMatcher);
  const valid = validateSilenceMatchers(matchers);
  return valid.ok ? ok(matchers) : err(valid.error);
}

/**
 * The text as the parser's one-line syntax: trimmed, each line break (with
 * any comma before it) one separator. A value needing a line break spells
 * it `\n`, as in the API.
 */
function oneLine(text: string): string {
  return text.trim().replace(/,?[\t ]*\r?\n\s*/g, ', ');
}

/** Checks matcher text for one use. */
export function checkMatchers(kind: MatcherKind, text: string): Result<Matcher[]> {
  if (kind === 'filter') return filterMatchersOf(text);
  const matchers = silenceMatchersOf(text);
  return matchers.ok ? ok(matchers.value.map(toMatcher)) : matchers;
}

/** `{a="1",b=~"x"}`: the text that reads back as these silence matchers. */
export function silenceMatchersText(matchers: readonly SilenceMatcher[]): string {
  return formatMatchers(matchers.map(toMatcher));
}

/** The matcher text that selects exactly this label set (a silence pre-filled from an alert). */
export function labelsMatchersText(labels: Readonly<Record<string, string>>): string {
  return formatMatchers(Object.entries(labels).map(([name, value]) => ({ name, type: '=', value })));
}
