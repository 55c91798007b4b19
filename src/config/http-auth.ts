/**
 * Turns an `http_config` block into the HttpConfig integrations use: the
 * Authorization header value resolved once at load, the way
 * prometheus/common's round trippers build it:
 * - authorization: `<type> <credentials>`, type defaulting to `Bearer`;
 * - bearer_token: `Bearer <token>`;
 * - basic_auth: `Basic base64(username:password)`.
 * Credentials and passwords are trimmed: Alertmanager trims them when read
 * from files (and basic_auth passwords always), and a Worker secret stored
 * with a trailing newline would otherwise make an invalid header.
 * An integration without its own http_config uses global.http_config, as a
 * whole (blocks are not merged field by field, as in Alertmanager).
 */
import type { HttpConfig } from './types.js';
import type { RawHttpConfig } from './http-config-schema.js';

/** Alertmanager's default http_config: no auth, follow redirects. */
export const DEFAULT_HTTP_CONFIG: HttpConfig = { followRedirects: true };

/** Resolves `raw`, or returns `fallback` (the global http config) when the block is absent. */
export function toHttpConfig(raw: RawHttpConfig | undefined, fallback: HttpConfig): HttpConfig {
  if (!raw) return fallback;
  const followRedirects = raw.follow_redirects ?? true;
  const authorization = authorizationHeader(raw);
  return authorization === undefined ? { followRedirects } : { followRedirects, authorization };
}

function authorizationHeader(raw: RawHttpConfig): string | undefined {
  if (raw.authorization) {
    const type = (raw.authorization.type ?? '').trim() || 'Bearer';
    return `${type} ${(raw.authorization.credentials ?? '').trim()}`;
  }
  if (raw.bearer_token) return `Bearer ${raw.bearer_token.trim()}`;
  if (raw.basic_auth) {
    const user = raw.basic_auth.username ?? '';
    const password = (raw.basic_auth.password ?? '').trim();
    return `Basic ${base64(`${user}:${password}`)}`;
  }
  return undefined;
}

/** Standard base64 of the UTF-8 bytes of `s` (what Go's SetBasicAuth sends). */
export function base64(s: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(s)) binary += String.fromCharCode(byte);
  return btoa(binary);
}
