import { describe, expect, it } from 'vitest';
import { formatMatcher, formatMatchers } from './format-matcher.js';
import { parseMatcher } from './parse-matcher.js';
import type { Matcher } from './types.js';

const m = (name: string, type: Matcher['type'], value: string): Matcher => ({ name, type, value });

describe('formatMatcher', () => {
  it.each([
    [m('a', '=', 'b'), 'a="b"', 'plain value'],
    [m('a', '!=', ''), 'a!=""', 'empty value'],
    [m('re', '=~', 'x|y\\d'), 're=~"x|y\\\\d"', 'backslashes are doubled'],
    [m('q', '!~', 'say "hi"'), 'q!~"say \\"hi\\""', 'quotes are escaped'],
    [m('nl', '=', 'a\nb'), 'nl="a\\nb"', 'line feeds become \\n'],
    // Verified in a 0.25 group key: tab and NBSP are printed raw, not %q-escaped.
    [m('v', '=', 'tab\there'), 'v="tab\there"', 'tabs stay raw (OpenMetrics escaping, not %q)'],
    [m('v', '=', 'é\u00a0😀'), 'v="é\u00a0😀"', 'non-ASCII stays raw'],
  ])('prints %j as %s (%s)', (matcher, want) => {
    expect(formatMatcher(matcher)).toBe(want);
  });
});

describe('formatMatchers', () => {
  it('prints a route key part: braces, commas, no spaces', () => {
    expect(formatMatchers([m('a', '=', '1'), m('b', '=~', 'x|y')])).toBe('{a="1",b=~"x|y"}');
  });

  it('prints no matchers as {}', () => {
    expect(formatMatchers([])).toBe('{}');
  });
});

describe('formatMatcher and parseMatcher round trip', () => {
  it.each([
    ['quotes', 'say "hi"'],
    ['backslashes', 'C:\\path\\'],
    ['escaped-looking text', '\\n is not a newline here'],
    ['a line feed', 'two\nlines'],
    ['commas and braces', '{a,b}'],
    ['tabs and non-ASCII', 'tab\té😀'],
    ['the empty string', ''],
  ])('keeps %s', (_what, value) => {
    const matcher = m('label', '!=', value);
    expect(parseMatcher(formatMatcher(matcher))).toEqual({ ok: true, value: matcher });
  });
});
