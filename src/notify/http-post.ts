/**
 * One POST of a JSON body to a receiver, turned into a NotifyOutcome by the
 * shared status classifier. Shared by every HTTP integration.
 */
import type { HttpConfig } from '../config/types.js';
import type { HttpClient } from './integration.js';
import { outcomeOfNetworkError, outcomeOfStatus, type NotifyOutcome } from './outcome.js';

export const USER_AGENT = 'edgealert/0.1';

export interface PostOptions {
  /** Integration name for messages (never the URL: it may carry a token). */
  readonly what: string;
  readonly http: HttpConfig;
  readonly headers?: Readonly<Record<string, string>>;
}

/** POSTs `body` as JSON and classifies the answer; the response body is drained, not kept. */
export async function postJson(client: HttpClient, url: string, body: string, options: PostOptions): Promise<NotifyOutcome> {
  const headers: Record<string, string> = {
    'Content-Type': 'application/json',
    'User-Agent': USER_AGENT,
    ...options.headers,
  };
  if (options.http.authorization) headers.Authorization = options.http.authorization;
  let response: Response;
  try {
    response = await client(url, {
      method: 'POST',
      headers,
      body,
      redirect: options.http.followRedirects ? 'follow' : 'manual',
    });
  } catch {
    return outcomeOfNetworkError(options.what);
  }
  await response.body?.cancel();
  return outcomeOfStatus(response.status, options.what, response.headers.get('Retry-After'));
}
