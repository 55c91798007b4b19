import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { goQuote } from './go-quote.js';

/**
 * Expected strings come from Alertmanager 0.25 itself: the value below was
 * sent as a group_by label and the group key's `%q`-printed labels were read
 * back from the webhook payload.
 */
describe('goQuote', () => {
  it('prints a mixed string exactly as Go %q did in an Alertmanager 0.25 group key', () => {
    const value =
      'a\u00a0b\u00adc\u{1F600}d\x7fe\u2028f\u0301g\ufeffh\x07i\x08j\x0bk\x0cl\rm\x1bn\u0085o\u{E0001}p\u3000q\u{10FFFF}r"s\\t\ufffdu\u0378';
    expect(goQuote(value)).toBe(
      '"a\\u00a0b\\u00adc\u{1F600}d\\x7fe\\u2028f\u0301g\\ufeffh\\ai\\bj\\vk\\fl\\rm\\x1bn\\u0085o\\U000e0001p\\u3000q\\U0010ffffr\\"s\\\\t\ufffdu\\u0378"',
    );
  });

  it.each([
    ['', '""', 'empty string'],
    ['plain', '"plain"', 'printable ASCII is kept'],
    ['tab\there', '"tab\\there"', 'tab uses its short escape'],
    ['nl\n', '"nl\\n"', 'line feed uses its short escape'],
    ['\x00', '"\\x00"', 'NUL is a two-digit hex escape'],
    ['é 日本 😀', '"é 日本 😀"', 'printable Unicode and the ASCII space are kept'],
    ['\u2003', '"\\u2003"', 'other spaces are escaped'],
    ['\u{E0001}', '"\\U000e0001"', 'non-printable astral runes use \\U'],
    ['\ud800x', '"\\xed\\xa0\\x80x"', 'a lone surrogate prints as its invalid WTF-8 bytes'],
  ])('quotes %j as %s (%s)', (input, want) => {
    expect(goQuote(input)).toBe(want);
  });
});

/** Go's strconv.Unquote for the escapes goQuote produces; enough to check round trips. */
function goUnquote(quoted: string): string {
  const short: Record<string, string> = { a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '"': '"', '\\': '\\' };
  return quoted.slice(1, -1).replace(/\\(x[0-9a-f]{2}|u[0-9a-f]{4}|U[0-9a-f]{8}|.)/gu, (_, e: string) =>
    e.length === 1 ? (short[e] ?? e) : String.fromCodePoint(parseInt(e.slice(1), 16)),
  );
}

describe('goQuote round trip', () => {
  it.each([
    ['quotes and backslashes', 'say "hi" \\ bye'],
    ['control characters', '\x00\x07\b\f\n\r\t\v\x1b\x7f'],
    ['format and separator characters', '\u00ad\u200b\u2028\u2029\ufeff'],
    ['printable Unicode', 'Grüße, 日本, 😀, e\u0301'],
    ['astral non-printables', '\u{E0001}\u{10FFFF}'],
  ])('unquotes back to the original for %s', (_what, s) => {
    expect(goUnquote(goQuote(s))).toBe(s);
  });
});

/**
 * goQuote before its printable-ASCII fast path: every rune through the
 * Unicode check. The fast path must print exactly what this printed.
 */
function referenceGoQuote(s: string): string {
  const printable = /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u;
  const short: Readonly<Record<number, string>> = { 0x07: '\\a', 0x08: '\\b', 0x0c: '\\f', 0x0a: '\\n', 0x0d: '\\r', 0x09: '\\t', 0x0b: '\\v' };
  const hex = (n: number, width: number) => n.toString(16).padStart(width, '0');
  let out = '"';
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0;
    if (cp === 0x22) out += '\\"';
    else if (cp === 0x5c) out += '\\\\';
    else if (cp >= 0xd800 && cp <= 0xdfff) out += [0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f)].map((b) => `\\x${hex(b, 2)}`).join('');
    else if (printable.test(ch)) out += ch;
    else if (short[cp] !== undefined) out += short[cp];
    else if (cp < 0x20 || cp === 0x7f) out += `\\x${hex(cp, 2)}`;
    else out += cp < 0x10000 ? `\\u${hex(cp, 4)}` : `\\U${hex(cp, 8)}`;
  }
  return `${out}"`;
}

describe('goQuote fast path', () => {
  const runs = { seed: 20_261_125, numRuns: 2000 };

  it('prints every single code unit (all of ASCII, the BMP, lone surrogates) as the per-rune path does', () => {
    for (let unit = 0; unit <= 0xffff; unit++) {
      const s = String.fromCharCode(unit);
      if (goQuote(s) !== referenceGoQuote(s)) expect(goQuote(s), `U+${unit.toString(16)}`).toBe(referenceGoQuote(s));
    }
  });

  it.each([
    ['printable ASCII', fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)) })],
    ['all of ASCII', fc.string({ unit: fc.integer({ min: 0, max: 0x7f }).map((c) => String.fromCharCode(c)) })],
    ['graphemes', fc.string({ unit: 'grapheme' })],
    ['any code units (lone surrogates included)', fc.string({ unit: 'binary' })],
    ['ASCII with one rune anywhere', fc.tuple(fc.string(), fc.string({ unit: 'binary', maxLength: 1 }), fc.string()).map((parts) => parts.join(''))],
  ])('prints strings of %s as the per-rune path does', (_what, strings) => {
    fc.assert(fc.property(strings, (s) => goQuote(s) === referenceGoQuote(s)), runs);
  });
});
