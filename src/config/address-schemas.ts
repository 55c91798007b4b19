/**
 * Network addresses in the config: http(s) URLs (webhook and API URLs,
 * checked like Alertmanager's config.URL) and `host:port` (the SMTP
 * smarthost, checked like Go's net.SplitHostPort). Values are kept as
 * written; only their validity is checked.
 */
import type { z } from 'zod';
import { goString, requiredString } from './scalar-schemas.js';

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

/** An http or https URL, kept as written. */
export const httpUrlSchema = goString.superRefine(refineHttpUrl);

/** A required http or https URL; absent or empty gives `missing`. */
export function requiredHttpUrl(missing: string) {
  return requiredString(missing).superRefine(refineHttpUrl);
}

function refineHttpUrl(s: string, ctx: z.RefinementCtx): void {
  const problem = checkHttpUrl(s);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
}

/** A `host:port` address (global.smtp_smarthost), checked like Go's net.SplitHostPort; empty is allowed. */
export const hostPortSchema = goString.superRefine((s, ctx) => {
  if (s === '') return;
  const problem = hostPortProblem(s);
  if (problem) ctx.addIssue({ code: 'custom', message: `address ${s}: ${problem}` });
});

function hostPortProblem(s: string): string | undefined {
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
