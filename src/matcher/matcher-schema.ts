/**
 * Zod schemas for matcher strings at the boundaries (config `matchers:`
 * lines, API `filter` parameters). The only file in this module that knows
 * about zod.
 */
import * as z from 'zod';
import type { Result } from '../util/result.js';
import { parseMatcher, parseMatchers } from './parse-matcher.js';

function fromParser<T>(parse: (s: string) => Result<T>) {
  return z.string().transform((s, ctx): T => {
    const r = parse(s);
    if (r.ok) return r.value;
    ctx.addIssue({ code: 'custom', message: r.error });
    return z.NEVER;
  });
}

/** A single matcher string (`severity=~"crit|warn"`) parsed to a Matcher; issues carry the parse error. */
export const matcherSchema = fromParser(parseMatcher);

/**
 * One line of a route's or inhibit rule's `matchers:` list. Alertmanager runs
 * each line through ParseMatchers, so a line may hold several matchers
 * (`a=1, b=2`, `{a="1"}`); the result is flattened by the caller.
 */
export const matchersLineSchema = fromParser(parseMatchers);
