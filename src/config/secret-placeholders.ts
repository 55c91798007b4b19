/**
 * The stand-ins `${NAME}` references get when the config is loaded at build
 * time, where there are no secrets. Each must pass the checks of the field
 * it is in, so its shape depends on the field: an http(s) URL in URL fields
 * (and anywhere else), a host in `host:port` fields, an address in email
 * address fields. Each also carries a random token, so that the compiler
 * can find it again in the loaded config and put the reference back
 * (`split`), and can tell when a value was derived from one (`leftover`):
 * a value the Worker cannot rebuild by putting the secret in its place.
 */
import type { YamlPath } from './config-error.js';

/** How a field that takes a secret is checked, at build time and again in the Worker. */
export const SECRET_FIELD_KINDS = ['url', 'host-port', 'address', 'text'] as const;
export type SecretFieldKind = (typeof SECRET_FIELD_KINDS)[number];

/** Fields with a check a secret's value must pass, by path (`*`: any key or index). */
const FIELD_KINDS: readonly (readonly [string, SecretFieldKind])[] = [
  ['global.slack_api_url', 'url'],
  ['global.pagerduty_url', 'url'],
  ['global.opsgenie_api_url', 'url'],
  ['global.wechat_api_url', 'url'],
  ['global.victorops_api_url', 'url'],
  ['global.telegram_api_url', 'url'],
  ['global.webex_api_url', 'url'],
  ['receivers.*.webhook_configs.*.url', 'url'],
  ['receivers.*.slack_configs.*.api_url', 'url'],
  ['receivers.*.slack_configs.*.app_url', 'url'],
  ['receivers.*.pagerduty_configs.*.url', 'url'],
  ['global.smtp_smarthost', 'host-port'],
  ['receivers.*.email_configs.*.smarthost', 'host-port'],
  ['global.smtp_from', 'address'],
  ['receivers.*.email_configs.*.to', 'address'],
  ['receivers.*.email_configs.*.from', 'address'],
  ['people.*.email', 'address'],
];

/** The kind of the field at `path`: `text` unless it is a URL, `host:port` or address field. */
export function secretFieldKind(path: YamlPath): SecretFieldKind {
  for (const [pattern, kind] of FIELD_KINDS) {
    const segments = pattern.split('.');
    if (segments.length === path.length && segments.every((s, i) => s === '*' || s === path[i])) return kind;
  }
  return 'text';
}

/** The domain every placeholder is under (RFC 2606: `.invalid` never resolves). */
const DOMAIN = 'edgealert-secret.invalid';

/** The placeholders of one build, told apart from any text by their token. */
export interface SecretPlaceholders {
  /**
   * The stand-in for `${name}` in the field at `path`; `atStart` when the
   * reference begins the field's value. In a URL field, a reference further
   * in (`https://user:${PASS}@host/`, `https://${HOST}.example.com/`) is the
   * bare token-name-token, valid in userinfo, host labels and paths, where a
   * whole URL would not be.
   */
  value(name: string, path: YamlPath, atStart?: boolean): string;
  /**
   * `text` cut at its placeholders: literal text at even indexes, the NAME of
   * each placeholder at odd ones (`['https://x/', 'TOKEN', '']`); undefined
   * when it holds none.
   */
  split(text: string): string[] | undefined;
  /** True when `text` still holds a piece of a placeholder once whole ones are cut out (a value derived from one). */
  leftover(text: string): boolean;
}

/** Placeholders carrying `token` (letters and digits, long and random enough not to occur in a config). */
export function secretPlaceholders(token: string): SecretPlaceholders {
  if (!/^[a-z0-9]{8,}$/.test(token)) throw new Error('a placeholder token is 8 or more lowercase letters and digits');
  const core = (name: string) => `${token}-${name}-${token}`;
  const name = `${token}-([A-Za-z_][A-Za-z0-9_]*)-${token}`;
  const domain = DOMAIN.replace(/\./g, '\\.');
  // The shaped forms first: at a placeholder's start they match before its bare core does.
  const whole = new RegExp(`https://${domain}/${name}|${name}\\.${domain}|${name}@${domain}|${name}`, 'g');
  return {
    value(secret, path, atStart = true) {
      const kind = secretFieldKind(path);
      if (kind === 'host-port') return `${core(secret)}.${DOMAIN}`;
      if (kind === 'url' && !atStart) return core(secret);
      if (kind === 'address') return `${core(secret)}@${DOMAIN}`;
      return `https://${DOMAIN}/${core(secret)}`;
    },
    split(text) {
      if (!text.includes(token)) return undefined;
      const parts: string[] = [];
      let last = 0;
      for (const m of text.matchAll(whole)) {
        parts.push(text.slice(last, m.index), m[1] ?? m[2] ?? m[3] ?? m[4] ?? '');
        last = m.index + m[0].length;
      }
      if (parts.length === 0) return undefined;
      parts.push(text.slice(last));
      return parts;
    },
    leftover(text) {
      const rest = text.replace(whole, '');
      return rest.includes(token) || rest.includes(DOMAIN);
    },
  };
}

/** A random placeholder token of `length` characters. */
export function randomPlaceholderToken(length: number): string {
  const bytes = crypto.getRandomValues(new Uint8Array(length));
  return [...bytes].map((b) => 'abcdefghijklmnopqrstuvwxyz0123456789'.charAt(b % 36)).join('');
}
