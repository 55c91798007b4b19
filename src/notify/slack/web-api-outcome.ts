/**
 * What a Slack Web API answer (chat.postMessage, chat.update) means for a
 * delivery. The Web API answers most errors with HTTP 200 and
 * `{"ok": false, "error": "..."}`, so the status alone cannot tell:
 * - an HTTP error status goes to the shared classifier (429 honours
 *   Retry-After, 5xx retried, other 4xx final);
 * - `ok: false`: rate limiting and Slack-side failures are retried, every
 *   other error (bad token, unknown channel, ...) is final;
 * - `ok: true`: delivered; the message's channel id and ts become the memo
 *   the next notification of the group edits.
 * https://api.slack.com/web#evaluating_responses, https://api.slack.com/apis/rate-limits
 */
import type { PostAnswer } from '../http-post.js';
import { outcomeOfStatus, parseRetryAfter, type NotifyOutcome } from '../outcome.js';
import { parseJson } from '../../util/parse-json.js';
import { webApiAnswerSchema } from './wire.js';

export const WEB_API_METHODS = ['chat.postMessage', 'chat.update'] as const;
export type WebApiMethod = (typeof WEB_API_METHODS)[number];

/** Errors that mean "later": Slack's rate limit. */
const RATE_LIMITED = ['ratelimited', 'rate_limited'];
/** Errors that are Slack's own trouble, worth another try. */
const SLACK_SIDE = ['internal_error', 'fatal_error', 'service_unavailable', 'request_timeout'];

/** chat.update errors after which the message is posted anew instead. */
export const MESSAGE_GONE = ['message_not_found', 'cant_update_message', 'edit_window_closed', 'channel_not_found'];

/** The error code of an `ok: false` answer, if that is what it is. */
export function webApiError(answer: Extract<PostAnswer, { answered: true }>): string | undefined {
  const parsed = parseAnswer(answer.body);
  return parsed && !parsed.ok ? safeCode(parsed.error) : undefined;
}

/**
 * The outcome of one Web API call; `status` is the notification's
 * ("firing" or "resolved"), kept in the memo so a resolved message is
 * never re-opened by a later firing notification.
 */
export function webApiOutcome(method: WebApiMethod, answer: PostAnswer, status: string): NotifyOutcome {
  if (!answer.answered) return answer.outcome;
  const what = `slack ${method}`;
  const retryAfter = answer.headers.get('Retry-After');
  const parsed = parseAnswer(answer.body);
  if (answer.status < 200 || answer.status >= 300) {
    const code = parsed && !parsed.ok ? safeCode(parsed.error) : undefined;
    return outcomeOfStatus(answer.status, what, retryAfter, code ? { details: code } : {});
  }
  if (!(answer.headers.get('Content-Type') ?? '').startsWith('application/json')) {
    // An incoming webhook (or a proxy) answers plain text: "ok" means sent.
    if (answer.body.trim() === 'ok') return { ok: true };
    return { ok: false, retry: false, reason: 'other', message: `${what}: the answer is not the Web API's JSON (is app_url a chat.postMessage URL?)` };
  }
  if (!parsed) return { ok: false, retry: true, reason: 'other', message: `${what}: the answer is not valid JSON` };
  if (parsed.ok) {
    return parsed.channel && parsed.ts ? { ok: true, memo: { channel: parsed.channel, ts: parsed.ts, status } } : { ok: true };
  }
  return errorOutcome(what, safeCode(parsed.error) ?? 'unknown_error', retryAfter);
}

function errorOutcome(what: string, code: string, retryAfter: string | null): NotifyOutcome {
  const message = `${what}: Slack answered error "${code}"`;
  if (RATE_LIMITED.includes(code)) {
    const retryAfterMs = parseRetryAfter(retryAfter);
    return { ok: false, retry: true, reason: 'rateLimited', message, ...(retryAfterMs === undefined ? {} : { retryAfterMs }) };
  }
  if (SLACK_SIDE.includes(code)) return { ok: false, retry: true, reason: 'serverError', message };
  return { ok: false, retry: false, reason: 'clientError', message };
}

function parseAnswer(body: string) {
  const parsed = parseJson(body, webApiAnswerSchema, 'Slack answer');
  return parsed.ok ? parsed.value : undefined;
}

/** Slack's error codes are snake_case words; anything else is not repeated (it could echo a request). */
function safeCode(code: string | undefined): string | undefined {
  return code !== undefined && /^[a-z0-9_]{1,64}$/.test(code) ? code : undefined;
}
