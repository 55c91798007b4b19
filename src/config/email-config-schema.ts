/**
 * `email_configs:` entries: Alertmanager 0.25's EmailConfig, every field,
 * plus edgealert's `transport` and `binding`:
 * - `transport: smtp` (default): SMTP to `smarthost` over Workers TCP
 *   sockets, with STARTTLS (`require_tls`) or TLS from the start (port 465);
 * - `transport: cloudflare`: Cloudflare's `send_email` binding named by
 *   `binding` (no smarthost, no SMTP auth).
 * `tls_config` keeps what a Workers socket can honour: the runtime verifies
 * the certificate against the smarthost's name with public CAs, so custom
 * CAs, client certificates, another server_name and insecure_skip_verify
 * are refused with the reason. Header names are checked and compared in
 * Go's canonical form (`subject` and `Subject` collide, as in Alertmanager).
 */
import * as z from 'zod';
import { canonicalHeaderName, isHeaderName } from '../notify/email/mime/header-name.js';
import { hostPortSchema } from './address-schemas.js';
import { fileField, refusedField } from './refused-fields.js';
import { expected, goBool, goString, requiredString } from './scalar-schemas.js';
import { strictObject } from './strict-object.js';

const SOCKET_TLS = 'not supported: Workers sockets verify the server with public certificate authorities';

const TLS_VERSIONS = ['TLS10', 'TLS11', 'TLS12', 'TLS13'];
const tlsVersionSchema = goString.refine((v) => TLS_VERSIONS.includes(v), {
  error: (issue) => `unknown TLS version: ${String(issue.input)}`,
});

/** tls_config for SMTP: what a Workers socket can honour (min/max_version are accepted and left to the runtime). */
const emailTlsConfigSchema = strictObject({
  ca_file: refusedField(`${SOCKET_TLS} and cannot read files`),
  cert_file: refusedField('not supported: Workers sockets cannot present client certificates'),
  key_file: refusedField('not supported: Workers sockets cannot present client certificates'),
  server_name: goString.optional(),
  insecure_skip_verify: goBool.refine((skip) => !skip, { error: 'not supported: Workers sockets always verify TLS certificates' }).optional(),
  min_version: tlsVersionSchema.optional(),
  max_version: tlsVersionSchema.optional(),
});

/** `headers:` as written, checked: valid names, no two the same in Go's canonical form. */
const headersSchema = z.record(z.string(), goString, { error: expected('a mapping of header names to templates') }).superRefine((headers, ctx) => {
  const seen = new Set<string>();
  for (const name of Object.keys(headers)) {
    if (!isHeaderName(name)) {
      ctx.addIssue({ code: 'custom', message: `invalid header name ${JSON.stringify(name)}`, path: [name] });
      continue;
    }
    const canonical = canonicalHeaderName(name);
    if (seen.has(canonical)) ctx.addIssue({ code: 'custom', message: `duplicate header ${JSON.stringify(canonical)} in email config` });
    seen.add(canonical);
  }
});

/** How an email is sent (edgealert extension). */
export const EMAIL_TRANSPORTS = ['smtp', 'cloudflare'] as const;

const transportSchema = goString.refine((t) => (EMAIL_TRANSPORTS as readonly string[]).includes(t), {
  error: (issue) => `unknown transport ${JSON.stringify(issue.input)}: use smtp (a smarthost) or cloudflare (a send_email binding)`,
});

/** `email_configs:` entry. */
export const emailConfigSchema = strictObject({
  send_resolved: goBool.optional(),
  to: requiredString('missing to address in email config'),
  from: goString.optional(),
  hello: goString.optional(),
  smarthost: hostPortSchema.optional(),
  auth_username: goString.optional(),
  auth_password: goString.optional(),
  auth_password_file: fileField('auth_password'),
  auth_secret: goString.optional(),
  auth_identity: goString.optional(),
  headers: headersSchema.optional(),
  html: goString.optional(),
  text: goString.optional(),
  require_tls: goBool.optional(),
  tls_config: emailTlsConfigSchema.optional(),
  transport: transportSchema.optional(),
  binding: goString.optional(),
});

/** A parsed `email_configs:` entry. */
export type RawEmailConfig = z.output<typeof emailConfigSchema>;
