/**
 * Errors the API answers with a 4xx: thrown by handlers for bad requests and
 * turned into a response by the app's one onError. `body` is sent as JSON,
 * in Alertmanager's shapes (`{code, message}` or a bare string).
 */
import type { ContentfulStatusCode } from 'hono/utils/http-status';

export class HttpError extends Error {
  override readonly name = 'HttpError';
  constructor(
    readonly status: ContentfulStatusCode,
    message: string,
    readonly body: unknown = { code: status, message },
    /** Extra response headers, e.g. WWW-Authenticate on a 401. */
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(message);
  }
}
