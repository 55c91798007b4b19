import { describe, expect, it } from 'vitest';
import { compileRegex } from './compile-regex.js';

/**
 * Every row was checked against Alertmanager 0.25 (Debian build, Go 1.19.8):
 * alerts carrying each value as label `v` were posted to a running
 * Alertmanager and queried with `GET /api/v2/alerts?filter=v=~"<pattern>"`.
 */
const MATCHING: readonly (readonly [pattern: string, value: string, matches: boolean, reason: string])[] = [
  ['foo', 'foo', true, 'a literal matches itself'],
  ['foo', 'foobar', false, 'anchored at the end: no substring match'],
  ['foo', 'FOO', false, 'case-sensitive by default'],
  ['a|b', 'ab', false, 'alternation is wrapped as ^(?:a|b)$, not ^a|b$'],
  ['a|b', 'b', true, 'each alternative is anchored'],
  ['.*', '', true, 'the empty value matches .*'],
  ['.+', '', false, 'and not .+'],
  ['.', '\n', false, '. excludes only line feed'],
  ['.', '\r', true, 'unlike JavaScript, . matches carriage return'],
  ['.', '\u2028', true, 'and U+2028'],
  ['.', '😀', true, '. matches a whole astral code point'],
  ['(?s).', '\n', true, '(?s) lets . match line feed'],
  ['(?i)foo', 'FOO', true, 'a leading (?i) is case-insensitive'],
  ['(?i)k', '\u212a', true, 'RE2 folds k with the Kelvin sign'],
  ['(?i)s', '\u017f', true, 'and s with long s'],
  ['(?i)ß', 'ẞ', true, 'simple case folding of sharp s'],
  ['(?i)straße', 'STRASSE', false, 'no multi-character folding'],
  ['(?i)σ', 'ς', true, 'the three sigmas are one orbit'],
  ['(?i)i', 'ı', false, 'dotless i is not folded with i'],
  ['(?i)[^k]', 'K', false, 'a negated class under (?i) excludes every case of its members'],
  ['(?i)[^a-z]+', 'FOO', false, 'same for ranges'],
  ['foo(?i)BAR', 'foobar', true, 'a mid-pattern (?i) applies to what follows'],
  ['foo(?i)BAR', 'FOObar', false, '... and not to what precedes'],
  ['(?i:F)oo', 'foo', true, 'a scoped (?i:...) folds inside'],
  ['(?i:F)oo', 'fOO', false, '... and only inside'],
  ['(?i)F(?-i)oo', 'fOO', false, '(?-i) switches folding off again'],
  ['x(?i:k)', 'x\u212a', true, 'hand-folded letters keep the Kelvin sign'],
  ['É|(?i)é', 'É', true, 'hand folding works beyond ASCII'],
  ['É(?i:[à-ÿ])', 'ÉÀ', true, 'hand folding of a non-ASCII range'],
  ['x(?i:\\W)', 'x\u017f', false, 'hand-folded \\W excludes long s like RE2'],
  ['a(?i:[[:^alpha:]])', 'aS', false, 'hand-folded negated POSIX class'],
  ['(?i)\\bk\\b', '\u212a', false, 'RE2 word boundaries are ASCII even under (?i)'],
  ['(?i)\\W', '\u017f', false, '(?i)\\W excludes long s, as RE2 folds \\w before negating'],
  ['(?i)\\P{Lu}', 'a', false, '(?i)\\P{Lu} excludes lowercase letters too'],
  ['(?i)[^x\\P{Lu}]', 'a', true, 'a negated class with \\P under (?i)'],
  ['(?i)[^x\\P{Lu}]', 'X', false, '... still excludes its folded literal'],
  ['(?m)^a$', 'a', true, '(?m) anchors still match at the ends'],
  ['(?m)x\\n^y', 'x\ny', true, '(?m)^ matches after a line feed'],
  ['x\\n^y', 'x\ny', false, 'without (?m), ^ is the start of text'],
  ['a$', 'a\n', false, '$ is the end of text, not before a final line feed'],
  ['\\Aa', 'a', true, '\\A is the start of text'],
  ['a\\z', 'a', true, '\\z is the end of text'],
  ['[[:alpha:]]+', 'abcXYZ', true, 'POSIX class'],
  ['[[:alpha:]]+', 'é', false, 'POSIX classes are ASCII'],
  ['[[:^alpha:]]', '5', true, 'negated POSIX class'],
  ['[[:space:]]', '\v', true, '[:space:] includes vertical tab'],
  ['\\s', '\v', false, 'while \\s does not'],
  ['\\s', '\u00a0', false, 'and \\s is ASCII, unlike JavaScript'],
  ['\\d+', '١', false, '\\d is ASCII digits only'],
  ['\\w+', 'a_b', true, '\\w is [0-9A-Za-z_]'],
  ['\\w+', 'é', false, '\\w is ASCII'],
  ['\\pL+', 'αβγ', true, 'one-letter Unicode class'],
  ['\\p{Greek}+', 'αβγ', true, 'script class'],
  ['\\p{Greek}+', 'abc', false, 'script class excludes other scripts'],
  ['\\PL', '5', true, 'negated Unicode class'],
  ['\\p{^Lu}', 'a', true, '\\p{^X} is \\P{X}'],
  ['\\p{C}', '\u0378', false, "Go's C excludes unassigned code points"],
  ['\\P{C}', '\u0378', true, '... so its complement includes them'],
  ['\\p{Cf}', '\u00ad', true, 'format characters'],
  ['\\QA.B\\E', 'A.B', true, '\\Q...\\E quotes metacharacters'],
  ['\\QA.B\\E', 'AxB', false, '... so . is literal'],
  ['(?P<n>a)', 'a', true, 'named groups are plain groups'],
  ['[]a]+', ']a', true, '] first in a class is literal'],
  ['[a-b-c]+', '-', true, '- after a range is literal'],
  ['[\\d-z]+', '5-z', true, '- after a class escape is literal'],
  ['\\-', '-', true, 'escaped punctuation is itself'],
  ['{,3}', '{,3}', true, 'a { that starts no repeat is literal'],
  ['x{01}', 'x{01}', true, 'leading zeros make it literal too'],
  ['x{2}', 'xx', true, 'counted repetition'],
  ['\\x{1F600}', '😀', true, 'hex escape beyond the BMP'],
  ['[\\x{E000}-\\x{10FFFF}]', '😀', true, 'ranges compare code points, not UTF-16 units'],
  ['\\011', '\t', true, 'octal escape'],
  ['a)|(.*', 'aXYZ', true, 'a)|(b splits the anchors, as in Go: ^(?:a)|(.*)$'],
  ['critical|warning', 'critical', true, 'typical severity regex'],
  ['(?i)PROD-[a-z]+-\\d', 'prod-eu-1', true, 'typical case-insensitive environment regex'],
];

describe('compileRegex', () => {
  it.each(MATCHING)('%j on %j gives %s (%s)', (pattern, value, matches) => {
    const re = compileRegex(pattern);
    if (!re.ok) throw new Error(re.error);
    expect(re.value.test(value)).toBe(matches);
  });

  it('returns the cached RegExp for a pattern seen before', () => {
    const a = compileRegex('cache-(me|you)');
    const b = compileRegex('cache-(me|you)');
    expect(a.ok && b.ok && a.value === b.value).toBe(true);
  });

  it('uses the i flag only when the whole pattern is case-insensitive', () => {
    const whole = compileRegex('(?i)foo');
    const part = compileRegex('foo(?i:bar)');
    expect(whole.ok && whole.value.flags).toBe('iu');
    expect(part.ok && part.value.flags).toBe('u');
  });

  it('never sets a global or sticky flag, so a shared RegExp has no lastIndex state', () => {
    const re = compileRegex('x+');
    expect(re.ok && [re.value.global, re.value.sticky]).toEqual([false, false]);
  });
});
