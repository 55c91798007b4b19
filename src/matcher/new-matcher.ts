/**
 * Building a Matcher: Alertmanager's labels.NewMatcher. Regex matchers are
 * checked here, once, so that matching later cannot fail.
 */
import { err, ok, type Result } from '../util/result.js';
import { compileRegex } from './compile-regex.js';
import { MATCH_TYPES, type Matcher, type MatchType } from './types.js';

/** Whether the type is a regex operator (`=~` or `!~`). */
export function isRegexType(type: MatchType): boolean {
  return type === '=~' || type === '!~';
}

/**
 * A matcher `name type value`. For `=~` and `!~` the value must be a valid
 * RE2 pattern (`invalid regular expression "x(": ...` otherwise). Like
 * Alertmanager's NewMatcher it does not check the label name: parsers and
 * schemas do that where the syntax requires it.
 */
export function newMatcher(type: MatchType, name: string, value: string): Result<Matcher> {
  if (!MATCH_TYPES.includes(type)) return err(`unknown match type ${JSON.stringify(type)}`);
  if (isRegexType(type)) {
    const re = compileRegex(value);
    if (!re.ok) return re;
  }
  return ok({ name, type, value });
}
