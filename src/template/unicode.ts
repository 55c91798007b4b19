/**
 * The few Unicode and UTF-8 facts Go's template and fmt packages rely on.
 * Go strings are UTF-8 bytes, so lengths, columns and `%x` work on bytes;
 * JavaScript strings are UTF-16, so those are computed here.
 */

const PRINTABLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S}]$/u;
const LETTER_OR_DIGIT = /^[\p{L}\p{Nd}]$/u;
const UPPER = /^\p{Lu}$/u;

/** Go's unicode.IsPrint: letters, marks, numbers, punctuation, symbols and the ASCII space. */
export function isPrint(cp: number): boolean {
  if (cp < 0x80) return cp >= 0x20 && cp < 0x7f;
  if (cp >= 0xd800 && cp <= 0xdfff) return false;
  return PRINTABLE.test(String.fromCodePoint(cp));
}

/** The lexer's isAlphaNumeric: `_`, a Unicode letter or a decimal digit. */
export function isAlphaNumeric(cp: number): boolean {
  if (cp < 0x80) {
    return cp === 0x5f || (cp >= 0x30 && cp <= 0x39) || ((cp | 0x20) >= 0x61 && (cp | 0x20) <= 0x7a);
  }
  return cp > 0 && LETTER_OR_DIGIT.test(String.fromCodePoint(cp));
}

/** Go's token.IsExported: the name starts with an upper-case letter. */
export function isExported(name: string): boolean {
  const c = name.charCodeAt(0);
  if (c < 0x80) return c >= 0x41 && c <= 0x5a;
  return UPPER.test(String.fromCodePoint(name.codePointAt(0) ?? 0));
}

/** Length of `s` in UTF-8 bytes (what Go's len returns for a string). */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8');

/** The UTF-8 bytes of `s` (lone surrogates become U+FFFD). */
export function utf8Bytes(s: string): Uint8Array {
  return encoder.encode(s);
}

/** Bytes decoded as UTF-8, invalid sequences replaced by U+FFFD (as Go prints them once JSON-encoded). */
export function utf8Decode(bytes: Uint8Array): string {
  return decoder.decode(bytes);
}

/** True when every unit of `s` is ASCII, so bytes and UTF-16 units coincide. */
export function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) >= 0x80) return false;
  return true;
}

/** Number of code points (Go's utf8.RuneCountInString). */
export function runeCount(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) i++;
    n++;
  }
  return n;
}

/** The first `n` code points of `s`. */
export function truncateRunes(s: string, n: number): string {
  let i = 0;
  for (let count = 0; i < s.length && count < n; count++) {
    const c = s.charCodeAt(i);
    i += c >= 0xd800 && c <= 0xdbff && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00 ? 2 : 1;
  }
  return s.slice(0, i);
}

/** Go's position of offset `pos` in `text`: 1-based line, and the column in bytes from the line start (0-based). */
export function lineAndColumn(text: string, pos: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < pos; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: utf8Length(text.slice(lineStart, pos)) };
}
