/**
 * What an integration reports after one delivery attempt, and the one shared
 * classifier that decides from an HTTP status whether trying again can help.
 */

export const FAILURE_REASONS = ['clientError', 'serverError', 'rateLimited', 'networkError', 'other'] as const;
/** Alertmanager's `reason` label values on notifications_failed_total, plus rateLimited. */
export type FailureReason = (typeof FAILURE_REASONS)[number];

export type NotifyOutcome =
  | {
      readonly ok: true;
      /** Kept with the notification log entry and handed back on the group's next notification. */
      readonly memo?: Readonly<Record<string, string>>;
    }
  | {
      readonly ok: false;
      readonly retry: boolean;
      readonly reason: FailureReason;
      /** From a Retry-After header, when the receiver asked for a pause. */
      readonly retryAfterMs?: number;
      /** Safe to log: never contains a URL, token or other secret. */
      readonly message: string;
    };

/** How a receiver's API departs from the plain HTTP rules (Alertmanager's Retrier.RetryCodes). */
export interface StatusRules {
  /** Statuses besides 429 that mean "rate limited, try later" (PagerDuty's v1 API answers 403). */
  readonly rateLimited?: readonly number[];
  /** Appended to the message, e.g. the receiver's own error text (must already be free of secrets). */
  readonly details?: string;
}

/** Classifies an HTTP answer: 2xx ok; 5xx and 429 retried; other statuses are final. */
export function outcomeOfStatus(status: number, what: string, retryAfter?: string | null, rules: StatusRules = {}): NotifyOutcome {
  if (status >= 200 && status < 300) return { ok: true };
  const message = `${what}: unexpected status code ${status}${rules.details ? `: ${rules.details}` : ''}`;
  if (status === 429 || rules.rateLimited?.includes(status)) {
    const retryAfterMs = parseRetryAfter(retryAfter ?? null);
    return { ok: false, retry: true, reason: 'rateLimited', message, ...(retryAfterMs === undefined ? {} : { retryAfterMs }) };
  }
  if (status >= 500) return { ok: false, retry: true, reason: 'serverError', message };
  return { ok: false, retry: false, reason: status >= 400 ? 'clientError' : 'other', message };
}

/** A request that never got an answer (refused, reset, timed out) is worth retrying. */
export function outcomeOfNetworkError(what: string): NotifyOutcome {
  return { ok: false, retry: true, reason: 'networkError', message: `${what}: request failed before a response arrived` };
}

/** Retry-After as delay-seconds, in ms (HTTP-date is not used by the receivers we talk to). */
export function parseRetryAfter(value: string | null): number | undefined {
  if (value === null || !/^\d+$/.test(value.trim())) return undefined;
  return Number(value.trim()) * 1000;
}
