/**
 * email_configs -> EmailIntegration, with Alertmanager's global fallbacks
 * (config.go: smarthost, from, hello, auth_*, require_tls come from
 * `global.smtp_*` when a config leaves them empty; Subject, To and From
 * headers default to the subject template and the to/from fields), and
 * the checks that need more than one field:
 * - a smarthost and a from address must come from somewhere (Alertmanager's
 *   "no global SMTP smarthost set" / "no global SMTP from set");
 * - port 25 is refused: Cloudflare blocks outbound connections to it;
 * - global.smtp_auth_password / smtp_auth_secret, when an email config
 *   inherits them, must be `${NAME}` references (the config's own fields
 *   are checked in integration-checks.ts): a credential written in
 *   routes.yaml would live in git;
 * - `transport: cloudflare` needs `binding` to name a send_email binding
 *   the Worker has;
 * - from/to without template actions are parsed as address lists now
 *   rather than failing every notification later.
 */
import { missingBindingMessage } from './secret-references.js';
import { EMAIL_FIELD_DEFAULTS } from '../template/alertmanager/index.js';
import { canonicalHeaderName } from '../notify/email/mime/header-name.js';
import { parseAddressList } from '../notify/email/mime/address-list.js';
import { splitHostPort } from './address-checks.js';
import { configError, type ConfigError, type YamlPath } from './config-error.js';
import type { RawEmailConfig } from './email-config-schema.js';
import type { RawGlobal } from './global-schema.js';
import type { RawReceiver } from './receiver-schema.js';
import { literalMessage } from './integration-checks.js';
import { hasSecretReference } from './secrets.js';
import type { EmailIntegration } from './types.js';
import { isRecord, scalarText } from './yaml-tree.js';

/** Cloudflare blocks outbound TCP to port 25 (https://developers.cloudflare.com/workers/runtime-apis/tcp-sockets/#considerations). */
export const BLOCKED_SMTP_PORT = 25;

/** The EmailIntegration for one entry; `checkEmailConfigs` must have passed. */
export function buildEmailIntegration(raw: RawEmailConfig, global: RawGlobal | undefined): EmailIntegration {
  const from = raw.from || global?.smtp_from || '';
  const headers = new Map<string, string>();
  for (const [name, value] of Object.entries(raw.headers ?? {})) headers.set(canonicalHeaderName(name), value);
  if (!headers.has('Subject')) headers.set('Subject', EMAIL_FIELD_DEFAULTS.subject);
  if (!headers.has('To')) headers.set('To', raw.to);
  if (!headers.has('From')) headers.set('From', from);
  return {
    type: 'email',
    sendResolved: raw.send_resolved ?? false,
    to: raw.to,
    from,
    headers,
    html: raw.html ?? EMAIL_FIELD_DEFAULTS.html,
    text: raw.text ?? EMAIL_FIELD_DEFAULTS.text,
    transport: raw.transport === 'cloudflare' ? { kind: 'cloudflare', binding: raw.binding ?? '' } : smtpTransport(raw, global),
  };
}

function smtpTransport(raw: RawEmailConfig, global: RawGlobal | undefined): EmailIntegration['transport'] {
  const address = splitHostPort(raw.smarthost || global?.smtp_smarthost || '');
  return {
    kind: 'smtp',
    host: address?.host ?? '',
    port: address?.port ?? 0,
    hello: raw.hello || global?.smtp_hello || 'localhost',
    requireTls: raw.require_tls ?? global?.smtp_require_tls ?? true,
    authUsername: raw.auth_username || global?.smtp_auth_username || '',
    authPassword: raw.auth_password || global?.smtp_auth_password || '',
    authSecret: raw.auth_secret || global?.smtp_auth_secret || '',
    authIdentity: raw.auth_identity || global?.smtp_auth_identity || '',
  };
}

/**
 * The cross-field checks for every email config. `source` is the config tree
 * before `${NAME}` references were resolved; `env` the Worker's bindings.
 */
export function checkEmailConfigs(
  receivers: readonly RawReceiver[],
  global: RawGlobal | undefined,
  source: unknown,
  env: Readonly<Record<string, unknown>>,
): ConfigError[] {
  const errors = new Map<string, ConfigError>();
  const add = (path: YamlPath, message: string): void => {
    const error = configError(path, message);
    errors.set(`${error.path}\n${error.message}`, error);
  };
  receivers.forEach((receiver, r) => {
    (receiver.email_configs ?? []).forEach((config, i) => {
      const path: YamlPath = ['receivers', r, 'email_configs', i];
      const check = config.transport === 'cloudflare' ? checkBindingTransport : checkSmtpTransport;
      check(config, { path, global, source, env, add });
      checkAddresses(config, global, path, add);
    });
  });
  return [...errors.values()];
}

