/**
 * A webhook receiver for tests: records every request it gets and answers
 * 200, or the status codes it was told to use for the next requests (to make
 * the sender retry).
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request as the capture server saw it. */
export interface CapturedRequest {
  readonly method: string;
  /** Path and query string, e.g. `/hook/team-a`. */
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  /** The body parsed as JSON, or the raw text if it is not JSON. */
  readonly body: unknown;
  /** The body exactly as received (UTF-8). */
  readonly rawBody: string;
  /** Wall-clock arrival time of the request line (Date.now()). */
  readonly receivedAt: number;
  /** Milliseconds since the server's epoch (see `CaptureServer.epoch`). */
  readonly at: number;
  /** The status code the server answered with. */
  readonly status: number;
}

/** A running capture server. */
export interface CaptureServer {
  /** Every request received so far, in arrival order. */
  readonly requests: readonly CapturedRequest[];
  /** Wall-clock ms (Date.now()) that `CapturedRequest.at` counts from. */
  readonly epoch: number;
  /** Makes `at` count from this wall-clock ms (for past requests too). */
  setEpoch(epochMs: number): void;
  /** The absolute URL of `path` on this server. */
  url(path?: string): string;
  /** Answers the next `count` requests with `status` (queued after earlier calls). */
  respondWith(status: number, count?: number): void;
  /** Resolves with the first request matching `predicate`, waiting up to `timeoutMs`. */
  waitFor(predicate: (request: CapturedRequest) => boolean, timeoutMs: number): Promise<CapturedRequest>;
  /** Forgets recorded requests and queued status codes. */
  reset(): void;
  close(): Promise<void>;
}

/**
 * Starts a capture server on 127.0.0.1 on a free port. Arrival times count
 * from `epochMs` (default: now) until `setEpoch` moves it.
 */
export async function startCaptureServer(epochMs = Date.now()): Promise<CaptureServer> {
  const received: Omit<CapturedRequest, 'at'>[] = [];
  const queuedStatuses: number[] = [];
  const waiters = new Set<() => void>();
  let epoch = epochMs;
  const requests = (): CapturedRequest[] => received.map((r) => ({ ...r, at: r.receivedAt - epoch }));

  const server: Server = createServer((req, res) => {
    const receivedAt = Date.now();
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const status = queuedStatuses.shift() ?? 200;
      const rawBody = Buffer.concat(chunks).toString('utf8');
      received.push({
        method: req.method ?? 'GET',
        path: req.url ?? '/',
        headers: req.headers,
        body: parseBody(rawBody),
        rawBody,
        receivedAt,
        status,
      });
      res.writeHead(status, { 'content-type': 'text/plain' }).end(status < 300 ? 'ok' : 'failing on purpose');
      for (const wake of waiters) wake();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    // Longer than any gap between notifications in a timeline: Node's 5 s default
    // closes a keep-alive connection just as a sender reuses it (a reset, then a late retry).
    server.keepAliveTimeout = 60_000;
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    get requests() {
      return requests();
    },
    get epoch() {
      return epoch;
    },
    setEpoch(newEpoch) {
      epoch = newEpoch;
    },
    url: (path = '/') => `http://127.0.0.1:${port}${path.startsWith('/') ? path : `/${path}`}`,
    respondWith(status, count = 1) {
      for (let i = 0; i < count; i++) queuedStatuses.push(status);
    },
    waitFor: (predicate, timeoutMs) => waitForRequest(requests, waiters, predicate, timeoutMs),
    reset() {
      received.length = 0;
      queuedStatuses.length = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function parseBody(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function waitForRequest(
  requests: () => readonly CapturedRequest[],
  waiters: Set<() => void>,
  predicate: (request: CapturedRequest) => boolean,
  timeoutMs: number,
): Promise<CapturedRequest> {
  return new Promise((resolve, reject) => {
    const check = (): boolean => {
      const found = requests().find(predicate);
      if (found === undefined) return false;
      clearTimeout(timer);
      waiters.delete(check);
      resolve(found);
      return true;
    };
    const timer = setTimeout(() => {
      waiters.delete(check);
      reject(new Error(`no matching request within ${timeoutMs} ms (${requests().length} received)`));
    }, timeoutMs);
    waiters.add(check);
    check();
  });
}
