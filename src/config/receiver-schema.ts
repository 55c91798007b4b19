/**
 * `receivers:` entries. edgealert delivers webhooks, email (email-config-schema.ts),
 * PagerDuty (pagerduty-config.ts) and Slack (slack-config.ts); the other
 * Alertmanager integration lists are accepted in shape (lists of mappings)
 * but a non-empty list fails loading with "not yet supported by edgealert",
 * so each integration can be enabled on its own later by giving it a real
 * schema here.
 */
import * as z from 'zod';
import { emailConfigSchema } from './email-config-schema.js';
import { httpConfigSchema } from './http-config-schema.js';
import { pagerdutyConfigSchema } from './pagerduty-config.js';
import { slackConfigSchema } from './slack-config.js';
import { requiredHttpUrl } from './address-schemas.js';
import { fileField, NOT_YET_SUPPORTED } from './refused-fields.js';
import { expected, goBool, goString, goUint, requiredString } from './scalar-schemas.js';
import { strictObject } from './strict-object.js';
import { parseRateLimit } from '../notify/rate-limit.js';

/** `webhook_configs:` entry (Alertmanager 0.25 WebhookConfig, plus a refused `url_file`). */
export const webhookConfigSchema = strictObject({
  send_resolved: goBool.optional(),
  http_config: httpConfigSchema.optional(),
  url: requiredHttpUrl('missing URL in webhook config'),
  url_file: fileField('url'),
  max_alerts: goUint.optional(),
});

/** Integration lists Alertmanager has and edgealert does not deliver yet. */
export const UNSUPPORTED_INTEGRATIONS = [
  'opsgenie_configs',
  'wechat_configs',
  'pushover_configs',
  'victorops_configs',
  'sns_configs',
  'telegram_configs',
  'discord_configs',
  'webex_configs',
  'msteams_configs',
] as const;

const unsupportedList = z
  .array(z.record(z.string(), z.unknown(), { error: expected('a mapping') }), { error: expected('a list') })
  .superRefine((list, ctx) => {
    if (list.length > 0) ctx.addIssue({ code: 'custom', message: NOT_YET_SUPPORTED });
  })
  .optional();

const unsupportedShape = Object.fromEntries(UNSUPPORTED_INTEGRATIONS.map((key) => [key, unsupportedList])) as Record<
  (typeof UNSUPPORTED_INTEGRATIONS)[number],
  typeof unsupportedList
>;

/** A `receivers:` entry. */
export const receiverSchema = strictObject({
  name: requiredString('missing name in receiver'),
  /** edgealert extension: at most N notifications per period to this receiver (`1/s`, `10/1m`). */
  rate_limit: goString
    .refine((text: string) => parseRateLimit(text).ok, { error: 'rate_limit must look like "1/s" or "10/1m" (a count of at least 1 per a Prometheus duration)' })
    .optional(),
  webhook_configs: z.array(webhookConfigSchema, { error: expected('a list') }).optional(),
  email_configs: z.array(emailConfigSchema, { error: expected('a list') }).optional(),
  pagerduty_configs: z.array(pagerdutyConfigSchema, { error: expected('a list') }).optional(),
  slack_configs: z.array(slackConfigSchema, { error: expected('a list') }).optional(),
  ...unsupportedShape,
});

/** A parsed receiver. */
export type RawReceiver = z.output<typeof receiverSchema>;
