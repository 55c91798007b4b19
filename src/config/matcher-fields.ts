/**
 * The three ways a route or inhibit rule states its matchers, each parsed
 * into Matcher objects by the schema:
 * - `match: {label: value}` (equality; deprecated in Alertmanager),
 * - `match_re: {label: regex}` (deprecated). As in Alertmanager the matcher
 *   value is the anchored source `^(?:regex)$`, which shows in route keys
 *   (`{service=~"^(?:foo|bar)$"}`),
 * - `matchers: ['a="1"', 'b=~"x|y", c!=""']` (any number per entry).
 */
import * as z from 'zod';
import { compileRegex, newMatcher, parseMatchers } from '../matcher/index.js';
import type { Matcher, MatchType } from '../matcher/types.js';
import { expected, goString, LABEL_NAME_RE } from './scalar-schemas.js';

const labelMap = z.record(z.string(), goString, { error: expected('a mapping of label names to values') });

function mapToMatchers(type: MatchType, anchor: boolean) {
  return labelMap.transform((map, ctx) => {
    const out: Matcher[] = [];
    for (const [name, value] of Object.entries(map)) {
      if (!LABEL_NAME_RE.test(name)) {
        ctx.addIssue({ code: 'custom', message: `invalid label name ${JSON.stringify(name)}` });
        continue;
      }
      if (anchor) {
        const re = compileRegex(value);
        if (!re.ok) {
          ctx.addIssue({ code: 'custom', path: [name], message: re.error });
          continue;
        }
      }
      const matcher = newMatcher(type, name, anchor ? `^(?:${value})$` : value);
      if (matcher.ok) out.push(matcher.value);
      else ctx.addIssue({ code: 'custom', path: [name], message: matcher.error });
    }
    return out;
  });
}

/** `match:` / `source_match:` / `target_match:`: label -> exact value. */
export const equalMatchMap = mapToMatchers('=', false);

/** `match_re:` / `source_match_re:` / `target_match_re:`: label -> RE2 regex (anchored). */
export const regexMatchMap = mapToMatchers('=~', true);

/** One `matchers:` entry: parsed into one or more matchers; errors quote the entry. */
const matcherLine = goString.transform((line, ctx) => {
  const parsed = parseMatchers(line);
  if (parsed.ok) return parsed.value;
  ctx.addIssue({ code: 'custom', message: `bad matcher ${JSON.stringify(line)}: ${parsed.error}` });
  return z.NEVER;
});

/** `matchers:` / `source_matchers:` / `target_matchers:`, flattened in order. */
export const matcherLines = z
  .array(matcherLine, { error: expected('a list of matcher strings') })
  .transform((lines) => lines.flat());
