/**
 * Go's strconv.Quote (what `%q` prints), used wherever Alertmanager prints a
 * label value with `%q`: group labels in group keys (`{alertname="X"}`),
 * silence and log messages.
 *
 * Printable runes are kept as they are; `\a \b \f \n \r \t \v \\ \"` use
 * their short escapes; other runes below U+0020 and U+007F print as `\xNN`,
 * other non-printable runes as `\uXXXX` or `\UXXXXXXXX` (lowercase hex).
 *
 * Go's IsPrint (categories L, M, N, P, S plus the ASCII space) is
 * approximated with Unicode property escapes, so it follows the JavaScript
 * engine's Unicode version: Node 20 knows Unicode 15, Alertmanager 0.25 (Go
 * 1.19) Unicode 13. A character assigned in Unicode 14 or 15 (e.g. U+1FAE0)
 * prints as-is here but as `\U0001fae0` from the 0.25 binary.
 *
 * A JavaScript string can hold a lone surrogate, which no Go string can; it
 * is printed as Go would print the three WTF-8 bytes it stands for
 * (`\xed\xa0\x80`), i.e. as invalid UTF-8.
 */

const PRINTABLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u;

/**
 * Printable ASCII other than `"` and `\`: Go prints each of these as it is.
 * Label values are nearly always made of them only, and one test of the
 * whole string is about ten times cheaper than the per-rune path (which runs
 * a Unicode regex per character).
 */
const PLAIN_ASCII = /^[ !#-[\]-~]*$/;

const SHORT_ESCAPES: Readonly<Record<number, string>> = {
  0x07: '\\a',
  0x08: '\\b',
  0x0c: '\\f',
  0x0a: '\\n',
  0x0d: '\\r',
  0x09: '\\t',
  0x0b: '\\v',
};

const hex = (n: number, width: number): string => n.toString(16).padStart(width, '0');

function escapeRune(cp: number): string {
  if (cp === 0x22) return '\\"';
  if (cp === 0x5c) return '\\\\';
  if (cp >= 0x20 && cp < 0x7f) return String.fromCharCode(cp);
  if (cp >= 0xd800 && cp <= 0xdfff) {
    const bytes = [0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f)];
    return bytes.map((b) => `\\x${hex(b, 2)}`).join('');
  }
  const ch = String.fromCodePoint(cp);
  if (PRINTABLE.test(ch)) return ch;
  const short = SHORT_ESCAPES[cp];
  if (short !== undefined) return short;
  if (cp < 0x20 || cp === 0x7f) return `\\x${hex(cp, 2)}`;
  return cp < 0x10000 ? `\\u${hex(cp, 4)}` : `\\U${hex(cp, 8)}`;
}

/** `s` as a double-quoted Go string literal, exactly as Go's strconv.Quote / `%q` prints it. */
export function goQuote(s: string): string {
  if (PLAIN_ASCII.test(s)) return `"${s}"`;
  let out = '"';
  for (const ch of s) out += escapeRune(ch.codePointAt(0) ?? 0);
  return `${out}"`;
}
