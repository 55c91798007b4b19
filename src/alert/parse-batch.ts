/**
 * A POST /api/v2/alerts body, checked the way Alertmanager checks it: a body
 * that is not a well-formed alert list is rejected whole (nothing stored);
 * then each alert is defaulted and validated on its own, so the valid ones
 * are kept and the invalid ones reported together.
 */
import type { z } from 'zod';
import { normalizeAlert, postableAlertsSchema, type IngestContext } from './postable.js';
import type { Alert } from './types.js';
import { err, ok, type Result } from '../util/result.js';

/** Why a whole body was refused, with Alertmanager's status and body shape. */
export interface BodyRejection {
  readonly status: 400 | 422;
  readonly body: { code: number; message: string };
}

export interface ParsedBatch {
  readonly alerts: Alert[];
  /** One message per invalid alert, Alertmanager's wording. */
  readonly invalid: string[];
}

/** Parses the JSON text of a body into valid alerts and per-alert errors. */
export function parseAlertBatch(text: string, ctx: IngestContext): Result<ParsedBatch, BodyRejection> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return err(reject(400, 400, `parsing alerts body failed: ${(e as Error).message}`));
  }
  const parsed = postableAlertsSchema.safeParse(json, { reportInput: true });
  if (!parsed.success) return err(rejectionOf(parsed.error.issues));
  const alerts: Alert[] = [];
  const invalid: string[] = [];
  for (const posted of parsed.data) {
    const alert = normalizeAlert(posted, ctx);
    if (alert.ok) alerts.push(alert.value);
    else invalid.push(alert.error);
  }
  return ok({ alerts, invalid });
}

/** A missing required field is 422 (code 602) as in Alertmanager; any other shape problem is 400. */
function rejectionOf(issues: readonly z.core.$ZodIssue[]): BodyRejection {
  const first = issues[0];
  const path = first ? first.path.map(String).join('.') : '';
  if (first?.code === 'invalid_type' && first.input === undefined) {
    return reject(422, 602, `${path} in body is required`);
  }
  const messages = issues.slice(0, 5).map((i) => `${i.path.map(String).join('.') || 'body'}: ${i.message}`);
  return reject(400, 400, `invalid alerts body: ${messages.join('; ')}`);
}

function reject(status: 400 | 422, code: number, message: string): BodyRejection {
  return { status, body: { code, message } };
}
