/**
 * The PagerDuty integration: one event per notification, Events API v2
 * (routing_key) or v1 (service_key), deduplicated by the hex SHA-256 of the
 * group key so PagerDuty folds a group's triggers into one alert and the
 * resolve closes it. Retried: 5xx, 429 (v2, after Retry-After) and 403
 * (v1's rate limit), as Alertmanager; other 4xx are final. Keys never
 * appear in outcomes.
 */
import { sha256Hex } from '../../util/hex.js';
import type { PagerdutyIntegration } from '../../config/pagerduty-config.js';
import type { TemplateSet } from '../../template/index.js';
import { postJsonAnswer } from '../http-post.js';
import type { Notifier } from '../integration.js';
import type { Notification } from '../notification.js';
import { outcomeOfStatus, type NotifyOutcome } from '../outcome.js';
import { fieldRenderer } from '../render-fields.js';
import { answerDetails } from './answer-details.js';
import { encodeEvent, MAX_EVENT_BYTES } from './event-size.js';
import { pagerdutyMessage } from './payload.js';

/** v1 answers 403 when a service gets too many events (https://developer.pagerduty.com/docs/events-api-v1/overview/). */
const V1_RATE_LIMITED = [403];

/** Builds the notifier for one pagerduty_configs entry. */
export function pagerdutyNotifier(config: PagerdutyIntegration, templates: TemplateSet): Notifier {
  const key = config.key.api === 'v1' ? config.key.serviceKey : config.key.routingKey;
  const what = `pagerduty ${config.key.api}`;
  return {
    name: 'pagerduty',
    sendResolved: config.sendResolved,
    notify: async (notification, ctx) => {
      const render = fieldRenderer(templates, notification, ctx.externalURL, ctx.onTemplateError);
      const dedupKey = await hashGroupKey(notification.groupKey);
      const message = pagerdutyMessage(config, render, { action: eventAction(notification), dedupKey, incident: notification.incident });
      const encoded = encodeEvent(message);
      if (!encoded.ok) return tooBig(what, encoded.error.bytes);
      const answer = await postJsonAnswer(ctx.http, config.url, encoded.value.body, { what, http: config.http });
      if (!answer.answered) return answer.outcome;
      const details = answer.status === 400 ? answerDetails(answer.body, [key]) : undefined;
      return outcomeOfStatus(answer.status, what, answer.headers.get('Retry-After'), {
        ...(config.key.api === 'v1' ? { rateLimited: V1_RATE_LIMITED } : {}),
        ...(details ? { details } : {}),
      });
    },
  };
}

/** "trigger" while any alert fires, "resolve" once all are resolved. */
export function eventAction(notification: Notification): 'trigger' | 'resolve' {
  return notification.alerts.some((a) => a.status === 'firing') ? 'trigger' : 'resolve';
}

/** Hex SHA-256 of the group key (Alertmanager's Key.Hash), PagerDuty's dedup_key. */
export async function hashGroupKey(groupKey: string): Promise<string> {
  return sha256Hex(groupKey);
}

function tooBig(what: string, bytes: number): NotifyOutcome {
  return {
    ok: false,
    retry: false,
    reason: 'other',
    message: `${what}: the event is ${bytes} bytes even without its details, over PagerDuty's limit of ${MAX_EVENT_BYTES}; not sent (shorten the links or images)`,
  };
}
