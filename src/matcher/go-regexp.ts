/**
 * Go's regexp package for templates (`match`, `reReplaceAll`): RE2 patterns
 * as written, unanchored, with capturing groups, and Go's semantics where
 * JavaScript's differ:
 *
 * - MatchString finds the pattern anywhere in the text (matchers anchor it;
 *   see compile-regex.ts, whose translation this reuses).
 * - ReplaceAllString skips an empty match right after the previous match
 *   (JavaScript's replace does not: `a*` on `baaac` gives `XbXcX` in Go,
 *   `XbXXcX` in JavaScript), and expands `$1`, `${1}`, `$name`, `${name}`
 *   and `$$` as Regexp.Expand does: a name is the longest run of letters,
 *   digits and `_` (`$1x` is the group named `1x`, so empty), an unknown
 *   group is empty, a malformed `$` is kept.
 *
 * Errors read as Go's: `error parsing regexp: missing closing ): \`(\``.
 */
import { err, ok, type Result } from '../util/result.js';
import { translateRe2 } from './compile-regex.js';

/** A compiled pattern: the JavaScript regex (global, for scanning) and Go's group names by number. */
export interface GoRegexp {
  readonly regex: RegExp;
  /** `names[i]` is the name of group i (undefined when unnamed); `names[0]` is the whole match. */
  readonly names: readonly (string | undefined)[];
}

const CACHE_LIMIT = 500;
const cache = new Map<string, Result<GoRegexp>>();

/** Compiles `pattern` like Go's regexp.Compile (cached by pattern). */
export function compileGoRegexp(pattern: string): Result<GoRegexp> {
  const hit = cache.get(pattern);
  if (hit !== undefined) return hit;
  const translated = translateRe2(pattern, { anchored: false, captures: true });
  const result: Result<GoRegexp> = translated.ok
    ? ok({ regex: new RegExp(translated.value.source, `${translated.value.flags}g`), names: [undefined, ...translated.value.groupNames] })
    : err(`error parsing regexp: ${translated.error}`);
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
  cache.set(pattern, result);
  return result;
}

/** Go's Regexp.MatchString: whether the pattern matches anywhere in `text`. */
export function goMatchString(re: GoRegexp, text: string): boolean {
  re.regex.lastIndex = 0;
  return re.regex.test(text);
}

/** Go's Regexp.ReplaceAllString: every non-overlapping match replaced by the expanded `template`. */
export function goReplaceAllString(re: GoRegexp, text: string, template: string): string {
  const { regex } = re;
  let out = '';
  let copied = 0;
  let lastMatchEnd = -1;
  regex.lastIndex = 0;
  for (let m = regex.exec(text); m !== null; m = regex.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    if (end === start) {
      // An empty match: step over one code point, as Go and the u flag do.
      regex.lastIndex = end + (isSurrogatePairAt(text, end) ? 2 : 1);
      if (start === lastMatchEnd) continue; // Go ignores an empty match abutting the previous match.
    }
    out += text.slice(copied, start) + expand(re, template, m);
    copied = end;
    lastMatchEnd = end;
  }
  return out + text.slice(copied);
}

function isSurrogatePairAt(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  return c >= 0xd800 && c <= 0xdbff && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
}

/** Go's extract: unicode.IsLetter, unicode.IsDigit or `_`. */
const NAME = /^[\p{L}\p{Nd}_]+/u;

/** Go's Regexp.expand for one match. */
function expand(re: GoRegexp, template: string, m: RegExpExecArray): string {
  let out = '';
  let rest = template;
  for (let i = rest.indexOf('$'); i >= 0; i = rest.indexOf('$')) {
    out += rest.slice(0, i);
    rest = rest.slice(i + 1);
    if (rest.startsWith('$')) {
      out += '$';
      rest = rest.slice(1);
      continue;
    }
    const ref = extractRef(rest);
    if (ref === undefined) {
      out += '$';
      continue;
    }
    rest = rest.slice(ref.length);
    out += groupText(re, m, ref.name);
  }
  return out + rest;
}

/** Go's extract: a `name` or `{name}` reference at the start of `s`, and how much of `s` it takes. */
function extractRef(s: string): { name: string; length: number } | undefined {
  const brace = s.startsWith('{');
  const name = NAME.exec(brace ? s.slice(1) : s)?.[0];
  if (name === undefined) return undefined;
  if (!brace) return { name, length: name.length };
  return s.charAt(name.length + 1) === '}' ? { name, length: name.length + 2 } : undefined;
}

function groupText(re: GoRegexp, m: RegExpExecArray, name: string): string {
  // Up to nine digits without a leading zero are a group number (Go stops at 1e8 before the last digit).
  if (/^(?:0|[1-9]\d{0,8})$/.test(name)) return m[Number(name)] ?? '';
  for (let i = 1; i < re.names.length; i++) {
    const text = m[i];
    if (re.names[i] === name && text !== undefined) return text;
  }
  return '';
}
