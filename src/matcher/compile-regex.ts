/**
 * Alertmanager regex matchers in JavaScript. Alertmanager compiles every
 * regex value as Go RE2 `^(?:value)$`; this module parses exactly that
 * anchored text with an RE2 parser (so it accepts and rejects what Go does,
 * including oddities such as `a)|(b` being valid) and emits an equivalent
 * JavaScript RegExp with the `u` flag.
 *
 * Supported: all RE2 syntax Alertmanager users write, including `(?i)`,
 * `(?s)`, `(?m)`, `(?U)` and their scoped forms, `(?P<n>..)` / `(?<n>..)`,
 * `\A`, `\z`, `\Q..\E`, POSIX classes, `\pL` / `\p{Greek}` / `\PL`, octal and
 * `\x{..}` escapes. Rejected with a message naming the construct, as RE2
 * does: backreferences, lookaround, atomic groups, possessive quantifiers,
 * `\C`, `\Z`, `\u0041`, repeat counts over 1000.
 *
 * Approximations (documented in the re2/ modules): a `(?i)` that covers only
 * part of a pattern is expanded by hand and cannot include `\p{..}` classes
 * (error); under `(?i)` JavaScript's `\b` also counts ſ and K (Kelvin) as word
 * characters where RE2's does not; Unicode tables follow the JavaScript
 * engine. JavaScript regexes backtrack, so unlike RE2 a pathological pattern
 * such as `(a+)+b` can be slow on long values.
 */
import { err, ok, type Result } from '../util/result.js';
import { goQuote } from './go-quote.js';
import { emitJs, type JsPattern } from './re2/emit-js.js';
import { parsePattern } from './re2/parse-pattern.js';
import { ANCHOR_PREFIX, ANCHOR_SUFFIX, type Token } from './re2/tokens.js';

/** Compiled patterns kept; the least recently used goes first when full. */
const CACHE_LIMIT = 2000;
const cache = new Map<string, Result<RegExp>>();

const LONE_SURROGATE = /\p{Cs}/u;

/** How translateRe2 reads a pattern: anchored as matchers do, and with capturing groups or not. */
export interface TranslateOptions {
  readonly anchored: boolean;
  readonly captures: boolean;
}

/** A translated pattern: JavaScript source and flags, and the names of the capturing groups (group 1 first). */
export interface TranslatedRe2 extends JsPattern {
  readonly groupNames: readonly (string | undefined)[];
}

/**
 * Translates an RE2 pattern to JavaScript, or returns RE2's reason for
 * rejecting it (Go's message without a prefix: ``missing closing ): `x(` ``).
 * The pattern is always parsed as `^(?:pattern)$`, so messages do not depend
 * on the options; unanchored, the two anchors are dropped again.
 */
export function translateRe2(pattern: string, options: TranslateOptions): Result<TranslatedRe2> {
  if (LONE_SURROGATE.test(pattern)) return err('invalid UTF-8');
  const parsed = parsePattern(ANCHOR_PREFIX + pattern + ANCHOR_SUFFIX);
  if (!parsed.ok) return parsed;
  const tokens = options.anchored ? parsed.value : parsed.value.slice(1, -1);
  // `a)|(b` is valid inside the anchoring group, not on its own.
  if (!options.anchored && !balanced(parsed.value.slice(2, -2))) return err(`unexpected ): \`${pattern}\``);
  const js = emitJs(tokens, { captures: options.captures });
  if (!js.ok) return js;
  const groupNames = options.captures ? tokens.flatMap((t) => (t.kind === 'open' && t.capture ? [t.name] : [])) : [];
  try {
    new RegExp(js.value.source, js.value.flags);
  } catch (e) {
    // The translator produced something JavaScript refuses: a bug here, reported rather than thrown.
    return err(`cannot translate to a JavaScript regex (${String(e)})`);
  }
  return ok({ ...js.value, groupNames });
}

/** Whether no `)` closes a group opened before the tokens (the anchoring group). */
function balanced(tokens: readonly Token[]): boolean {
  let depth = 0;
  for (const t of tokens) {
    if (t.kind === 'open') depth++;
    else if (t.kind === 'close' && --depth < 0) return false;
  }
  return true;
}

function compile(pattern: string): Result<RegExp> {
  const translated = translateRe2(pattern, { anchored: true, captures: false });
  if (!translated.ok) return err(`invalid regular expression ${goQuote(pattern)}: ${translated.error}`);
  return ok(new RegExp(translated.value.source, translated.value.flags));
}

/**
 * Compiles an RE2 pattern the way Alertmanager does (fully anchored,
 * `^(?:pattern)$`) into a JavaScript RegExp whose `test` gives the same
 * answer as Go's MatchString. Errors read `invalid regular expression "x(":
 * missing closing ): \`x(\``. Results are cached by pattern; the RegExp has
 * no `g`/`y` flag, so sharing it is safe.
 */
export function compileRegex(pattern: string): Result<RegExp> {
  const hit = cache.get(pattern);
  if (hit !== undefined) {
    cache.delete(pattern);
    cache.set(pattern, hit);
    return hit;
  }
  const result = compile(pattern);
  if (cache.size >= CACHE_LIMIT) {
    const oldest = cache.keys().next();
    if (!oldest.done) cache.delete(oldest.value);
  }
  cache.set(pattern, result);
  return result;
}
