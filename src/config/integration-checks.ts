/**
 * Checks on Slack, PagerDuty and email entries that need more than the entry:
 * - credentials (Slack URLs and bot tokens, PagerDuty keys, SMTP passwords
 *   and secrets) must be `${NAME}`
 *   references: routes.yaml lives in git, so a literal credential there is
 *   refused, with the fix in the message (never the value);
 * - a Slack entry needs a URL: its own api_url, an app_token, or
 *   global.slack_api_url (Alertmanager's "no global Slack API URL set").
 * Both read the config as written (before `${NAME}` is resolved): a
 * reference to an unset secret is reported once, by the secrets module.
 */
import { configError, type ConfigError, type YamlPath } from './config-error.js';
import { hasSecretReference } from './secrets.js';
import { isRecord, scalarText } from './yaml-tree.js';

/** Fields whose value must come from a `${NAME}` reference, by integration list, with the name suggested. */
const REFERENCE_ONLY: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  slack_configs: { api_url: 'SLACK_API_URL', app_token: 'SLACK_APP_TOKEN' },
  pagerduty_configs: { routing_key: 'PAGERDUTY_ROUTING_KEY', service_key: 'PAGERDUTY_SERVICE_KEY' },
  // global.smtp_auth_* are checked where an email config uses them (email-integrations.ts).
  email_configs: { auth_password: 'SMTP_PASSWORD', auth_secret: 'SMTP_SECRET' },
};

/** Global fields whose value must come from a `${NAME}` reference when an entry uses it. */
const GLOBAL_REFERENCE_ONLY: Readonly<Record<string, string>> = { slack_api_url: 'SLACK_API_URL' };

/** Runs both checks on the YAML tree as written. */
export function integrationChecks(written: unknown): ConfigError[] {
  return [...literalSecretErrors(written), ...missingSlackUrlErrors(written)];
}

/** A literal credential where only a `${NAME}` reference is allowed. */
export function literalSecretErrors(tree: unknown): ConfigError[] {
  if (!isRecord(tree)) return [];
  const errors: ConfigError[] = [];
  const check = (value: unknown, path: YamlPath, field: string, name: string): void => {
    const text = scalarText(value);
    if (text === undefined || text === '' || hasSecretReference(text)) return;
    errors.push(configError(path, literalMessage(field, name)));
  };
  let globalUsed = false;
  forEachEntry(tree, (entry, list, path) => {
    for (const [field, name] of Object.entries(REFERENCE_ONLY[list] ?? {})) check(entry[field], [...path, field], field, name);
    if (list === 'slack_configs' && !scalarText(entry.api_url) && !scalarText(entry.app_token)) globalUsed = true;
  });
  // A global value only matters (and is only refused) when some entry falls back on it.
  const global = tree.global;
  if (globalUsed && isRecord(global)) {
    for (const [field, name] of Object.entries(GLOBAL_REFERENCE_ONLY)) check(global[field], ['global', field], field, name);
  }
  return errors;
}

/** Why a literal credential is refused, and the fix (never the value). */
export function literalMessage(field: string, name: string): string {
  return (
    `a credential must not be written in the config (it is committed with it): ` +
    `write ${field}: \${${name}} and set ${name} as a Worker secret (wrangler secret put ${name}, or .dev.vars locally)`
  );
}

function missingSlackUrlErrors(tree: unknown): ConfigError[] {
  if (!isRecord(tree)) return [];
  const globalUrl = isRecord(tree.global) ? scalarText(tree.global.slack_api_url) : undefined;
  if (globalUrl) return [];
  const errors: ConfigError[] = [];
  forEachEntry(tree, (entry, list, path) => {
    if (list !== 'slack_configs' || scalarText(entry.api_url) || scalarText(entry.app_token)) return;
    errors.push(configError(path, 'no global Slack API URL set either inline or in a file: set api_url (or app_token) here, or global.slack_api_url'));
  });
  return errors;
}

/** Calls `visit` for every mapping in a Slack or PagerDuty list of every receiver. */
function forEachEntry(tree: Record<string, unknown>, visit: (entry: Record<string, unknown>, list: string, path: YamlPath) => void): void {
  const receivers = Array.isArray(tree.receivers) ? tree.receivers : [];
  receivers.forEach((receiver, r) => {
    if (!isRecord(receiver)) return;
    for (const list of Object.keys(REFERENCE_ONLY)) {
      const entries = receiver[list];
      if (!Array.isArray(entries)) continue;
      entries.forEach((entry, i) => {
        if (isRecord(entry)) visit(entry, list, ['receivers', r, list, i]);
      });
    }
  });
}
