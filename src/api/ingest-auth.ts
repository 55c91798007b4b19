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

/** Ingest secrets that are bound but hold no usable credential. */
function blankSecrets(bindings: object): string[] {
  const env = bindings as Readonly<Record<string, unknown>>;
  return (['INGEST_TOKEN', 'INGEST_BASIC_AUTH'] as const).filter((name) => typeof env[name] === 'string' && listOf(env[name]).length === 0);
}

function listOf(value: unknown): string[] {
  return typeof value === 'string' ? value.split(',').map((s) => s.trim()).filter(Boolean) : [];
}

/** Refuses a request without a valid ingest credential with 401 and a message saying what is wrong. */
export const requireIngestAuth = createMiddleware<{ Bindings: Env }>(async (c, next) => {
  const misconfigured = blankSecrets(c.env);
  if (misconfigured.length > 0) {
    // Fail closed: a secret that was meant to protect ingest but holds nothing must not open it.
    throw new HttpError(500, `${misconfigured.join(' and ')} is set but holds no credential: set a value or delete the secret`);
  }
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
