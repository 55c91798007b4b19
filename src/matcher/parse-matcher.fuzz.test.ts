/**
 * Property tests (fast-check, fixed seeds) of the matcher parser: it never
 * throws, whatever the text (config lines and API `filter` parameters are
 * user input), and printing a matcher then parsing it gives it back, which is
 * what route keys, silences and amtool output rely on.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileRegex } from './compile-regex.js';
import { formatMatcher, formatMatchers } from './format-matcher.js';
import { parseMatcher, parseMatchers } from './parse-matcher.js';
import { MATCH_TYPES, type Matcher } from './types.js';

const RUNS = { seed: 20_260_113, numRuns: 2_000 };

/** Characters the grammar gives meaning to, whitespace of every kind, and a lone surrogate. */
const TRICKY = ['a', 'Z', '_', ':', '0', '=', '!', '~', '"', '\\', 'n', ',', '{', '}', ' ', '\t', '\n', '\r', '\f', '\u00a0', '\u2028', '\ufeff', 'é', '🔥', '\ud800', '(', '|', '*', '['];

/** Text made mostly of the grammar's own characters, so the parser's branches are all reached. */
const matcherish = fc.string({ unit: fc.constantFrom(...TRICKY), maxLength: 40 });
/** Any text, lone surrogates included. */
const anyText = fc.oneof(fc.string({ unit: 'binary', maxLength: 60 }), matcherish);

const labelName = fc.stringMatching(/^[a-zA-Z_:][a-zA-Z0-9_:]{0,15}$/);
/** Values for = and !=: any well-formed text, the grammar's characters included. */
const plainValue = fc.oneof(fc.string({ unit: 'grapheme', maxLength: 30 }), matcherish.filter((s) => !/\p{Cs}/u.test(s)));

/** RE2 patterns built from pieces every RE2 accepts. */
const regexPiece = fc.oneof(
  fc.stringMatching(/^[a-z0-9 ,é"]{1,4}$/),
  fc.constantFrom('.', '.*', '.+', '\\d', '\\w+', '[a-z]', '[^,"]*', '\\\\', '\\"', '\\.', 'x{2,3}', '\\pL', '[[:alpha:]]'),
  fc.constantFrom('(a|b)', '(?:web|api)-\\d+', '^', '$'),
);
/** Optionally case-insensitive as a whole (a (?i) covering part of a pattern cannot take \pL: see compile-regex.ts). */
const regexValue = fc
  .tuple(fc.constantFrom('', '(?i)'), fc.array(regexPiece, { maxLength: 5 }))
  .map(([flags, pieces]) => flags + pieces.join(''));

const validMatcher: fc.Arbitrary<Matcher> = fc.oneof(
  fc.record({ name: labelName, type: fc.constantFrom<Matcher['type']>('=', '!='), value: plainValue }),
  fc.record({ name: labelName, type: fc.constantFrom<Matcher['type']>('=~', '!~'), value: regexValue }),
);

/** A result is either a value or a non-empty message; anything else (a throw) fails the property. */
function expectResult(result: { ok: boolean; error?: unknown }): void {
  if (!result.ok) {
    expect(typeof result.error).toBe('string');
    expect(result.error).not.toBe('');
  }
}

describe('parseMatcher and parseMatchers on arbitrary text', () => {
  it('never throw, and every refusal has a message', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        expectResult(parseMatcher(text));
        expectResult(parseMatchers(text));
      }),
      RUNS,
    );
  });

  it('never throw on a valid name and operator followed by arbitrary text (the value and regex parsers)', () => {
    fc.assert(
      fc.property(labelName, fc.constantFrom(...MATCH_TYPES), anyText, (name, op, rest) => {
        expectResult(parseMatcher(`${name}${op}${rest}`));
        expectResult(parseMatchers(`{${name}${op}${rest}}`));
      }),
      RUNS,
    );
  });
});

describe('format then parse', () => {
  it('the generated regex values are valid RE2 (else the round trip below proves less)', () => {
    fc.assert(
      fc.property(regexValue, (value) => {
        expect(compileRegex(value)).toMatchObject({ ok: true });
      }),
      { ...RUNS, numRuns: 300 },
    );
  });

  it('gives one matcher back exactly', () => {
    fc.assert(
      fc.property(validMatcher, (m) => {
        expect(parseMatcher(formatMatcher(m))).toEqual({ ok: true, value: m });
      }),
      RUNS,
    );
  });

  it('gives a list back exactly, in order, braces and commas included', () => {
    fc.assert(
      fc.property(fc.array(validMatcher, { maxLength: 6 }), (ms) => {
        expect(parseMatchers(formatMatchers(ms))).toEqual({ ok: true, value: ms });
      }),
      RUNS,
    );
  });
});
