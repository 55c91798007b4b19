/**
 * HMAC-SHA256 through WebCrypto (`crypto.subtle`, in Node 20 and workerd).
 * Checking is crypto.subtle.verify, which compares in constant time: a
 * signature is never compared as a string.
 */

const utf8 = new TextEncoder();

/** HMAC-SHA256 of the UTF-8 bytes of `message` under the UTF-8 bytes of `secret` (which must not be empty). */
export async function hmacSha256(secret: string, message: string): Promise<Uint8Array> {
  const key = await importKey(secret, 'sign');
  return new Uint8Array(await crypto.subtle.sign('HMAC', key, utf8.encode(message)));
}

/** Whether `signature` is the HMAC-SHA256 of `message` under `secret`; a signature of the wrong length is simply wrong. */
export async function verifyHmacSha256(secret: string, message: string, signature: Uint8Array): Promise<boolean> {
  const key = await importKey(secret, 'verify');
  return crypto.subtle.verify('HMAC', key, signature, utf8.encode(message));
}

function importKey(secret: string, usage: 'sign' | 'verify'): Promise<CryptoKey> {
  // An empty key is a caller's bug (an unset secret must switch the feature off, not sign with nothing).
  if (secret === '') throw new Error('HMAC key is empty');
  return crypto.subtle.importKey('raw', utf8.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, [usage]);
}
