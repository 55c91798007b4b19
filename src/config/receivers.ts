/**
 * Builds the receivers map from the parsed `receivers:` list: each webhook
 * config becomes a WebhookIntegration with Alertmanager's defaults
 * (send_resolved true, max_alerts 0 = unlimited) and its own http_config,
 * or the global one when it has none.
 */
import { toHttpConfig } from './http-auth.js';
import type { RawReceiver } from './receiver-schema.js';
import type { HttpConfig, Receiver, WebhookIntegration } from './types.js';

/** Receivers by name, in file order; names must already be unique. */
export function buildReceivers(raw: readonly RawReceiver[], globalHttp: HttpConfig): Map<string, Receiver> {
  const receivers = new Map<string, Receiver>();
  for (const r of raw) {
    const integrations = (r.webhook_configs ?? []).map(
      (w): WebhookIntegration => ({
        type: 'webhook',
        url: w.url,
        sendResolved: w.send_resolved ?? true,
        maxAlerts: w.max_alerts ?? 0,
        http: toHttpConfig(w.http_config, globalHttp),
      }),
    );
    receivers.set(r.name, { name: r.name, integrations });
  }
  return receivers;
}
