/**
 * What PagerDuty said about a refused event (its `message` and `errors`,
 * as Alertmanager's errDetails quotes them), fit for an outcome message,
 * which is stored and shown: bounded, with the integration's own key
 * removed, and with anything shaped like a credential (a URL, or a long
 * run of letters and digits such as a key or token) replaced, in case
 * PagerDuty or a proxy echoes one. PagerDuty's explanations are short
 * sentences naming fields ("'payload.severity' is invalid"); they survive.
 */
import { parseJson } from '../../util/parse-json.js';
import { errorAnswerSchema } from './wire.js';

const MAX_DETAILS = 300;
const URL_LIKE = /\b[a-z][a-z0-9+.-]*:\/\/\S+/gi;
/** 12+ characters of a token alphabet with a digit among them: keys, tokens, webhook paths. */
const TOKEN_LIKE = /[A-Za-z0-9_+/=-]{12,}/g;

/** `message: error,error`, or undefined when the answer says nothing useful. */
export function answerDetails(body: string, secrets: readonly string[]): string | undefined {
  const parsed = parseJson(body, errorAnswerSchema, 'PagerDuty answer');
  if (!parsed.ok || (!parsed.value.message && !parsed.value.errors?.length)) return undefined;
  let text = `${parsed.value.message ?? ''}: ${(parsed.value.errors ?? []).join(',')}`;
  for (const secret of secrets) if (secret !== '') text = text.split(secret).join('<secret>');
  text = text.replace(URL_LIKE, '<url>').replace(TOKEN_LIKE, (run) => (/\d/.test(run) ? '<redacted>' : run));
  return text.length > MAX_DETAILS ? `${text.slice(0, MAX_DETAILS)}…` : text;
}
