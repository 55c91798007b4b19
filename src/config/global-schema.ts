/**
 * The `global:` block of Alertmanager 0.25 (config.GlobalConfig), every
 * field. Most fields only matter to integrations edgealert does not deliver
 * yet; they are still type-checked so a config that Alertmanager rejects is
 * rejected here too. `*_file` fields are refused (no files on Workers).
 */
import type { z } from 'zod';
import { httpConfigSchema } from './http-config-schema.js';
import { hostPortSchema, httpUrlSchema } from './address-schemas.js';
import { fileField } from './refused-fields.js';
import { durationSchema, goBool, goString } from './scalar-schemas.js';
import { strictObject } from './strict-object.js';

/** `global:` as written; defaults are applied by the loader. */
export const globalSchema = strictObject({
  resolve_timeout: durationSchema.optional(),
  http_config: httpConfigSchema.optional(),

  smtp_from: goString.optional(),
  smtp_hello: goString.optional(),
  smtp_smarthost: hostPortSchema.optional(),
  smtp_auth_username: goString.optional(),
  smtp_auth_password: goString.optional(),
  smtp_auth_password_file: fileField('smtp_auth_password'),
  smtp_auth_secret: goString.optional(),
  smtp_auth_identity: goString.optional(),
  smtp_require_tls: goBool.optional(),

  slack_api_url: httpUrlSchema.optional(),
  slack_api_url_file: fileField('slack_api_url'),
  pagerduty_url: httpUrlSchema.optional(),
  opsgenie_api_url: httpUrlSchema.optional(),
  opsgenie_api_key: goString.optional(),
  opsgenie_api_key_file: fileField('opsgenie_api_key'),
  wechat_api_url: httpUrlSchema.optional(),
  wechat_api_secret: goString.optional(),
  wechat_api_corp_id: goString.optional(),
  victorops_api_url: httpUrlSchema.optional(),
  victorops_api_key: goString.optional(),
  victorops_api_key_file: fileField('victorops_api_key'),
  telegram_api_url: httpUrlSchema.optional(),
  webex_api_url: httpUrlSchema.optional(),
});

/** A parsed `global:` block. */
export type RawGlobal = z.output<typeof globalSchema>;
