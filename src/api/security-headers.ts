/**
 * `securityHeaders()`: headers on every response that keep browsers from
 * sniffing, framing or running what the API returns, and (over https) pin
 * the client to https. The API serves JSON and text only, so the
 * Content-Security-Policy allows nothing.
 */
import { createMiddleware } from 'hono/factory';

export interface SecurityHeadersOptions {
  /** Content-Security-Policy. Default: nothing may load, nothing may frame the response. */
  readonly contentSecurityPolicy?: string;
  /** Strict-Transport-Security, sent on https requests only. Default two years with subdomains. */
  readonly strictTransportSecurity?: string;
}

/**
 * Headers a page may choose for itself: its own CSP (nonces), and a referrer
 * policy that lets the browser send its Origin on the page's own form posts
 * (under no-referrer, Chrome sends `Origin: null`).
 */
const PAGE_SETTABLE: ReadonlySet<string> = new Set(['Content-Security-Policy', 'Referrer-Policy']);

/** Middleware adding the security headers to every response, errors included. */
export function securityHeaders(options: SecurityHeadersOptions = {}) {
  const fixed: readonly (readonly [string, string])[] = Object.entries({
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    'Referrer-Policy': 'no-referrer',
    'Content-Security-Policy': options.contentSecurityPolicy ?? "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
  });
  const hsts = options.strictTransportSecurity ?? 'max-age=63072000; includeSubDomains';
  return createMiddleware(async function securityHeaders(c, next) {
    await next();
    // A handler that serves a page may set its own Content-Security-Policy and Referrer-Policy; everything else gets the fixed ones.
    for (const [name, value] of fixed) if (!(PAGE_SETTABLE.has(name) && c.res.headers.has(name))) c.res.headers.set(name, value);
    // Request URLs are absolute and serialized (scheme in lower case): no need to parse one.
    if (c.req.url.startsWith('https:')) c.res.headers.set('Strict-Transport-Security', hsts);
  });
}
