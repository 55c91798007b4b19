/**
 * `authFailureLimit()`: after too many failed authentication attempts from
 * one client IP (CF-Connecting-IP; requests without it are not limited) within a minute, answers 429 with
 * Retry-After before checking anything. A failure is a 401 answered to a
 * request that sent an Authorization header (a guess), or whose handler set
 * `credentialsChecked` (the UI's sign-in form and session cookie); a request
 * sending none is told how to authenticate and is not counted.
 */
import { createMiddleware } from 'hono/factory';
import { FailureLimiter, type FailureLimiterOptions } from '../auth/failure-limiter.js';
import { HttpError } from './http-error.js';

declare module 'hono' {
  interface ContextVariableMap {
    /** Set by handlers that checked a credential sent other than in Authorization: their 401 counts as a failed attempt. */
    credentialsChecked: boolean;
  }
}

export interface AuthFailureLimitOptions extends FailureLimiterOptions {
  /** The per-isolate state; one is made per middleware by default. */
  readonly limiter?: FailureLimiter;
  /** The clock. Default Date.now. */
  readonly now?: () => number;
}

/** Middleware refusing clients with too many recent failed attempts (429 + Retry-After). */
export function authFailureLimit(options: AuthFailureLimitOptions = {}) {
  const limiter = options.limiter ?? new FailureLimiter(options);
  const now = options.now ?? (() => Date.now());
  return createMiddleware(async function authFailureLimit(c, next) {
    const client = c.req.header('CF-Connecting-IP');
    // Cloudflare sets it on every request; without it (tests, some local setups) there is no client to count.
    if (client === undefined) return next();
    const wait = limiter.retryAfter(client, now());
    if (wait > 0) {
      const message = `too many failed authentication attempts from ${client}: try again in ${wait}s`;
      throw new HttpError(429, message, { code: 429, message }, { 'Retry-After': String(wait) });
    }
    await next();
    const guessed = c.req.header('Authorization') !== undefined || c.get('credentialsChecked') === true;
    if (c.res.status === 401 && guessed) limiter.fail(client, now());
  });
}
