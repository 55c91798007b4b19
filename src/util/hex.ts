/** Bytes as lower-case hex, and the hex SHA-256 of a text: digests, ids and boundaries. */

/** Two hex digits per byte value, made once. */
const HEX_BYTES = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, '0'));

/** `bytes` as lower-case hex, two digits a byte. */
export function toHex(bytes: Uint8Array): string {
  let hex = '';
  for (const b of bytes) hex += HEX_BYTES[b];
  return hex;
}

/** The SHA-256 of `text`'s UTF-8 bytes, as lower-case hex. */
export async function sha256Hex(text: string): Promise<string> {
  return toHex(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text))));
}
