/**
 * Label matchers: Alertmanager's pkg/labels in TypeScript. Parse matcher
 * strings, build and evaluate matchers (RE2 regexes translated to JavaScript),
 * print and sort them the way route keys need.
 */
export type { Matcher, MatchType } from './types.js';
export { MATCH_TYPES } from './types.js';
export { compileRegex } from './compile-regex.js';
export { newMatcher, isRegexType } from './new-matcher.js';
export { matchesValue, matchesLabels } from './matches.js';
export { parseMatcher, parseMatchers } from './parse-matcher.js';
export { formatMatcher, formatMatchers, openMetricsEscape } from './format-matcher.js';
export { sortMatchers, compareMatchers } from './sort-matchers.js';
export { goQuote } from './go-quote.js';
export { compareGoStrings } from './go-compare.js';
export { matcherSchema, matchersLineSchema } from './matcher-schema.js';
