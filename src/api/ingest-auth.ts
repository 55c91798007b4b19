/**
 * Authentication for the ingest endpoints (POST /api/v2/alerts,
 * /webhook/alertmanager, heartbeat pings): the ingest scope, granted by the
 * Worker secrets INGEST_TOKEN (bearer), INGEST_BASIC_AUTH (`user:password`)
 * and ADMIN_TOKEN, each a comma-separated list for rotation.
 */
import { requireScope } from './require-scope.js';

/** Refuses a request without a valid ingest credential (see require-scope.ts). */
export const requireIngestAuth = requireScope('ingest');
