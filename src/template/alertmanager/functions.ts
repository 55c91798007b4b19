/**
 * Alertmanager's template functions (template.DefaultFuncs), with the
 * version that introduced each:
 *
 * - 0.25: toUpper toLower title join match reReplaceAll safeHtml stringSlice
 * - 0.26: trimSpace
 * - 0.28: date tz since humanizeDuration
 * - 0.30: safeUrl urlUnescape toJson
 *
 * Each checks its arguments like Go's signature would (a wrong type fails
 * the render with Go's wording inside "error calling NAME: ..."). safeHtml
 * and safeUrl return the string itself: text templates print them as is.
 * `since` reads the clock given to `alertmanagerFunctions`.
 */
import { compileGoRegexp, goMatchString, goReplaceAllString } from '../../matcher/go-regexp.js';
import type { TemplateFuncs } from '../index.js';
import { canBackquote, goQuote } from '../quote.js';
import { typeName, variadic } from '../values.js';
import { GoDuration } from './go-duration.js';
import { GoTime } from './go-time.js';
import { humanizeDuration } from './humanize-duration.js';
import { stringSlice } from './kv.js';
import { goTitle, goToLower, goToUpper, goTrimSpace } from './string-case.js';
import { loadLocation } from './time-zone.js';
import { toJson } from './to-json.js';
import { urlUnescape } from './url-unescape.js';

export interface FunctionOptions {
  /** The clock `since` measures against, in epoch milliseconds. */
  readonly now: () => number;
}

function wrongType(expected: string, v: unknown): Error {
  if (v === null || v === undefined) return new Error(`invalid value; expected ${expected}`);
  return new Error(`wrong type for value; expected ${expected}; got ${typeName(v)}`);
}

function str(v: unknown): string {
  if (typeof v !== 'string') throw wrongType('string', v);
  return v;
}

function strings(v: unknown): string[] {
  if (!Array.isArray(v) || !v.every((s) => typeof s === 'string')) throw wrongType('[]string', v);
  return v;
}

function time(v: unknown): GoTime {
  if (!(v instanceof GoTime)) throw wrongType('time.Time', v);
  return v;
}

/** regexp.MustCompile: a bad pattern panics, which the template reports as the call's error. */
function mustCompile(pattern: string) {
  const re = compileGoRegexp(pattern);
  if (re.ok) return re.value;
  const quoted = canBackquote(pattern) ? `\`${pattern}\`` : goQuote(pattern);
  throw new Error(`regexp: Compile(${quoted}): ${re.error}`);
}

/** The function map Alertmanager gives every template. */
export function alertmanagerFunctions(options: FunctionOptions): TemplateFuncs {
  return {
    toUpper: (s: unknown) => goToUpper(str(s)),
    toLower: (s: unknown) => goToLower(str(s)),
    title: (s: unknown) => goTitle(str(s)),
    trimSpace: (s: unknown) => goTrimSpace(str(s)),
    // Like strings.Join with the arguments swapped, for pipelines: `.Values | join ", "`.
    join: (sep: unknown, items: unknown) => strings(items).join(str(sep)),
    match: (pattern: unknown, s: unknown) => {
      const re = compileGoRegexp(str(pattern));
      if (!re.ok) throw new Error(re.error);
      return goMatchString(re.value, str(s));
    },
    reReplaceAll: (pattern: unknown, repl: unknown, text: unknown) =>
      goReplaceAllString(mustCompile(str(pattern)), str(text), str(repl)),
    safeHtml: (s: unknown) => str(s),
    safeUrl: (s: unknown) => str(s),
    urlUnescape: (s: unknown) => urlUnescape(str(s)),
    stringSlice: variadic((...items: unknown[]) => stringSlice(items.map(str))),
    date: (layout: unknown, t: unknown) => time(t).Format(str(layout)),
    tz: (name: unknown, t: unknown) => {
      const loc = loadLocation(str(name));
      if (!loc.ok) throw new Error(loc.error);
      return GoTime.in(time(t), loc.value);
    },
    since: (t: unknown) => new GoDuration(options.now() - GoTime.millis(time(t))),
    humanizeDuration: (v: unknown) => humanizeDuration(v),
    toJson: (v: unknown) => toJson(v),
  };
}
