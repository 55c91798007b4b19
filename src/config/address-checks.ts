/**
 * The checks of network addresses in the config, without zod: http(s) URLs
 * (webhook and API URLs, like Alertmanager's config.URL) and `host:port`
 * (the SMTP smarthost, like Go's net.SplitHostPort). The schemas
 * (address-schemas.ts) run them at build time; the Worker runs them again on
 * a field whose value comes from a secret, once the secret is known.
 */

/** Port names Go's resolver knows for mail. */
const PORT_NAMES: Readonly<Record<string, number>> = { smtp: 25, submission: 587, submissions: 465, smtps: 465 };

/**
 * Checks an http(s) URL like Alertmanager's config.URL (Go url.Parse, then
 * scheme http/https and a non-empty host); returns an error message or
 * undefined. The host is read from the text itself because WHATWG URL
 * parsing invents one for `http:///x` or `http:x` where Go finds none.
 */
export function checkHttpUrl(s: string): string | undefined {
  const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(s)?.[1]?.toLowerCase() ?? '';
  if (scheme !== 'http' && scheme !== 'https') return `unsupported scheme ${JSON.stringify(scheme)} for URL`;
  const authority = /^[^:]+:\/\/([^/?#]*)/.exec(s)?.[1] ?? '';
  if (authority.slice(authority.lastIndexOf('@') + 1) === '') return 'missing host for URL';
  try {
    new URL(s);
  } catch {
    return 'invalid URL';
  }
  return undefined;
}

/** What is wrong with a `host:port` address, as Go's net.SplitHostPort says it; undefined when nothing. */
export function hostPortProblem(s: string): string | undefined {
  let port: string;
  if (s.startsWith('[')) {
    const close = s.indexOf(']');
    if (close < 0) return "missing ']' in address";
    if (s.charAt(close + 1) !== ':') return 'missing port in address';
    port = s.slice(close + 2);
  } else {
    const colon = s.lastIndexOf(':');
    if (colon < 0) return 'missing port in address';
    if (s.slice(0, colon).includes(':')) return 'too many colons in address';
    port = s.slice(colon + 1);
  }
  if (port.includes(':')) return 'too many colons in address';
  return port === '' ? 'port cannot be empty' : undefined;
}

/** `host:port` (hostPortProblem found nothing) with the port as a number; undefined for an unknown port name. */
export function splitHostPort(address: string): { host: string; port: number } | undefined {
  const colon = address.lastIndexOf(':');
  if (colon < 0) return undefined;
  const host = address.slice(0, colon).replace(/^\[(.*)\]$/, '$1');
  const portText = address.slice(colon + 1);
  const port = /^\d+$/.test(portText) ? Number(portText) : PORT_NAMES[portText.toLowerCase()];
  return port !== undefined && port > 0 && port < 65536 ? { host, port } : undefined;
}
