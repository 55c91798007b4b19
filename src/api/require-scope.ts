/**
 * `requireScope(scope)`: refuses a request whose credentials do not grant the
 * scope the endpoint needs (src/auth/authorize.ts decides). 401 with
 * WWW-Authenticate for missing or invalid credentials, 403 for a valid
 * credential of another scope or a deployed Worker with none configured,
 * 500 for a secret bound but blank.
 */
import { createMiddleware } from 'hono/factory';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { authorize, type RefusalReason } from '../auth/authorize.js';
import type { Scope } from '../auth/scopes.js';
import { HttpError } from './http-error.js';

const STATUS: Record<RefusalReason, ContentfulStatusCode> = { misconfigured: 500, unconfigured: 403, missing: 401, wrong: 401, wrong_scope: 403 };

/** Middleware letting through only requests whose credentials grant `scope`. */
export function requireScope(scope: Scope) {
  return createMiddleware<{ Bindings: Env }>(async function requireScope(c, next) {
    const decision = await authorize(c.env, scope, c.req.header('Authorization') ?? null);
    if (!decision.allowed) {
      const status = STATUS[decision.reason];
      const realm = scope === 'ingest' ? 'Bearer realm="edgealert", Basic realm="edgealert"' : 'Bearer realm="edgealert"';
      throw new HttpError(status, decision.message, { code: status, message: decision.message }, status === 401 ? { 'WWW-Authenticate': realm } : {});
    }
    await next();
  });
}
