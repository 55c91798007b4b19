/**
 * POST /webhook/alertmanager[/{receiver}]: an upstream Alertmanager's webhook
 * (version "4"). Its alerts enter the same pipeline as pushed alerts; a
 * delivery already taken in within webhook_ingest.dedup_window is answered at
 * the edge without reaching a Durable Object.
 */
import { Hono } from 'hono';
import { deliveryKey } from '../ingest/delivery-key.js';
import { alertsFromWebhook, SUPPORTED_WEBHOOK_VERSION, webhookPayloadSchema } from '../ingest/upstream-webhook.js';
import { planDispatch } from '../route/dispatch-plan.js';
import { runtimeConfig } from '../durable/runtime-config.js';
import { parseJson } from '../util/parse-json.js';
import { refuseTooManyAlerts } from './alert-count.js';
import { pingFromAlerts } from './heartbeat-pings.js';
import { HttpError } from './http-error.js';
import { requireIngestAuth } from './ingest-auth.js';
import { kvDeliveryDedup } from './kv-dedup.js';
import { readJsonBody } from './read-body.js';
import { sendToShards } from './shards.js';
import { count, countReceived } from './worker-counters.js';

export const webhookApi = new Hono<{ Bindings: Env }>();

webhookApi.post('/alertmanager/:receiver?', requireIngestAuth, async (c) => {
  const config = runtimeConfig(c.env);
  const text = await readJsonBody(c.req.raw);
  rejectOtherVersions(text);
  const payload = parseJson(text, webhookPayloadSchema, 'webhook');
  if (!payload.ok) throw new HttpError(payload.error.status, payload.error.body.message, payload.error.body);
  refuseTooManyAlerts(payload.value.alerts.length);
  const upstreamReceiver = c.req.param('receiver') ?? c.req.query('receiver');

  const now = Date.now();
  const ctx = { now, resolveTimeout: config.webhookIngest.resolveTimeout, traceId: c.var.trace?.traceId, ...(upstreamReceiver ? { upstreamReceiver } : {}) };
  const { alerts, invalid } = alertsFromWebhook(payload.value, ctx);

  const dedup = kvDeliveryDedup(c.env.EDGE_DEDUP, (op) => count(c, 'edgealert_kv_operations_total', { op }));
  const key = await deliveryKey(payload.value, upstreamReceiver);
  if (await dedup.seen(key)) {
    count(c, 'edgealert_edge_dedup_total', { result: 'hit' });
    // A repeated Watchdog delivery is still a sign of life.
    await pingFromAlerts(c.env, config, alerts, now);
    return c.body(null, 200, { 'X-Edgealert-Dedup': 'hit' });
  }
  count(c, 'edgealert_edge_dedup_total', { result: 'miss' });

  countReceived(c, alerts, invalid.length, now);
  const sources = config.inhibitRules.map((rule) => rule.sourceMatchers);
  await Promise.all([sendToShards(c.env, planDispatch(alerts, config.route, config.shards, sources)), pingFromAlerts(c.env, config, alerts, now)]);
  if (invalid.length > 0) throw new HttpError(400, invalid.join('; '), invalid.join('; '));
  c.executionCtx.waitUntil(dedup.remember(key, config.webhookIngest.dedupWindow));
  return c.body(null, 200, { 'X-Edgealert-Dedup': 'miss' });
});

/** A clear 400 for a payload of another version, before its shape is checked. */
function rejectOtherVersions(text: string): void {
  let version: unknown;
  try {
    version = (JSON.parse(text) as { version?: unknown } | null)?.version;
  } catch {
    return; // parseJson reports malformed JSON
  }
  if (version !== undefined && version !== SUPPORTED_WEBHOOK_VERSION) {
    const message =
      typeof version === 'string'
        ? `unsupported webhook version "${version}": edgealert accepts Alertmanager's version "${SUPPORTED_WEBHOOK_VERSION}"`
        : `webhook version must be the string "${SUPPORTED_WEBHOOK_VERSION}", got ${JSON.stringify(version)}`;
    throw new HttpError(400, message);
  }
}
