/**
 * Builds the receivers map from the parsed `receivers:` list: each webhook
 * config becomes a WebhookIntegration with Alertmanager's defaults
 * (send_resolved true, max_alerts 0 = unlimited) and its own http_config,
 * or the global one when it has none; each email config an EmailIntegration
 * (email-integrations.ts); PagerDuty and Slack configs their integrations
 * (pagerduty-config.ts, slack-config.ts).
 */
import { buildEmailIntegration } from './email-integrations.js';
import { parseRateLimit } from '../notify/rate-limit.js';
import type { RawGlobal } from './global-schema.js';
import { toHttpConfig } from './http-auth.js';
import { buildPagerdutyIntegration } from './pagerduty-config.js';
import type { RawReceiver } from './receiver-schema.js';
import { buildSlackIntegration } from './slack-config.js';
import type { HttpConfig, Integration, Receiver, WebhookIntegration } from './types.js';

/**
 * Receivers by name, in file order; names must already be unique. Each
 * receiver's integrations are in Alertmanager's order (webhook, email, ...),
 * which the notification log keys by position.
 */
export function buildReceivers(raw: readonly RawReceiver[], globalHttp: HttpConfig, global?: RawGlobal): Map<string, Receiver> {
  const receivers = new Map<string, Receiver>();
  for (const r of raw) {
    const webhooks = (r.webhook_configs ?? []).map(
      (w): WebhookIntegration => ({
        type: 'webhook',
        url: w.url,
        sendResolved: w.send_resolved ?? true,
        maxAlerts: w.max_alerts ?? 0,
        http: toHttpConfig(w.http_config, globalHttp),
      }),
    );
    const emails = (r.email_configs ?? []).map((e) => buildEmailIntegration(e, global));
    const pagerduty = (r.pagerduty_configs ?? []).map((p) =>
      buildPagerdutyIntegration(p, { http: globalHttp, ...(global?.pagerduty_url ? { pagerdutyUrl: global.pagerduty_url } : {}) }),
    );
    const slack = (r.slack_configs ?? []).map((c) =>
      buildSlackIntegration(c, { http: globalHttp, ...(global?.slack_api_url ? { slackApiUrl: global.slack_api_url } : {}) }),
    );
    const integrations: Integration[] = [...webhooks, ...emails, ...pagerduty, ...slack];
    const rateLimit = r.rate_limit === undefined ? undefined : parseRateLimit(r.rate_limit);
    receivers.set(r.name, { name: r.name, integrations, ...(rateLimit?.ok ? { rateLimit: rateLimit.value } : {}) });
  }
  return receivers;
}
