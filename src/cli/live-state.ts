/**
 * What `--url URL [--token T]` reads from a running edgealert: overrides,
 * silences, open incidents and firing alerts, each parsed with zod. Every
 * failure (no answer, 401/403, a body of another shape) is one sentence
 * naming the request; the token is sent only in the Authorization header
 * and blanked out of anything printed, in case a proxy echoes it.
 */
import * as z from 'zod';
import type { LabelSet } from '../alert/labels.js';
import { parseTime } from '../alert/time.js';
import { overrideSchema, type Override } from '../oncall/override.js';
import { postableSilenceSchema } from '../silence/postable.js';
import type { Silence } from '../silence/types.js';
import { err, ok, type Result } from '../util/result.js';

/** Exit code when the live state could not be read (1: problems found, 2: usage, 3: diff changed). */
export const LIVE_STATE_EXIT_CODE = 4;

/** Where the live state comes from. `fetch` is the global one outside tests. */
export interface LiveSource {
  readonly url: string;
  readonly token?: string | undefined;
  readonly fetch?: typeof fetch;
}

/** How long one request may take. */
const TIMEOUT_MS = 15_000;
/** How much of a non-JSON error body is quoted. */
const BODY_QUOTE_CHARS = 200;

/** The service's base URL without credentials or a trailing slash; an error for anything else. */
export function parseBaseUrl(text: string): Result<string> {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return err(`bad --url ${JSON.stringify(text)}: expected an address such as https://edgealert.example.com`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return err(`bad --url: ${url.protocol} is not http: or https:`);
  if (url.username || url.password) return err('bad --url: it holds credentials; pass the token with --token or EDGEALERT_TOKEN instead');
  return ok(`${url.origin}${url.pathname}`.replace(/\/+$/, ''));
}

/** GET `path` as JSON of `schema`'s shape. */
export async function getJson<T>(source: LiveSource, path: string, schema: z.ZodType<T>): Promise<Result<T>> {
  const request = `GET ${source.url}${path}`;
  const redact = (text: string) => (source.token ? text.split(source.token).join('<token>') : text);
  let response: Response;
  try {
    const headers: Record<string, string> = { Accept: 'application/json', ...(source.token ? { Authorization: `Bearer ${source.token}` } : {}) };
    response = await (source.fetch ?? fetch)(`${source.url}${path}`, { headers, signal: AbortSignal.timeout(TIMEOUT_MS) });
  } catch (e) {
    return err(redact(`${request}: ${networkFailure(e)}`));
  }
  const body = await response.text().catch(() => '');
  if (!response.ok) return err(redact(`${request}: ${response.status} ${response.statusText}: ${errorMessage(body)}${authHint(response.status, source.token)}`));
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return err(redact(`${request}: the answer is not JSON (is ${source.url} an edgealert?)`));
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) return err(redact(`${request}: unexpected answer (${parsed.error.issues[0]?.message ?? 'bad shape'} at ${parsed.error.issues[0]?.path.join('.') || 'top level'})`));
  return ok(parsed.data);
}

/** Every override the service holds (ended ones too, for a while). */
export function fetchOverrides(source: LiveSource): Promise<Result<Override[]>> {
  return getJson(source, '/api/v1/overrides', z.array(overrideSchema));
}

const gettableSilenceSchema = postableSilenceSchema.extend({ id: z.string(), updatedAt: z.string() });

/** Every silence the service holds (GET /api/v2/silences, Alertmanager's shape), times as epoch ms. */
export async function fetchSilences(source: LiveSource): Promise<Result<Silence[]>> {
  const silences = await getJson(source, '/api/v2/silences', z.array(gettableSilenceSchema));
  if (!silences.ok) return silences;
  return ok(silences.value.map((s) => ({ ...s, updatedAt: parseTime(s.updatedAt) ?? 0 })));
}

/** An incident as far as the CLI reads one. */
export interface LiveIncident {
  readonly id: string;
  readonly policy: string;
  readonly receiver: string;
}

/** Incidents still open (triggered or acknowledged). */
export function fetchOpenIncidents(source: LiveSource): Promise<Result<LiveIncident[]>> {
  return getJson(source, '/api/v1/incidents?status=open', z.array(z.object({ id: z.string(), policy: z.string(), receiver: z.string() })));
}

/** The label sets of the alerts firing on the service. */
export async function fetchFiringLabelSets(source: LiveSource): Promise<Result<LabelSet[]>> {
  const alerts = await getJson(source, '/api/v2/alerts', z.array(z.object({ labels: z.record(z.string(), z.string()) })));
  return alerts.ok ? ok(alerts.value.map((a) => a.labels)) : alerts;
}

/** Why a request got no answer, from Node's fetch error and its cause. */
function networkFailure(e: unknown): string {
  const error = e as Error & { cause?: { code?: string; message?: string } };
  if (error.name === 'TimeoutError') return `no answer within ${TIMEOUT_MS / 1000}s`;
  const code = error.cause?.code;
  if (code === 'ECONNREFUSED') return 'connection refused (is edgealert running at that address?)';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'host not found';
  if (code === 'ECONNRESET') return 'connection reset';
  return error.cause?.message ?? error.message;
}

/** `{code, message}` or a bare JSON string (the API's error shapes), else the start of the body. */
function errorMessage(body: string): string {
  try {
    const json = JSON.parse(body) as unknown;
    if (typeof json === 'string') return json;
    if (json && typeof json === 'object' && typeof (json as { message?: unknown }).message === 'string') return (json as { message: string }).message;
  } catch {
    // Not JSON: an HTML page from a proxy, say.
  }
  const text = body.trim().split('\n')[0] ?? '';
  return text.length > BODY_QUOTE_CHARS ? `${text.slice(0, BODY_QUOTE_CHARS)}...` : text || '(empty body)';
}

function authHint(status: number, token: string | undefined): string {
  if (status === 401) return token ? ' (check --token or EDGEALERT_TOKEN)' : ' (pass a read token with --token or EDGEALERT_TOKEN)';
  if (status === 403) return ' (the token needs the read scope)';
  return '';
}
