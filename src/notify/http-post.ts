/**
 * One POST of a JSON body to a receiver, turned into a NotifyOutcome by the
 * shared status classifier. Shared by every HTTP integration: `postJson`
 * when the status says it all, `postJsonAnswer` when the integration must
 * read the answer (Slack's Web API says "ok": false with a 200, PagerDuty
 * explains a 400).
 */
import type { HttpConfig } from '../config/types.js';
import type { HttpClient } from './integration.js';
import { outcomeOfNetworkError, outcomeOfStatus, type NotifyOutcome, type StatusRules } from './outcome.js';

export const USER_AGENT = 'edgealert/0.1';

/** Answers are read up to this many bytes: enough for any vendor's error, never a memory hazard. */
export const MAX_ANSWER_BYTES = 64 * 1024;

export interface PostOptions {
  /** Integration name for messages (never the URL: it may carry a token). */
  readonly what: string;
  readonly http: HttpConfig;
  readonly headers?: Readonly<Record<string, string>>;
}

/** A receiver's answer, its body read (at most MAX_ANSWER_BYTES), or the outcome of getting none. */
export type PostAnswer =
  | { readonly answered: true; readonly status: number; readonly headers: Headers; readonly body: string }
  | { readonly answered: false; readonly outcome: NotifyOutcome };

/** POSTs `body` as JSON and classifies the answer; the response body is drained, not kept. */
export async function postJson(
  client: HttpClient,
  url: string,
  body: string,
  options: PostOptions,
  rules?: StatusRules,
): Promise<NotifyOutcome> {
  const response = await send(client, url, body, options);
  if (!response) return outcomeOfNetworkError(options.what);
  await response.body?.cancel();
  return outcomeOfStatus(response.status, options.what, response.headers.get('Retry-After'), rules);
}

/** POSTs `body` as JSON and returns the answer with its body, for integrations that must read it. */
export async function postJsonAnswer(client: HttpClient, url: string, body: string, options: PostOptions): Promise<PostAnswer> {
  const response = await send(client, url, body, options);
  if (!response) return { answered: false, outcome: outcomeOfNetworkError(options.what) };
  try {
    return { answered: true, status: response.status, headers: response.headers, body: await readBounded(response) };
  } catch {
    return { answered: false, outcome: outcomeOfNetworkError(options.what) };
  }
}

/** The client with a W3C `traceparent` header added to every request (the notification's span). */
export function withTraceparent(client: HttpClient, traceparent: string): HttpClient {
  return (url, init) => {
    const headers = new Headers(init.headers);
    headers.set('traceparent', traceparent);
    return client(url, { ...init, headers });
  };
}

/**
 * The client with each request aborted after `ms`: a flush's attempts end
 * with its deadline, as Alertmanager's end with the flush's context. An
 * aborted request is a network error (retried while the deadline allows).
 */
export function withTimeout(client: HttpClient, ms: number): HttpClient {
  return (url, init) => client(url, { ...init, signal: AbortSignal.timeout(Math.max(1, Math.ceil(ms))) });
}

async function send(client: HttpClient, url: string, body: string, options: PostOptions): Promise<Response | undefined> {
  const headers: Record<string, string> = {
    'Content-Type': 'application/json',
    'User-Agent': USER_AGENT,
    ...options.headers,
  };
  if (options.http.authorization) headers.Authorization = options.http.authorization;
  try {
    return await client(url, {
      method: 'POST',
      headers,
      body,
      redirect: options.http.followRedirects ? 'follow' : 'manual',
    });
  } catch {
    return undefined;
  }
}

async function readBounded(response: Response): Promise<string> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  while (size < MAX_ANSWER_BYTES) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    size += value.byteLength;
  }
  await reader.cancel();
  const bytes = new Uint8Array(Math.min(size, MAX_ANSWER_BYTES));
  let at = 0;
  for (const chunk of chunks) {
    const part = chunk.subarray(0, bytes.length - at);
    bytes.set(part, at);
    at += part.length;
  }
  return new TextDecoder().decode(bytes);
}
