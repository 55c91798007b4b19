/**
 * The webhook integration: POSTs the version-4 body to the configured URL.
 * The URL may hold a secret, so it never appears in outcomes or logs.
 */
import type { WebhookIntegration } from '../../config/types.js';
import { postJson } from '../http-post.js';
import type { Notifier } from '../integration.js';
import { webhookBody } from './payload.js';

/** Builds the notifier for one webhook_configs entry. */
export function webhookNotifier(config: WebhookIntegration): Notifier {
  return {
    name: 'webhook',
    sendResolved: config.sendResolved,
    notify: (notification, ctx) =>
      postJson(ctx.http, config.url, webhookBody(notification, ctx.externalURL, config.maxAlerts), {
        what: 'webhook',
        http: config.http,
      }),
  };
}