interface CheckContext {
  readonly path: YamlPath;
  readonly global: RawGlobal | undefined;
  readonly source: unknown;
  readonly env: Readonly<Record<string, unknown>>;
  readonly add: (path: YamlPath, message: string) => void;
}

function checkSmtpTransport(config: RawEmailConfig, { path, global, source, add }: CheckContext): void {
  if (config.binding !== undefined) add([...path, 'binding'], 'binding is only used with transport: cloudflare');
  const own = config.smarthost ?? '';
  const smarthost = own || global?.smtp_smarthost || '';
  const where: YamlPath = own ? [...path, 'smarthost'] : ['global', 'smtp_smarthost'];
  if (smarthost === '') {
    add(path, 'no global SMTP smarthost set (set smarthost here or global.smtp_smarthost, or use transport: cloudflare)');
  } else {
    const address = splitHostPort(smarthost);
    if (!address) add(where, `address ${smarthost}: unknown port`);
    else if (address.port === BLOCKED_SMTP_PORT) {
      add(
        where,
        `port 25 is blocked: Cloudflare Workers cannot open outbound connections to port 25; ` +
          `use your provider's submission port 587 (STARTTLS) or 465 (TLS), or transport: cloudflare with a send_email binding`,
      );
    }
  }
  const hello = config.hello || global?.smtp_hello || '';
  if (/[\r\n]/.test(hello)) add(config.hello ? [...path, 'hello'] : ['global', 'smtp_hello'], 'must be a single line (it is sent as EHLO <hello>)');
  const serverName = config.tls_config?.server_name ?? '';
  const host = splitHostPort(smarthost)?.host;
  if (serverName !== '' && host !== undefined && serverName !== host) {
    add([...path, 'tls_config', 'server_name'], `not supported: Workers sockets verify the certificate against the smarthost's host (${host}); use that name in smarthost`);
  }
  // The config's own auth_password/auth_secret are checked with the other integrations' credentials (integration-checks.ts).
  for (const [field, name] of [['smtp_auth_password', 'SMTP_PASSWORD'], ['smtp_auth_secret', 'SMTP_SECRET']] as const) {
    const ownText = textAt(source, [...path, field === 'smtp_auth_password' ? 'auth_password' : 'auth_secret']);
    const inherited = textAt(source, ['global', field]);
    if (!ownText && inherited && !hasSecretReference(inherited)) add(['global', field], literalMessage(field, name));
  }
}

const UNUSED_WITH_BINDING = ['smarthost', 'hello', 'auth_username', 'auth_password', 'auth_secret', 'auth_identity', 'require_tls', 'tls_config'] as const;

function checkBindingTransport(config: RawEmailConfig, { path, env, add }: CheckContext): void {
  for (const field of UNUSED_WITH_BINDING) {
    if (config[field] !== undefined) add([...path, field], `${field} has no effect with transport: cloudflare (the send_email binding delivers)`);
  }
  const binding = config.binding ?? '';
  if (binding === '') {
    add(path, 'transport: cloudflare needs binding: the name of a [[send_email]] binding in wrangler.toml');
    return;
  }
  const missing = missingBindingMessage(env, binding);
  if (missing !== undefined) add([...path, 'binding'], missing);
}

/** from (own or global) must exist; literal from/to must parse as Alertmanager will parse them. */
function checkAddresses(config: RawEmailConfig, global: RawGlobal | undefined, path: YamlPath, add: CheckContext['add']): void {
  const from = config.from || global?.smtp_from || '';
  if (from === '') {
    add(path, 'no global SMTP from set (set from here or global.smtp_from)');
  } else if (!from.includes('{{')) {
    const where: YamlPath = config.from ? [...path, 'from'] : ['global', 'smtp_from'];
    const parsed = parseAddressList(from);
    if (!parsed.ok) add(where, `parse 'from' addresses: ${parsed.error}`);
    else if (parsed.value.length !== 1) add(where, `must be exactly one 'from' address (got: ${parsed.value.length})`);
  }
  if (!config.to.includes('{{')) {
    const parsed = parseAddressList(config.to);
    if (!parsed.ok) add([...path, 'to'], `parse 'to' addresses: ${parsed.error}`);
  }
}

/** The text of the scalar at `path` in a raw tree, if any. */
function textAt(tree: unknown, path: YamlPath): string | undefined {
  let node = tree;
  for (const seg of path) {
    if (typeof seg === 'number') node = Array.isArray(node) ? node[seg] : undefined;
    else node = isRecord(node) ? node[seg] : undefined;
  }
  return scalarText(node);
}
