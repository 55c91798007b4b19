/**
 * The UI's session cookie. It holds a random session id and, once signed in,
 * the access token itself (the Worker keeps no session store: every request
 * checks the token again, so rotating a secret signs everyone out of it).
 *
 * Flags: HttpOnly (no script reads it), SameSite=Strict (no other site's
 * request carries it), Path=/ui (the API never sees it), Secure unless the
 * request is plain http to a loopback address in local mode (`npm start`).
 */
import { isLocal } from '../../auth/scopes.js';
import { decodeBase64url, encodeBase64url } from '../../util/base64url.js';

export const SESSION_COOKIE = 'edgealert_ui';

/** How long a signed-in session lasts in the browser: one long on-call night. */
export const SESSION_MAX_AGE_S = 12 * 3600;

/** A browser session: an id for its CSRF token, and the token it signed in with. */
export interface Session {
  /** 128 random bits, base64url. */
  readonly id: string;
  readonly token?: string;
}

const utf8 = new TextEncoder();
const ID = /^[A-Za-z0-9_-]{22}$/;

/** A new session without a token. */
export function newSession(): Session {
  return { id: encodeBase64url(crypto.getRandomValues(new Uint8Array(16))) };
}

/** The session a cookie value holds (`id` or `id.base64url(token)`), or undefined when malformed. */
export function parseSession(value: string | undefined): Session | undefined {
  if (value === undefined) return undefined;
  const [id = '', encoded, ...rest] = value.split('.');
  if (!ID.test(id) || rest.length > 0) return undefined;
  if (encoded === undefined) return { id };
  const bytes = decodeBase64url(encoded);
  if (!bytes || bytes.length === 0) return undefined;
  return { id, token: new TextDecoder().decode(bytes) };
}

/** The Set-Cookie header value storing `session` for a request to `url`. */
export function sessionCookie(session: Session, url: URL, bindings: object): string {
  const value = session.token === undefined ? session.id : `${session.id}.${encodeBase64url(utf8.encode(session.token))}`;
  // A session without a token only carries the CSRF id: it may end with the browser.
  const lifetime = session.token === undefined ? [] : [`Max-Age=${SESSION_MAX_AGE_S}`];
  const secure = plainLocalHttp(url, bindings) ? [] : ['Secure'];
  return [`${SESSION_COOKIE}=${value}`, 'Path=/ui', ...lifetime, 'HttpOnly', 'SameSite=Strict', ...secure].join('; ');
}

/** Whether the request is plain http to a loopback address in local mode: the one case a Secure cookie would not come back. */
export function plainLocalHttp(url: URL, bindings: object): boolean {
  return isLocal(bindings) && url.protocol === 'http:' && isLoopback(url.hostname);
}

function isLoopback(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname);
}
