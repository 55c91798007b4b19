/**
 * The access decision for one request: does its Authorization header grant
 * the scope an endpoint needs? Pure but for hashing; the HTTP shape of a
 * refusal is the caller's.
 */
import { checkAuthorization } from './credentials.js';
import { blankSecretsFor, credentialsFor, isLocal, SCOPE_SECRETS, SCOPES, type Scope } from './scopes.js';

export const REFUSAL_REASONS = ['misconfigured', 'unconfigured', 'missing', 'wrong', 'wrong_scope'] as const;
/**
 * misconfigured: a secret is bound but blank; unconfigured: deployed with no
 * credential for the scope; missing: none sent; wrong: matches no scope;
 * wrong_scope: valid, but for other scopes.
 */
export type RefusalReason = (typeof REFUSAL_REASONS)[number];

export type AccessDecision = { readonly allowed: true; readonly open: boolean } | { readonly allowed: false; readonly reason: RefusalReason; readonly message: string };

/** Decides whether `header` grants `scope` under the Worker's secrets and vars. */
export async function authorize(bindings: object, scope: Scope, header: string | null): Promise<AccessDecision> {
  const blank = blankSecretsFor(bindings, scope);
  // Fail closed: a secret meant to protect an endpoint but holding nothing must not open it.
  if (blank.length > 0) return refuse('misconfigured', `${blank.join(' and ')} is set but holds no credential: set a value or delete the secret`);
  const outcome = await checkAuthorization(header, credentialsFor(bindings, scope));
  if (outcome === 'ok') return { allowed: true, open: false };
  if (outcome === 'open') return isLocal(bindings) ? { allowed: true, open: true } : refuse('unconfigured', unconfiguredMessage(scope));
  if (outcome === 'missing') return refuse('missing', `authentication required: send ${article(scope)} ${scope} token as "Authorization: Bearer <token>"${scope === 'ingest' ? ' or Basic credentials' : ''}`);
  const others = await grantedScopes(bindings, header, scope);
  if (others.length > 0) return refuse('wrong_scope', `the credentials sent grant ${others.join(', ')} but not ${scope}: use ${article(scope)} ${scope} or admin token`);
  return refuse('wrong', `the ${scope} credentials sent are not valid`);
}

function refuse(reason: RefusalReason, message: string): AccessDecision {
  return { allowed: false, reason, message };
}

/** The other scopes this header's credential grants. */
async function grantedScopes(bindings: object, header: string | null, except: Scope): Promise<Scope[]> {
  const granted: Scope[] = [];
  for (const scope of SCOPES) {
    if (scope !== except && (await checkAuthorization(header, credentialsFor(bindings, scope))) === 'ok') granted.push(scope);
  }
  return granted;
}

function unconfiguredMessage(scope: Scope): string {
  const secrets: { tokens: string; basic?: string } = SCOPE_SECRETS[scope];
  const names = [secrets.tokens, ...(secrets.basic ? [secrets.basic] : []), ...(scope === 'admin' ? [] : ['ADMIN_TOKEN'])];
  return `no credential is configured for the ${scope} scope, so this deployed Worker refuses it: set one with \`npx wrangler secret put ${secrets.tokens}\` (accepted: ${names.join(', ')}; see SECURITY.md)`;
}

function article(scope: Scope): string {
  return /^[aeiou]/.test(scope) ? 'an' : 'a';
}
