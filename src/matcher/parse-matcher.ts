/**
 * Alertmanager 0.25's matcher strings (pkg/labels/parse.go), used by the
 * `matchers:` config lists (each line through parseMatchers) and the API's
 * `filter` parameters (each through parseMatcher).
 *
 * One matcher is `name op value`: name `[a-zA-Z_:][a-zA-Z0-9_:]*`, op one of
 * `=~ = != !~`, whitespace (only `\t \n \f \r` and space) allowed around each
 * part. The value may be wrapped in double quotes; inside it `\"`, `\\` and
 * `\n` are escapes, any other backslash is literal, and an unescaped `"` is
 * an error. `a=` and `a=""` both mean the empty value. A list may be wrapped
 * in `{` `}` and separated by commas outside quotes; a trailing comma is
 * fine, an empty item in the middle is not.
 *
 * Quirks kept on purpose because the 0.25 binary has them (checked with
 * `amtool check-config`, matchers under a route): only a `{` that is the very
 * first character is stripped, so ` {a=b}` fails ("bad matcher format:
 * {a=b"), while `{a=b} ` parses with the value `b}`; `a=b,,` and `,a=b` fail
 * with an empty matcher; `alertname` shorthand (`amtool ... Foo`) is not part
 * of this syntax.
 */
import { err, ok, type Result } from '../util/result.js';
import { goQuote } from './go-quote.js';
import { newMatcher } from './new-matcher.js';
import type { Matcher, MatchType } from './types.js';

/** Go's matcher regex; `\s` in Go is exactly `[\t\n\f\r ]`. */
const MATCHER = /^[\t\n\f\r ]*([a-zA-Z_:][a-zA-Z0-9_:]*)[\t\n\f\r ]*(=~|=|!=|!~)[\t\n\f\r ]*([^]*?)[\t\n\f\r ]*$/;
const LABEL_NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
const LONE_SURROGATE = /\p{Cs}/u;
/** Go's strings.TrimSpace trims Unicode White_Space (not JavaScript's trim set, which adds U+FEFF and lacks U+0085). */
const GO_SPACE = /^\p{White_Space}+|\p{White_Space}+$/gu;

/** Go's "bad matcher format" error, with the reason spelled out. */
function badFormat(s: string): string {
  const body = s.replace(/^[\t\n\f\r ]+/, '');
  if (body === '') return 'bad matcher format: empty matcher (check for a leading or doubled comma)';
  const word = /^[^\t\n\f\r =!~]*/.exec(body)?.[0] ?? '';
  let why: string;
  if (word === '') why = `missing label name before ${goQuote(body.charAt(0))}`;
  else if (!LABEL_NAME.test(word)) why = `invalid label name ${goQuote(word)}: names match [a-zA-Z_:][a-zA-Z0-9_:]*`;
  else why = `missing operator (=, !=, =~ or !~) after label name ${goQuote(word)}`;
  return `bad matcher format: ${s} (${why})`;
}

/** The value with its optional quotes removed and `\"`, `\\`, `\n` unescaped (Go's loop, quirks included). */
function unquote(rawValue: string): Result<string> {
  const quoted = rawValue.startsWith('"');
  const raw = quoted ? rawValue.slice(1) : rawValue;
  const unescapedQuote = err(`matcher value contains unescaped double quote: ${rawValue}`);
  if (LONE_SURROGATE.test(raw)) return err(`matcher value not valid UTF-8: ${rawValue}`);
  let expectQuote = quoted;
  let escaped = false;
  let out = '';
  for (let i = 0; i < raw.length; i++) {
    const ch = raw.charAt(i);
    const isLast = i === raw.length - 1;
    if (escaped) {
      escaped = false;
      out += ch === 'n' ? '\n' : ch === '"' || ch === '\\' ? ch : `\\${ch}`;
    } else if (ch === '\\') {
      if (isLast) out += '\\';
      else escaped = true;
    } else if (ch === '"') {
      if (!expectQuote || !isLast) return unescapedQuote;
      expectQuote = false;
    } else {
      out += ch;
    }
  }
  return expectQuote ? unescapedQuote : ok(out);
}

/**
 * One matcher such as `severity=~"crit|warn"` or `team != ops`, as
 * Alertmanager 0.25's ParseMatcher reads it (no braces, no commas as
 * separators). Errors say what is wrong and quote the offending input.
 */
export function parseMatcher(input: string): Result<Matcher> {
  const m = MATCHER.exec(input);
  if (m === null) return err(badFormat(input));
  const [, name = '', op = '=', rawValue = ''] = m;
  const value = unquote(rawValue);
  if (!value.ok) return value;
  return newMatcher(op as MatchType, name, value.value);
}

/** Splits on commas outside double quotes, tracking `\"` exactly like Go's loop. */
function splitMatchers(s: string): string[] {
  const tokens: string[] = [];
  let insideQuotes = false;
  let escaped = false;
  let token = '';
  for (const ch of s) {
    if (ch === ',' && !insideQuotes) {
      tokens.push(token);
      token = '';
      continue;
    }
    if (ch === '"') {
      if (escaped) escaped = false;
      else insideQuotes = !insideQuotes;
    } else if (ch === '\\') escaped = !escaped;
    else if (ch !== ',') escaped = false;
    token += ch;
  }
  const last = token.replace(GO_SPACE, '');
  if (last !== '') tokens.push(last);
  return tokens;
}

/**
 * A comma-separated list such as `{foo="bar", baz=~"x|y",}` as Alertmanager
 * 0.25's ParseMatchers reads it: one leading `{` and one trailing `}` are
 * optional, commas inside quotes do not split, a trailing comma is ignored.
 * The empty string and `{}` give no matchers. Order is kept (not sorted).
 */
export function parseMatchers(input: string): Result<Matcher[]> {
  let s = input.startsWith('{') ? input.slice(1) : input;
  if (s.endsWith('}')) s = s.slice(0, -1);
  const out: Matcher[] = [];
  for (const token of splitMatchers(s)) {
    const m = parseMatcher(token);
    if (!m.ok) return m;
    out.push(m.value);
  }
  return ok(out);
}
