/**
 * CSRF protection for the UI's forms, two independent checks on every POST:
 *
 * - Origin: the browser's Origin header must be this Worker's own origin
 *   (without a real one, Sec-Fetch-Site must say same-origin). Another
 *   site's form or script cannot forge either.
 * - Token: each form carries HMAC-SHA256(key = session id + token,
 *   "edgealert-ui-csrf"). The session cookie is HttpOnly and SameSite=Strict,
 *   so another site can neither read it nor send it; without the cookie's
 *   secrets the token cannot be computed. A new session (login, logout)
 *   gets a new token.
 */
import { hmacSha256, verifyHmacSha256 } from '../../util/hmac.js';
import { decodeBase64url, encodeBase64url } from '../../util/base64url.js';
import type { Session } from './cookie.js';

/** The name of the hidden form field holding the token. */
export const CSRF_FIELD = '_csrf';

const PURPOSE = 'edgealert-ui-csrf';

/** The CSRF token of a session. */
export async function csrfTokenOf(session: Session): Promise<string> {
  return encodeBase64url(await hmacSha256(keyOf(session), PURPOSE));
}

/** Whether `presented` is the session's CSRF token (compared in constant time). */
export async function csrfTokenValid(session: Session, presented: string | null): Promise<boolean> {
  const signature = decodeBase64url(presented ?? '');
  if (!signature || signature.length === 0) return false;
  return verifyHmacSha256(keyOf(session), PURPOSE, signature);
}

/**
 * Whether a POST comes from a page of this origin: the Origin header when the
 * browser sent a real one, else (none, or `null` as some referrer policies
 * make it) Sec-Fetch-Site must say same-origin.
 */
export function fromOwnOrigin(request: Request): boolean {
  const origin = request.headers.get('Origin');
  if (origin !== null && origin !== 'null') return origin === new URL(request.url).origin;
  return request.headers.get('Sec-Fetch-Site') === 'same-origin';
}

function keyOf(session: Session): string {
  return `${session.id}\n${session.token ?? ''}`;
}
