/**
 * Alerts delivered by an upstream Alertmanager's webhook (payload version
 * "4"). Firing alerts arrive with Go's zero endsAt: they are taken in as
 * alerts without an end, which resolve after webhook_ingest.resolve_timeout
 * unless delivered again; resolved alerts keep their endsAt.
 */
import * as z from 'zod';
import { normalizeAlert, timestampSchema } from '../alert/postable.js';
import type { Alert } from '../alert/types.js';

const labelSet = z.record(z.string(), z.string());

/** The version-4 webhook body; unknown fields are ignored, as Alertmanager's own decoder would. */
export const webhookPayloadSchema = z.object({
  version: z.string(),
  groupKey: z.string(),
  truncatedAlerts: z.number().int().nonnegative().optional(),
  status: z.enum(['firing', 'resolved']),
  receiver: z.string(),
  groupLabels: labelSet,
  commonLabels: labelSet,
  commonAnnotations: labelSet,
  externalURL: z.string(),
  alerts: z.array(
    z.object({
      status: z.enum(['firing', 'resolved']),
      labels: labelSet,
      annotations: labelSet,
      startsAt: timestampSchema,
      endsAt: timestampSchema,
      generatorURL: z.string(),
      fingerprint: z.string().optional(),
    }),
  ),
});
export type WebhookPayload = z.infer<typeof webhookPayloadSchema>;

export const SUPPORTED_WEBHOOK_VERSION = '4';

/** The label added when a delivery names the upstream receiver in its URL. */
export const UPSTREAM_RECEIVER_LABEL = 'upstream_receiver';

export interface WebhookIngestContext {
  readonly now: number;
  readonly resolveTimeout: number;
  /** From /webhook/alertmanager/{name} or ?receiver=: added as the upstream_receiver label. */
  readonly upstreamReceiver?: string;
  /** The trace id of the delivery, stored with each alert. */
  readonly traceId?: string;
}

/** The alerts of a delivery, defaulted and validated like pushed alerts; per-alert problems are listed. */
export function alertsFromWebhook(payload: WebhookPayload, ctx: WebhookIngestContext): { alerts: Alert[]; invalid: string[] } {
  const alerts: Alert[] = [];
  const invalid: string[] = [];
  for (const a of payload.alerts) {
    const labels = ctx.upstreamReceiver ? { ...a.labels, [UPSTREAM_RECEIVER_LABEL]: ctx.upstreamReceiver } : a.labels;
    const posted = {
      labels,
      annotations: a.annotations,
      startsAt: a.startsAt,
      // A firing alert's endsAt is Go's zero time: "no end known".
      endsAt: a.status === 'firing' ? undefined : a.endsAt,
      generatorURL: a.generatorURL,
    };
    const alert = normalizeAlert(posted, { now: ctx.now, resolveTimeout: ctx.resolveTimeout, ...(ctx.traceId ? { traceId: ctx.traceId } : {}) });
    if (alert.ok) alerts.push(alert.value);
    else invalid.push(alert.error);
  }
  return { alerts, invalid };
}
