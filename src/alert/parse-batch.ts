/**
 * A POST /api/v2/alerts body, checked the way Alertmanager checks it: a body
 * that is not a well-formed alert list is rejected whole (nothing stored);
 * then each alert is defaulted and validated on its own, so the valid ones
 * are kept and the invalid ones reported together.
 */
import { parseJson, type BodyRejection } from '../util/parse-json.js';
import { err, ok, type Result } from '../util/result.js';
import { normalizeAlert, postableAlertsSchema, wellFormedPostableAlerts, type IngestContext } from './postable.js';
import type { Alert } from './types.js';

export interface ParsedBatch {
  readonly alerts: Alert[];
  /** One message per invalid alert, Alertmanager's wording. */
  readonly invalid: string[];
}

/** Parses the JSON text of a body into valid alerts and per-alert errors. */
export function parseAlertBatch(text: string, ctx: IngestContext): Result<ParsedBatch, BodyRejection> {
  const parsed = parseJson(text, postableAlertsSchema, 'alerts', wellFormedPostableAlerts);
  if (!parsed.ok) return err(parsed.error);
  const alerts: Alert[] = [];
  const invalid: string[] = [];
  for (const posted of parsed.value) {
    const alert = normalizeAlert(posted, ctx);
    if (alert.ok) alerts.push(alert.value);
    else invalid.push(alert.error);
  }
  return ok({ alerts, invalid });
}
