/**
 * The fields Alertmanager treats as secrets (its `Secret` and `SecretURL`
 * types print as `<secret>`), plus the webhook URL, which often carries a
 * token and which later Alertmanager releases made a secret too.
 * redactedOriginal hides these whatever their value.
 */
import type { YamlPath } from './config-error.js';

/** Secret fields by path; `*` stands for any list index. */
const SECRET_PATHS: readonly string[] = [
  'global.smtp_auth_password',
  'global.smtp_auth_secret',
  'global.slack_api_url',
  'global.opsgenie_api_key',
  'global.wechat_api_secret',
  'global.victorops_api_key',
  'receivers.*.webhook_configs.*.url',
  'receivers.*.email_configs.*.auth_password',
  'receivers.*.email_configs.*.auth_secret',
  'receivers.*.pagerduty_configs.*.service_key',
  'receivers.*.pagerduty_configs.*.routing_key',
  'receivers.*.slack_configs.*.api_url',
  'receivers.*.slack_configs.*.app_token',
  'receivers.*.opsgenie_configs.*.api_key',
  'receivers.*.wechat_configs.*.api_secret',
  'receivers.*.victorops_configs.*.api_key',
  'receivers.*.pushover_configs.*.user_key',
  'receivers.*.pushover_configs.*.token',
  'receivers.*.telegram_configs.*.bot_token',
  'receivers.*.discord_configs.*.webhook_url',
  'receivers.*.msteams_configs.*.webhook_url',
  'receivers.*.sns_configs.*.sigv4.secret_key',
];

/** Secret fields inside any `http_config` block. */
const HTTP_CONFIG_SECRETS: readonly string[] = [
  'basic_auth.password',
  'authorization.credentials',
  'oauth2.client_secret',
  'bearer_token',
  'proxy_url',
];

/** True when the value at `path` is a secret by its field, whatever it holds. */
export function isSecretField(path: YamlPath): boolean {
  const printed = path.map((seg) => (typeof seg === 'number' ? '*' : seg)).join('.');
  if (SECRET_PATHS.includes(printed)) return true;
  const at = path.lastIndexOf('http_config');
  if (at < 0) return false;
  return HTTP_CONFIG_SECRETS.includes(path.slice(at + 1).join('.'));
}
