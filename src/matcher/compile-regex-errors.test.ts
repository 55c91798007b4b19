import { describe, expect, it } from 'vitest';
import { compileRegex } from './compile-regex.js';

/**
 * Patterns Alertmanager 0.25 rejects (each checked with the running binary's
 * API filter and `amtool check-config`), with the part of our message that
 * names the problem.
 */
const REJECTED: readonly (readonly [pattern: string, message: string, reason: string])[] = [
  ['x(', 'missing closing ): `x(`', 'unbalanced open paren'],
  ['a)', 'unexpected ) at offset 2', 'unbalanced close paren (after the wrapper group closes)'],
  ['[a', 'missing closing ]: `[a`', 'unterminated class'],
  ['[]', 'missing closing ]', '] first in a class is literal, so [] is unterminated'],
  ['x\\1', 'backreferences are not supported by RE2', 'backreference'],
  ['\\k<n>', 'backreferences are not supported by RE2', 'named backreference escape'],
  ['(?P=n)', 'named backreferences are not supported by RE2', 'Python-style named backreference'],
  ['(?=x)', 'lookahead assertions are not supported by RE2: `(?=`', 'lookahead'],
  ['(?!x)', 'negative lookahead assertions are not supported', 'negative lookahead'],
  ['(?<=x)', 'lookbehind assertions are not supported by RE2: `(?<=`', 'lookbehind'],
  ['(?<!x)', 'negative lookbehind assertions are not supported', 'negative lookbehind'],
  ['(?>x)', 'atomic groups are not supported by RE2', 'atomic group'],
  ['a*+', 'possessive quantifiers are not supported by RE2', 'possessive quantifier'],
  ['a**', 'invalid nested repetition operator: `**`', 'stacked repetition'],
  ['a{2}{3}', 'invalid nested repetition operator: `{2}{3}`', 'stacked counted repetition'],
  ['**', 'missing argument to repetition operator: `*`', 'repetition of nothing'],
  ['(?i)*', 'missing argument to repetition operator', 'a flag group is not something to repeat'],
  ['x{1001}', 'invalid repeat count', 'repeat counts stop at 1000'],
  ['x{2,1}', 'invalid repeat count', 'min above max'],
  ['(?#c)', 'comment groups are not supported', 'Perl comments'],
  ['(?x)', 'invalid or unsupported Perl syntax: `(?x`', 'the x flag does not exist in RE2'],
  ['(?-)', 'invalid or unsupported Perl syntax: `(?-)`', 'a dangling flag negation'],
  ['(?P<a-b>x)', 'invalid named capture', 'group names are word characters'],
  ['\\C', '\\C, any byte, is not supported', 'single-byte escape'],
  ['\\Z', 'use \\z for end of text', 'Perl end-of-text escape'],
  ['\\u0041', 'use \\x{...} for a code point', 'JavaScript-style escape'],
  ['\\e', 'invalid escape sequence: `\\e`', 'unknown letter escape'],
  ['\\é', 'invalid escape sequence: `\\é`', 'non-ASCII escape'],
  ['\\x{110000}', 'invalid escape sequence: `\\x{110000`', 'beyond the last code point'],
  ['[z-a]', 'invalid character class range: `z-a`', 'reversed range'],
  ['[\\b]', 'invalid escape sequence: `\\b`', 'no backspace escape inside classes'],
  ['[[:foo:]]', 'unknown POSIX class', 'unknown POSIX name'],
  ['\\p{Foo}', 'unknown Unicode class', 'unknown Unicode name'],
  ['\\p{Letter}', 'unknown Unicode class', 'long category names are not accepted by Go 1.19'],
  ['\\p{Grek}', 'unknown Unicode class', 'script aliases are not accepted'],
  ['\\p{Cn}', 'unknown Unicode class', 'Go has no Cn category'],
  ['\\Qab', 'missing closing )', 'an unterminated \\Q swallows the closing paren of the anchor'],
  ['a\\', 'missing closing )', 'a trailing backslash escapes the closing paren of the anchor'],
];

describe('compileRegex rejects what RE2 rejects', () => {
  it.each(REJECTED)('%j (%s)', (pattern, message) => {
    const re = compileRegex(pattern);
    expect(re.ok).toBe(false);
    if (!re.ok) expect(re.error).toContain(message);
  });

  it('names the pattern in Go-quoted form', () => {
    expect(compileRegex('x(')).toEqual({
      ok: false,
      error: 'invalid regular expression "x(": missing closing ): `x(`',
    });
  });

  it('rejects a pattern holding a lone surrogate as invalid UTF-8', () => {
    const re = compileRegex('a\ud800');
    expect(re.ok || re.error).toContain('invalid UTF-8');
  });

  it('rejects a (?i) over part of the pattern that would need folding a Unicode class', () => {
    const re = compileRegex('a(?i:\\pL)');
    expect(re.ok || re.error).toContain('move (?i) to the start of the pattern');
  });
});

/** Accepted on purpose although the 0.25 binary (Go 1.19, Unicode 13) refuses them; newer Alertmanager builds accept them. */
describe('compileRegex accepts newer RE2 syntax', () => {
  it.each([
    ['(?<n>x)', 'x', '(?<name>...) groups arrived in Go 1.22'],
    ['\\p{Kawi}', '\u{11f04}', 'scripts added in Unicode 15'],
  ])('%j matches %j (%s)', (pattern, value) => {
    const re = compileRegex(pattern);
    expect(re.ok && re.value.test(value)).toBe(true);
  });
});
