/**
 * Printing matchers as Alertmanager 0.25 does (Matcher.String and
 * Matchers.String). These strings are part of route keys and so of group
 * keys, which must be byte-identical to Alertmanager's.
 *
 * The value is NOT Go-%q quoted: 0.25 escapes only backslash, double quote
 * and line feed (OpenMetrics escaping) and prints everything else raw, tabs
 * and non-ASCII included. Verified against the 0.25 binary: a route with
 * `v="tab<TAB>here"` and `q="quo\"te back\\slash nl\nx é<NBSP>"` produced
 * the group key `{}/{...,q="quo\"te back\\slash nl\nx é<NBSP>",v="tab<TAB>here"}:...`
 * with a raw tab and NBSP, while its group labels part (`%q`) printed `\t`.
 * (Alertmanager 0.27+ switches to %q only for names needing quotes.)
 */
import type { Matcher } from './types.js';

/** OpenMetrics escaping as in Alertmanager 0.25: `\` -> `\\`, line feed -> `\n`, `"` -> `\"`. */
export function openMetricsEscape(s: string): string {
  return s.replace(/[\\\n"]/g, (c) => (c === '\n' ? '\\n' : `\\${c}`));
}

/** `name="value"` with the operator, exactly as Alertmanager 0.25's Matcher.String(). */
export function formatMatcher(m: Matcher): string {
  return `${m.name}${m.type}"${openMetricsEscape(m.value)}"`;
}

/** `{a="1",b=~"x|y"}`: comma-separated, no spaces, in the given order (sort first with sortMatchers). */
export function formatMatchers(ms: readonly Matcher[]): string {
  return `{${ms.map(formatMatcher).join(',')}}`;
}
