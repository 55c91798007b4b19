/**
 * base64url without padding (RFC 4648 section 5), for tokens that travel in
 * URLs: every character is unreserved in RFC 3986, so nothing needs
 * percent-encoding.
 */

/** The unpadded base64url spelling of `bytes`. */
export function encodeBase64url(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/**
 * The bytes `text` spells; undefined unless it is exactly what
 * encodeBase64url writes (no padding, no `+` or `/`, no stray bits in the
 * last character), so every value has one spelling.
 */
export function decodeBase64url(text: string): Uint8Array | undefined {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) return undefined;
  // atob is forgiving: it drops the unused bits of the last character, hence the round trip below.
  const bytes = Uint8Array.from(atob(text.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0));
  return encodeBase64url(bytes) === text ? bytes : undefined;
}
