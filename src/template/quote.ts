/**
 * Go's strconv quoting beyond plain Quote (which lives in matcher/go-quote):
 * QuoteToASCII (`%+q`), QuoteRune (`%q` of an integer), CanBackquote (`%#q`),
 * and Unquote / UnquoteChar for the string and character literals of the
 * template language.
 */
import { goQuote } from '../matcher/go-quote.js';
import { isPrint, utf8Bytes, utf8Decode } from './unicode.js';

export { goQuote };

const SHORT: Readonly<Record<number, string>> = { 7: 'a', 8: 'b', 12: 'f', 10: 'n', 13: 'r', 9: 't', 11: 'v' };

const hex = (n: number, width: number): string => n.toString(16).padStart(width, '0');

function escapeRune(cp: number, quote: number, asciiOnly: boolean): string {
  if (cp === quote || cp === 0x5c) return `\\${String.fromCharCode(cp)}`;
  if (asciiOnly ? cp < 0x80 && isPrint(cp) : isPrint(cp)) return String.fromCodePoint(cp);
  const short = SHORT[cp];
  if (short !== undefined) return `\\${short}`;
  if (cp < 0x20 || cp === 0x7f) return `\\x${hex(cp, 2)}`;
  if (cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) cp = 0xfffd;
  return cp < 0x10000 ? `\\u${hex(cp, 4)}` : `\\U${hex(cp, 8)}`;
}

/** strconv.QuoteToASCII: like goQuote, but every non-ASCII rune is escaped. */
export function quoteASCII(s: string): string {
  let out = '"';
  for (const ch of s) out += escapeRune(ch.codePointAt(0) ?? 0, 0x22, true);
  return `${out}"`;
}

/** strconv.QuoteRune / QuoteRuneToASCII: a single-quoted rune literal; invalid runes print as U+FFFD. */
export function quoteRune(cp: number, asciiOnly: boolean): string {
  if (cp < 0 || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) cp = 0xfffd;
  return `'${escapeRune(cp, 0x27, asciiOnly)}'`;
}

/** strconv.CanBackquote: `s` can be written as a raw string literal (no backquote, no control character but tab, no BOM). */
export function canBackquote(s: string): boolean {
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0;
    if (cp === 0x60 || cp === 0xfeff || (cp >= 0xd800 && cp <= 0xdfff)) return false;
    if ((cp < 0x20 && cp !== 0x09) || cp === 0x7f) return false;
  }
  return true;
}

/** Thrown for a malformed literal; the message is strconv.ErrSyntax's. */
export class LiteralSyntaxError extends Error {
  constructor() {
    super('invalid syntax');
  }
}

export interface UnquotedChar {
  /** A code point, or a raw byte value when `isByte` (from `\x` and octal escapes). */
  readonly value: number;
  readonly isByte: boolean;
  /** Index in the input just after the character. */
  readonly next: number;
}

const HEX_WIDTH: Readonly<Record<string, number>> = { x: 2, u: 4, U: 8 };
const CONTROL: Readonly<Record<string, number>> = { a: 7, b: 8, f: 12, n: 10, r: 13, t: 9, v: 11, '\\': 0x5c };

/** strconv.UnquoteChar: decodes one (possibly escaped) character of `s` at `i`, inside a literal quoted by `quote`. */
export function unquoteChar(s: string, i: number, quote: string): UnquotedChar {
  const c = s[i];
  if (c === undefined || c === quote) throw new LiteralSyntaxError();
  if (c !== '\\') {
    const cp = s.codePointAt(i) ?? 0;
    return { value: cp, isByte: false, next: i + (cp > 0xffff ? 2 : 1) };
  }
  const e = s[i + 1];
  if (e === undefined) throw new LiteralSyntaxError();
  const control = CONTROL[e];
  if (control !== undefined) return { value: control, isByte: false, next: i + 2 };
  if (e === '"' || e === "'") {
    if (e !== quote) throw new LiteralSyntaxError();
    return { value: e.charCodeAt(0), isByte: false, next: i + 2 };
  }
  const width = HEX_WIDTH[e];
  if (width !== undefined) {
    const digits = s.slice(i + 2, i + 2 + width);
    if (digits.length < width || !/^[0-9a-fA-F]+$/.test(digits)) throw new LiteralSyntaxError();
    const v = parseInt(digits, 16);
    if (e === 'x') return { value: v, isByte: true, next: i + 2 + width };
    if (v > 0x10ffff || (v >= 0xd800 && v <= 0xdfff)) throw new LiteralSyntaxError();
    return { value: v, isByte: false, next: i + 2 + width };
  }
  if (e >= '0' && e <= '7') {
    const digits = s.slice(i + 1, i + 4);
    if (!/^[0-7]{3}$/.test(digits)) throw new LiteralSyntaxError();
    const v = parseInt(digits, 8);
    if (v > 255) throw new LiteralSyntaxError();
    return { value: v, isByte: true, next: i + 4 };
  }
  throw new LiteralSyntaxError();
}

/** strconv.Unquote for `"..."` and raw `` `...` `` literals (raw ones lose their carriage returns, as in Go). */
export function unquote(lit: string): string {
  const q = lit[0];
  if (lit.length < 2 || lit[lit.length - 1] !== q) throw new LiteralSyntaxError();
  const body = lit.slice(1, -1);
  if (q === '`') {
    if (body.includes('`')) throw new LiteralSyntaxError();
    return body.includes('\r') ? body.replaceAll('\r', '') : body;
  }
  if (q !== '"') throw new LiteralSyntaxError();
  if (!body.includes('\\') && !body.includes('"') && !body.includes('\n')) return body;
  if (body.includes('\n')) throw new LiteralSyntaxError();
  const bytes: number[] = [];
  for (let i = 0; i < body.length; ) {
    const ch = unquoteChar(body, i, '"');
    if (ch.isByte) bytes.push(ch.value);
    else for (const b of utf8Bytes(String.fromCodePoint(ch.value))) bytes.push(b);
    i = ch.next;
  }
  return utf8Decode(Uint8Array.from(bytes));
}
