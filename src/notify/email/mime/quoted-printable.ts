/**
 * Quoted-printable body encoding (RFC 2045 section 6.7) exactly as Go's
 * mime/quotedprintable.Writer (text mode) writes it, since Alertmanager
 * encodes both email parts with it:
 * - bytes `!`..`~` except `=` pass through, as do spaces and tabs;
 * - every other byte is `=XX` (upper-case hex);
 * - a line break (`\n`, `\r` or `\r\n`) in the input becomes `\r\n`, and a
 *   space or tab just before it (or at the very end) is encoded;
 * - lines are kept to 76 characters with soft breaks (`=\r\n`): a literal
 *   byte goes on a new line once 75 are written, an `=XX` once 73 are.
 */

const MAX_LINE = 76;
const HEX = '0123456789ABCDEF';

const isWhitespace = (b: number): boolean => b === 0x20 || b === 0x09;

/** Encodes `text` (as UTF-8) the way Go's quotedprintable.Writer does, Close included. */
export function encodeQuotedPrintable(text: string): string {
  const bytes = new TextEncoder().encode(text);
  const out: string[] = [];
  let line: number[] = [];
  let cr = false;

  const flush = (): void => {
    out.push(String.fromCharCode(...line));
    line = [];
  };
  const crlf = (): void => {
    line.push(0x0d, 0x0a);
    flush();
  };
  const softBreak = (): void => {
    line.push(0x3d);
    crlf();
  };
  const encode = (b: number): void => {
    if (MAX_LINE - 1 - line.length < 3) softBreak();
    line.push(0x3d, HEX.charCodeAt(b >> 4), HEX.charCodeAt(b & 0x0f));
  };
  const encodeTrailingWhitespace = (): void => {
    const last = line[line.length - 1];
    if (last !== undefined && isWhitespace(last)) {
      line.pop();
      encode(last);
    }
  };

  for (const b of bytes) {
    const literal = (b >= 0x21 && b <= 0x7e && b !== 0x3d) || isWhitespace(b);
    if (b === 0x0a || b === 0x0d) {
      if (cr && b === 0x0a) {
        cr = false; // the CRLF was written at the \r
        continue;
      }
      cr = b === 0x0d;
      encodeTrailingWhitespace();
      crlf();
      continue;
    }
    if (literal) {
      if (line.length === MAX_LINE - 1) softBreak();
      line.push(b);
    } else {
      encode(b);
    }
    cr = false;
  }
  encodeTrailingWhitespace();
  flush();
  return out.join('');
}
