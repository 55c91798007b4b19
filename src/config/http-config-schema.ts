/**
 * `http_config` (prometheus/common HTTPClientConfig as used by Alertmanager
 * 0.25), limited to what a Worker's fetch can honour:
 * - basic_auth, authorization, bearer_token: honoured (Authorization header),
 *   with prometheus/common's rules on combining them;
 * - follow_redirects: honoured; enable_http2, tls_config.server_name and
 *   min/max_version: accepted and ignored (Cloudflare negotiates TLS/HTTP);
 * - every `*_file` field: refused, a Worker has no file system;
 * - tls_config.insecure_skip_verify: true, proxy_url: refused, fetch
 *   always verifies certificates and cannot use a proxy;
 * - oauth2: not yet supported.
 */
import * as z from 'zod';
import { fileField, NOT_YET_SUPPORTED, refusedField } from './refused-fields.js';
import { goBool, goString } from './scalar-schemas.js';
import { strictObject } from './strict-object.js';

const basicAuthSchema = strictObject({
  username: goString.optional(),
  password: goString.optional(),
  password_file: fileField('password'),
});

const authorizationSchema = strictObject({
  type: goString.optional(),
  credentials: goString.optional(),
  credentials_file: fileField('credentials'),
});

const TLS_VERSIONS = ['TLS10', 'TLS11', 'TLS12', 'TLS13'];

const tlsVersionSchema = goString.refine((v) => TLS_VERSIONS.includes(v), {
  error: (issue) => `unknown TLS version: ${String(issue.input)}`,
});

const tlsConfigSchema = strictObject({
  ca_file: refusedField('not supported: Workers fetch cannot read files or trust a custom CA'),
  cert_file: refusedField('not supported: Workers fetch cannot present client certificates'),
  key_file: refusedField('not supported: Workers fetch cannot present client certificates'),
  server_name: goString.optional(),
  insecure_skip_verify: goBool
    .refine((skip) => !skip, { error: 'not supported: Workers fetch always verifies TLS certificates' })
    .optional(),
  min_version: tlsVersionSchema.optional(),
  max_version: tlsVersionSchema.optional(),
});

/** An `http_config` block as written (validated; see http-auth.ts for what it turns into). */
export const httpConfigSchema = strictObject({
  basic_auth: basicAuthSchema.optional(),
  authorization: authorizationSchema.optional(),
  oauth2: refusedField(`oauth2 is ${NOT_YET_SUPPORTED}`),
  bearer_token: goString.optional(),
  bearer_token_file: fileField('bearer_token'),
  proxy_url: refusedField('not supported: Workers fetch cannot use an HTTP proxy'),
  tls_config: tlsConfigSchema.optional(),
  follow_redirects: goBool.optional(),
  enable_http2: goBool.optional(),
}).superRefine((c, ctx) => {
  const problem = authConflict(c);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});

/** A parsed `http_config` block. */
export type RawHttpConfig = z.output<typeof httpConfigSchema>;

/** prometheus/common's HTTPClientConfig.Validate() rules for the auth fields edgealert accepts. */
function authConflict(c: RawHttpConfig): string | undefined {
  const bearer = (c.bearer_token ?? '') !== '';
  if (c.basic_auth && bearer) return 'at most one of basic_auth, oauth2, bearer_token & bearer_token_file must be configured';
  if (!c.authorization) return undefined;
  if (bearer) return 'authorization is not compatible with bearer_token & bearer_token_file';
  if ((c.authorization.type ?? '').trim().toLowerCase() === 'basic') {
    return 'authorization type cannot be set to "basic", use "basic_auth" instead';
  }
  if (c.basic_auth) return 'at most one of basic_auth, oauth2 & authorization must be configured';
  return undefined;
}
