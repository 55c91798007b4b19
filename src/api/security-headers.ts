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

/** Middleware adding the security headers to every response, errors included. */
export function securityHeaders(options: SecurityHeadersOptions = {}) {
  const fixed: Readonly<Record<string, string>> = {
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    'Referrer-Policy': 'no-referrer',
    'Content-Security-Policy': options.contentSecurityPolicy ?? "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
  };
  const hsts = options.strictTransportSecurity ?? 'max-age=63072000; includeSubDomains';
  return createMiddleware(async function securityHeaders(c, next) {
    await next();
    // A handler that serves a page may set its own Content-Security-Policy; everything else gets the fixed one.
    for (const [name, value] of Object.entries(fixed)) if (!(name === 'Content-Security-Policy' && c.res.headers.has(name))) c.res.headers.set(name, value);
    if (new URL(c.req.url).protocol === 'https:') c.res.headers.set('Strict-Transport-Security', hsts);
  });
}
