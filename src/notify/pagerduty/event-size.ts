/**
 * PagerDuty refuses events over 512 KB. Like Alertmanager 0.25, an event
 * that is too big is sent with its details replaced by one explaining note;
 * unlike Alertmanager, one still too big (a huge summary cannot be: it is
 * cut at 1024 characters, but links and images can) is not sent at all,
 * since PagerDuty would refuse it anyway.
 * https://developer.pagerduty.com/docs/events-api-v2/overview/#api-limits
 */
import { err, ok, type Result } from '../../util/result.js';
import { goJson } from '../go-json.js';
import { withDetails } from './payload.js';
import type { PagerdutyMessage } from './wire.js';

/** Alertmanager's limit (maxEventSize), in bytes of the encoded event. */
export const MAX_EVENT_BYTES = 512_000;

/** The note that replaces the details, word for word as Alertmanager writes it (units.MetricBytes prints 512KB). */
export const DETAILS_REMOVED = 'Custom details have been removed because the original event exceeds the maximum size of 512KB';

export interface EncodedEvent {
  readonly body: string;
  /** The details were replaced to fit. */
  readonly detailsRemoved: boolean;
}

/** The encoded event, fitted under the limit; or its size when even the fitted event is too big. */
export function encodeEvent(message: PagerdutyMessage): Result<EncodedEvent, { readonly bytes: number }> {
  const body = goJson(message);
  if (byteLength(body) <= MAX_EVENT_BYTES) return ok({ body, detailsRemoved: false });
  const fitted = goJson(withDetails(message, { error: DETAILS_REMOVED }));
  const bytes = byteLength(fitted);
  return bytes <= MAX_EVENT_BYTES ? ok({ body: fitted, detailsRemoved: true }) : err({ bytes });
}

function byteLength(text: string): number {
  return new TextEncoder().encode(text).length;
}
