/**
 * Turns an `http_config` block into the HttpConfig integrations use: where
 * the Authorization header comes from (`auth`, as configured) and the header
 * itself, made the way prometheus/common's round trippers make it:
 * - authorization: `<type> <credentials>`, type defaulting to `Bearer`;
 * - bearer_token: `Bearer <token>`;
 * - basic_auth: `Basic base64(username:password)`.
 * Credentials and passwords are trimmed: Alertmanager trims them when read
 * from files (and basic_auth passwords always), and a Worker secret stored
 * with a trailing newline would otherwise make an invalid header.
 * The header is derived from secrets, so it is made again once the Worker
 * has them (`withAuthorization`): the build only has placeholders.
 * An integration without its own http_config uses global.http_config, as a
 * whole (blocks are not merged field by field, as in Alertmanager).
 */
import type { Config, HttpAuth, HttpConfig, Integration } from './types.js';
import type { RawHttpConfig } from './http-config-schema.js';

/** Alertmanager's default http_config: no auth, follow redirects. */
export const DEFAULT_HTTP_CONFIG: HttpConfig = { followRedirects: true };

/** Resolves `raw`, or returns `fallback` (the global http config) when the block is absent. */
export function toHttpConfig(raw: RawHttpConfig | undefined, fallback: HttpConfig): HttpConfig {
  if (!raw) return fallback;
  const followRedirects = raw.follow_redirects ?? true;
  const auth = httpAuth(raw);
  return auth === undefined ? { followRedirects } : withAuthorization({ followRedirects, auth });
}

/** `http` with its Authorization header made from its `auth` (none without it). */
export function withAuthorization(http: HttpConfig): HttpConfig {
  const { authorization: _derived, ...rest } = http;
  const authorization = rest.auth === undefined ? undefined : authorizationHeader(rest.auth);
  return authorization === undefined ? rest : { ...rest, authorization };
}

/** `config` with `f` applied to global.http and to the http of every integration that has one. */
export function mapHttpConfigs<C extends Pick<Config, 'global' | 'receivers'>>(config: C, f: (http: HttpConfig) => HttpConfig): C {
  const integration = (i: Integration): Integration => ('http' in i ? { ...i, http: f(i.http) } : i);
  return {
    ...config,
    global: { ...config.global, http: f(config.global.http) },
    receivers: new Map([...config.receivers].map(([name, r]) => [name, { ...r, integrations: r.integrations.map(integration) }])),
  };
}

/** The Authorization header value for `auth` (none for an empty bearer_token). */
export function authorizationHeader(auth: HttpAuth): string | undefined {
  if (auth.scheme === 'basic') return `Basic ${base64(`${auth.username}:${auth.password.trim()}`)}`;
  if (auth.scheme === 'bearer') return auth.token === '' ? undefined : `Bearer ${auth.token.trim()}`;
  return `${auth.type.trim() || 'Bearer'} ${auth.credentials.trim()}`;
}

function httpAuth(raw: RawHttpConfig): HttpAuth | undefined {
  if (raw.authorization) return { scheme: 'credentials', type: raw.authorization.type ?? '', credentials: raw.authorization.credentials ?? '' };
  if (raw.bearer_token) return { scheme: 'bearer', token: raw.bearer_token };
  if (raw.basic_auth) return { scheme: 'basic', username: raw.basic_auth.username ?? '', password: raw.basic_auth.password ?? '' };
  return undefined;
}

/** Standard base64 of the UTF-8 bytes of `s` (what Go's SetBasicAuth sends). */
export function base64(s: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(s)) binary += String.fromCharCode(byte);
  return btoa(binary);
}
