/**
 * Whether a failed email is worth sending again, the email counterpart of
 * outcomeOfStatus:
 *
 * | failure                                      | retry | reason       |
 * | -------------------------------------------- | ----- | ------------ |
 * | connection refused, reset, closed, timed out,
 *   TLS handshake failed                          | yes   | networkError |
 * | SMTP 4xx reply (transient, RFC 5321 4.2.1)    | yes   | serverError  |
 * | SMTP 5xx reply (permanent: bad address,
 *   authentication failed, policy)               | no    | clientError  |
 * | other codes, malformed replies, no STARTTLS
 *   when TLS is required, no usable AUTH         | no    | other        |
 * | send_email binding: rate limit               | yes   | rateLimited  |
 * | send_email binding: internal/unavailable      | yes   | serverError  |
 * | send_email binding: any other E_* code        | no    | clientError  |
 *
 * Alertmanager 0.25 retries nearly every SMTP failure; a 5xx answer will
 * not change on its own, so edgealert stops. Messages never carry a
 * credential: the caller scrubs them (scrubCredentials).
 */
import type { NotifyOutcome } from '../outcome.js';
import { describeSmtpFailure, type SmtpFailure } from './smtp/failure.js';
import { toBase64 } from './smtp/auth.js';

const WHAT = 'email';

/** The outcome of a failed SMTP delivery. */
export function outcomeOfSmtpFailure(failure: SmtpFailure): NotifyOutcome {
  const message = `${WHAT}: ${describeSmtpFailure(failure)}`;
  if (failure.kind === 'network') return { ok: false, retry: true, reason: 'networkError', message };
  if (failure.kind === 'reply' && failure.code >= 400 && failure.code < 500) return { ok: false, retry: true, reason: 'serverError', message };
  if (failure.kind === 'reply' && failure.code >= 500) return { ok: false, retry: false, reason: 'clientError', message };
  return { ok: false, retry: false, reason: 'other', message };
}

/**
 * The outcome of an error thrown by a send_email binding. Its `code`
 * values are listed at
 * https://developers.cloudflare.com/email-service/api/send-emails/workers-api/
 */
export function outcomeOfBindingError(error: unknown): NotifyOutcome {
  const code = typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
  const text = error instanceof Error ? error.message : String(error);
  const message = `${WHAT}: send_email binding: ${code ? `${code}: ` : ''}${text}`;
  if (code !== undefined) {
    if (/RATE_LIMIT|DAILY_LIMIT|QUOTA/.test(code)) return { ok: false, retry: true, reason: 'rateLimited', message };
    if (/INTERNAL|UNAVAILABLE|TIMEOUT|TEMPORARY/.test(code)) return { ok: false, retry: true, reason: 'serverError', message };
    return { ok: false, retry: false, reason: 'clientError', message };
  }
  // No code: the call itself failed (the runtime lost the connection to the email service) or refused the message.
  if (/network|connection|internal error|timed? ?out|overloaded/i.test(text)) return { ok: false, retry: true, reason: 'networkError', message };
  return { ok: false, retry: false, reason: 'other', message };
}

/** A failure that happened before anything was sent (rendering, addresses, no transport). */
export function outcomeOfSetup(problem: string): NotifyOutcome {
  return { ok: false, retry: false, reason: 'other', message: `${WHAT}: ${problem}` };
}

const MAX_MESSAGE = 300;

/**
 * Replaces every credential (as is, and base64-encoded as AUTH sends it)
 * with `<secret>`, drops control characters and caps the length: server
 * replies are quoted in messages and must never echo a password.
 */
export function scrubCredentials(outcome: NotifyOutcome, credentials: readonly string[]): NotifyOutcome {
  if (outcome.ok) return outcome;
  const needles = credentials
    .filter((c) => c !== '')
    .flatMap((c) => [c, toBase64(new TextEncoder().encode(c))])
    .sort((a, b) => b.length - a.length);
  let message = needles.reduce((m, needle) => m.split(needle).join('<secret>'), outcome.message);
  message = message.replace(/[\u0000-\u001f\u007f]+/g, ' ');
  if (message.length > MAX_MESSAGE) message = `${message.slice(0, MAX_MESSAGE - 1)}…`;
  return { ...outcome, message };
}
