/**
 * The webhook receiver the Worker under test talks to. It runs in Node, in
 * the Vitest process: Miniflare sends every outbound `fetch()` of the Worker
 * (and of its Durable Objects) to `outbound`, which records the request and
 * answers with the first scripted answer that applies to it (200 when none).
 * Tests reach `control` through the RECEIVER service binding to read what was
 * recorded and to script answers; `receiver.ts` is their client.
 *
 * The pool builds its options once per test file, so every file gets its own
 * receiver (and its own Miniflare, storage and isolate).
 */

/** A request the Worker sent, as recorded. */
export interface RecordedRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: Record<string, string>;
  readonly body: string;
  /** The status the receiver answered with. */
  readonly status: number;
}

/** How the receiver answers one request (the next one, or the next one to `path`). */
export interface ScriptedAnswer {
  readonly status: number;
  readonly headers?: Record<string, string>;
  /** Only for a request to this path (requests can arrive in any order). */
  readonly path?: string;
  /** Keep the request waiting (it is recorded at once) until the test releases it. */
  readonly hold?: boolean;
  /** The answer's body (default `receiver says <status>`), e.g. a Slack Web API JSON answer. */
  readonly body?: string;
}

/** A fresh receiver: `outbound` for Miniflare's outboundService, `control` for the RECEIVER service binding. */
export function webhookReceiver() {
  const requests: RecordedRequest[] = [];
  const script: ScriptedAnswer[] = [];
  const held: (() => void)[] = [];

  const outbound = async (request: Request): Promise<Response> => {
    const path = new URL(request.url).pathname;
    const index = script.findIndex((a) => a.path === undefined || a.path === path);
    const answer: ScriptedAnswer = (index < 0 ? undefined : script.splice(index, 1)[0]) ?? { status: 200 };
    requests.push({
      method: request.method,
      url: request.url,
      headers: Object.fromEntries(request.headers),
      body: await request.text(),
      status: answer.status,
    });
    if (answer.hold) await new Promise<void>((release) => held.push(release));
    return new Response(answer.body ?? `receiver says ${answer.status}`, { status: answer.status, headers: answer.headers });
  };

  const control = async (request: Request): Promise<Response> => {
    const route = `${request.method} ${new URL(request.url).pathname}`;
    switch (route) {
      case 'GET /requests':
        return Response.json(requests);
      case 'POST /answers':
        script.push(...((await request.json()) as ScriptedAnswer[]));
        return new Response(null, { status: 204 });
      case 'POST /release':
        for (const release of held.splice(0)) release();
        return new Response(null, { status: 204 });
      case 'POST /reset':
        for (const release of held.splice(0)) release();
        requests.length = 0;
        script.length = 0;
        return new Response(null, { status: 204 });
      default:
        return new Response(`receiver control: no route ${route}`, { status: 404 });
    }
  };

  return { outbound, control };
}
