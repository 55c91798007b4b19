/**
 * RE2's single-character escapes, valid both inside and outside classes:
 * escaped ASCII punctuation stands for itself, `\a \f \n \r \t \v`, octal
 * `\0`..`\377` (a lone `\1`..`\7` would be a backreference: rejected), hex
 * `\x41` and `\x{10FFFF}`. Anything else after a backslash is an error, as in
 * Go: `\u0041`, `\Z`, `\e`, `\é`.
 */
import { err, ok } from '../../util/result.js';
import { codePointAt, syntaxError, type Parsed } from './tokens.js';

const C_ESCAPES: Readonly<Record<string, number>> = { a: 7, f: 12, n: 10, r: 13, t: 9, v: 11 };

const isOctal = (ch: string | undefined): boolean => ch !== undefined && ch >= '0' && ch <= '7';
const isAlnum = (ch: string): boolean => /^[0-9A-Za-z]$/.test(ch);

function hexValue(ch: string | undefined): number {
  return ch !== undefined && /^[0-9A-Fa-f]$/.test(ch) ? parseInt(ch, 16) : -1;
}

/** Why an escape RE2 rejects might have been written, as a hint for the error. */
function hint(letter: string): string {
  if (/^[1-9]$/.test(letter) || letter === 'k' || letter === 'g') return ' (backreferences are not supported by RE2)';
  if (letter === 'Z') return ' (use \\z for end of text)';
  if (letter === 'u' || letter === 'U') return ' (use \\x{...} for a code point)';
  return '';
}

function parseHex(src: string, i: number, start: number): Parsed<number> {
  const bad = (end: number): Parsed<number> => err(syntaxError(src, 'invalid escape sequence', start, end));
  if (src[i] !== '{') {
    const hi = hexValue(src[i]);
    const lo = hexValue(src[i + 1]);
    if (i >= src.length) return bad(i);
    if (hi < 0 || lo < 0) return bad(Math.min(i + 2, src.length));
    return ok({ value: hi * 16 + lo, end: i + 2 });
  }
  let value = 0;
  let j = i + 1;
  for (; src[j] !== '}'; j++) {
    const d = hexValue(src[j]);
    if (d < 0) return bad(Math.min(j + 1, src.length));
    value = value * 16 + d;
    if (value > 0x10ffff) return bad(j + 1);
  }
  if (j === i + 1) return bad(j + 1);
  return ok({ value, end: j + 1 });
}

/** Parses the escape starting with the backslash at `i` into the code point it denotes. */
export function parseEscape(src: string, i: number): Parsed<number> {
  if (i + 1 >= src.length) return err('trailing backslash at end of expression');
  const { cp, len } = codePointAt(src, i + 1);
  const letter = String.fromCodePoint(cp);
  const next = i + 1 + len;
  if (cp < 0x80 && !isAlnum(letter)) return ok({ value: cp, end: next });
  if (letter === '0' || (isOctal(letter) && isOctal(src[next]))) {
    let value = cp - 0x30;
    let j = next;
    for (let n = 1; n < 3 && isOctal(src[j]); n++, j++) value = value * 8 + (src.charCodeAt(j) - 0x30);
    return ok({ value, end: j });
  }
  if (letter === 'x') return parseHex(src, next, i);
  const c = C_ESCAPES[letter];
  if (c !== undefined && Object.hasOwn(C_ESCAPES, letter)) return ok({ value: c, end: next });
  return err(syntaxError(src, 'invalid escape sequence', i, next) + hint(letter));
}
