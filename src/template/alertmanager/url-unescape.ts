/**
 * `urlUnescape` (Alertmanager 0.30+): Go's url.QueryUnescape. `+` is a
 * space, `%XX` a byte; a `%` without two hex digits is an error
 * (`invalid URL escape "%zz"`). Bytes that are not UTF-8 become U+FFFD.
 */
import { goQuote } from '../quote.js';
import { utf8Bytes, utf8Decode } from '../unicode.js';

const HEX = /^[0-9A-Fa-f]{2}$/;

/** url.QueryUnescape(s). */
export function urlUnescape(s: string): string {
  if (!s.includes('%')) return s.replaceAll('+', ' ');
  const bytes = utf8Bytes(s);
  const out = new Uint8Array(bytes.length);
  let n = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i] as number;
    if (b === 0x25) {
      const hex = String.fromCharCode(bytes[i + 1] ?? 0, bytes[i + 2] ?? 0);
      if (i + 2 >= bytes.length || !HEX.test(hex)) {
        throw new Error(`invalid URL escape ${goQuote(utf8Decode(bytes.subarray(i, i + 3)))}`);
      }
      out[n++] = parseInt(hex, 16);
      i += 2;
    } else out[n++] = b === 0x2b ? 0x20 : b;
  }
  return utf8Decode(out.subarray(0, n));
}
