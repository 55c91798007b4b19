/**
 * An upstream Alertmanager delivering to POST /webhook/alertmanager: its
 * version-4 bodies, the request, the ingest secrets a test binds, and a count
 * of the Dispatcher calls the Worker makes (what edge dedup saves).
 */
import { runInDurableObject } from 'cloudflare:test';
import { afterEach, beforeEach } from 'vitest';
import { deliveryKey } from '../../../src/ingest/delivery-key.js';
import { webhookPayloadSchema } from '../../../src/ingest/upstream-webhook.js';
import { api, shard, testEnv } from './edgealert.js';
import { goTime, type WebhookMessage } from './timeline.js';

const GO_ZERO_TIME = '0001-01-01T00:00:00Z';

/** One alert of an upstream delivery: firing since `startsAt` (ms after T0), or resolved at `endsAt`. */
export interface UpstreamAlert {
  readonly labels: Record<string, string>;
  readonly startsAt: number;
  readonly endsAt?: number;
  readonly annotations?: Record<string, string>;
}

/**
 * The body an upstream Alertmanager (`am` of an HA pair: only its
 * externalURL differs) sends for one group of `alertname`, as Alertmanager
 * 0.25 prints it: firing alerts with Go's zero endsAt.
 */
export function upstreamDelivery(alertname: string, alerts: UpstreamAlert[], am = 'am-0'): WebhookMessage {
  const sent = alerts.map((a) => {
    const labels = { alertname, ...a.labels };
    return {
      status: a.endsAt === undefined ? ('firing' as const) : ('resolved' as const),
      labels,
      annotations: a.annotations ?? {},
      startsAt: goTime(a.startsAt),
      endsAt: a.endsAt === undefined ? GO_ZERO_TIME : goTime(a.endsAt),
      generatorURL: `http://prometheus:9090/graph?g0.expr=${alertname}`,
      fingerprint: '0000000000000000', // edgealert computes its own
    };
  });
  return {
    receiver: 'edgealert',
    status: sent.some((a) => a.status === 'firing') ? 'firing' : 'resolved',
    alerts: sent,
    groupLabels: { alertname },
    commonLabels: { alertname },
    commonAnnotations: {},
    externalURL: `http://${am}:9093`,
    version: '4',
    groupKey: `{}:{alertname="${alertname}"}`,
    truncatedAlerts: 0,
  };
}

/** KV keys the Worker is still writing (in waitUntil) for deliveries it took in. */
const pendingWrites = new Set<string>();

/**
 * POST /webhook/alertmanager{path} with a JSON body (`body` is sent as is
 * when it is a string). When the Worker takes the delivery in (200, dedup
 * miss), the KV key it remembers it under is noted for dedupWritesSettled().
 */
export async function postWebhook(body: unknown, options: { path?: string; headers?: Record<string, string> } = {}): Promise<Response> {
  const path = options.path ?? '';
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  const res = await api(`/webhook/alertmanager${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...options.headers },
    body: text,
  });
  if (res.status === 200 && res.headers.get('X-Edgealert-Dedup') === 'miss') {
    const receiver = /^\/([^/?]+)/.exec(path)?.[1] ?? new URLSearchParams(path.split('?')[1] ?? '').get('receiver') ?? undefined;
    pendingWrites.add(DEDUP_PREFIX + (await deliveryKey(webhookPayloadSchema.parse(JSON.parse(text)), receiver)));
  }
  return res;
}

/** The KV key prefix of src/api/kv-dedup.ts. */
export const DEDUP_PREFIX = 'webhook-delivery:';

/**
 * Waits until the Worker's KV writes (waitUntil, after the response) for the
 * deliveries posted so far have landed, so that a replay sees them and no
 * write lands after the next test's reset().
 */
export async function dedupWritesSettled(): Promise<void> {
  for (let i = 0; i < 200 && pendingWrites.size > 0; i++) {
    for (const key of [...pendingWrites]) if ((await testEnv.EDGE_DEDUP.get(key)) !== null) pendingWrites.delete(key);
    if (pendingWrites.size > 0) await new Promise((resolve) => setTimeout(resolve, 5));
  }
  if (pendingWrites.size > 0) throw new Error(`dedupWritesSettled: ${pendingWrites.size} KV writes never landed`);
}

/** dedupWritesSettled() after every test of the file (call at its top, like freshStatePerTest). */
export function settleDedupWritesAfterEach(): void {
  afterEach(async () => {
    await dedupWritesSettled();
  });
}

/** The ingest secrets of src/api/ingest-auth.ts. */
export interface IngestSecrets {
  INGEST_TOKEN?: string;
  INGEST_BASIC_AUTH?: string;
}

/**
 * Binds these ingest secrets for each test of the enclosing describe (or
 * file), and unbinds them after it. Like useConfig, it sets them on the `env`
 * the Worker shares with the test, which the Worker reads on every request.
 */
export function useIngestSecrets(secrets: IngestSecrets): void {
  const env = testEnv as unknown as Record<string, unknown>;
  beforeEach(() => {
    Object.assign(env, secrets);
  });
  afterEach(() => {
    for (const name of Object.keys(secrets)) delete env[name];
  });
}

/** Dispatcher RPCs counted by countDispatcherIngests(). */
export interface IngestCounter {
  /** Calls of Dispatcher.ingest() (any shard) since the counter started. */
  readonly calls: number;
  /** Stops counting (the Dispatcher's own method is back). */
  stop(): void;
}

/**
 * Counts Dispatcher.ingest() calls from now on, by wrapping the method on
 * the Dispatcher's prototype (RPC calls prototype methods) in this isolate,
 * which the Worker, its Durable Objects and the tests share.
 */
export async function countDispatcherIngests(): Promise<IngestCounter> {
  const proto = await runInDurableObject(shard(), (instance) => Object.getPrototypeOf(instance) as { ingest: (...args: unknown[]) => unknown });
  const original = proto.ingest;
  let calls = 0;
  proto.ingest = function (this: unknown, ...args: unknown[]) {
    calls++;
    return original.apply(this, args);
  };
  return {
    get calls() {
      return calls;
    },
    stop() {
      proto.ingest = original;
    },
  };
}
