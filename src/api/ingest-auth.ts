/**
 * Authentication for the ingest endpoints (POST /api/v2/alerts and
 * /webhook/alertmanager): Worker secrets INGEST_TOKEN (bearer; several may be
 * given separated by commas, for rotation) and INGEST_BASIC_AUTH
 * (`user:password`, likewise). With neither set, ingest is open.
 */
import { createMiddleware } from 'hono/factory';
import { checkAuthorization, type AcceptedCredentials } from '../auth/credentials.js';
import { HttpError } from './http-error.js';

/** The credentials the ingest endpoints accept, from the Worker's secrets. */
export function ingestCredentials(bindings: object): AcceptedCredentials {
  const env = bindings as Readonly<Record<string, unknown>>;
  return { tokens: listOf(env.INGEST_TOKEN), basic: listOf(env.INGEST_BASIC_AUTH) };
}

function listOf(value: unknown): string[] {
  return typeof value === 'string' ? value.split(',').map((s) => s.trim()).filter(Boolean) : [];
}

/** Refuses a request without a valid ingest credential with 401 and a message saying what is wrong. */
export const requireIngestAuth = createMiddleware<{ Bindings: Env }>(async (c, next) => {
  const outcome = await checkAuthorization(c.req.header('Authorization') ?? null, ingestCredentials(c.env));
  if (outcome === 'missing' || outcome === 'wrong') {
    const message =
      outcome === 'missing'
        ? 'authentication required: send an ingest token as "Authorization: Bearer <token>" or Basic credentials'
        : 'the ingest credentials sent are not valid';
    throw new HttpError(401, message, { code: 401, message }, { 'WWW-Authenticate': 'Bearer realm="edgealert", Basic realm="edgealert"' });
  }
  await next();
});
