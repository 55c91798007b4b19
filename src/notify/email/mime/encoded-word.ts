/**
 * RFC 2047 encoded-words for header values, as Go's
 * `mime.QEncoding.Encode("utf-8", s)` makes them (Alertmanager encodes every
 * header value with it): a value of printable ASCII (and tabs) is returned
 * unchanged; anything else becomes `=?utf-8?q?...?=` words of at most 75
 * characters, separated by a space, never splitting a UTF-8 sequence. A line
 * break in a value is encoded too, so a rendered header can never start a
 * new header.
 */

const HEX = '0123456789ABCDEF';
/** 75 minus `=?UTF-8?q?` and `?=`. */
const MAX_CONTENT = 75 - '=?UTF-8?q?'.length - '?='.length;
const OPEN = '=?utf-8?q?';
const CLOSE = '?=';

/** True when `s` holds a character outside printable ASCII other than tab. */
export function needsEncoding(s: string): boolean {
  for (const ch of s) {
    const c = ch.codePointAt(0) as number;
    if ((c < 0x20 || c > 0x7e) && c !== 0x09) return true;
  }
  return false;
}

/** `s` as Go's QEncoding would put it in a header. */
export function qEncodeHeader(s: string): string {
  if (!needsEncoding(s)) return s;
  let out = OPEN;
  let length = 0;
  for (const ch of s) {
    const bytes = new TextEncoder().encode(ch);
    const c = bytes[0] as number;
    const plain = bytes.length === 1 && c >= 0x20 && c <= 0x7e && c !== 0x3d && c !== 0x3f && c !== 0x5f;
    const encodedLength = plain ? 1 : 3 * bytes.length;
    if (length + encodedLength > MAX_CONTENT) {
      out += `${CLOSE} ${OPEN}`;
      length = 0;
    }
    for (const b of bytes) out += qByte(b);
    length += encodedLength;
  }
  return out + CLOSE;
}

function qByte(b: number): string {
  if (b === 0x20) return '_';
  if (b >= 0x21 && b <= 0x7e && b !== 0x3d && b !== 0x3f && b !== 0x5f) return String.fromCharCode(b);
  return `=${HEX[b >> 4]}${HEX[b & 0x0f]}`;
}
