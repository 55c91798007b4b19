/**
 * Access scopes and the Worker secrets that grant them. Each secret holds
 * one credential or several separated by commas (for rotation); ADMIN_TOKEN
 * grants every scope. Which endpoint needs which scope: README "Access
 * control" and SECURITY.md.
 */
import type { AcceptedCredentials } from './credentials.js';

export const SCOPES = ['read', 'silence', 'ack', 'admin', 'ingest', 'metrics'] as const;
/** What a credential allows; `admin` implies every other scope. */
export type Scope = (typeof SCOPES)[number];

/** The secrets holding each scope's credentials: bearer tokens, and for ingest also `user:password` pairs. */
export const SCOPE_SECRETS = {
  read: { tokens: 'READ_TOKEN' },
  silence: { tokens: 'SILENCE_TOKEN' },
  ack: { tokens: 'ACK_TOKEN' },
  admin: { tokens: 'ADMIN_TOKEN' },
  ingest: { tokens: 'INGEST_TOKEN', basic: 'INGEST_BASIC_AUTH' },
  metrics: { tokens: 'METRICS_TOKEN' },
} as const satisfies Record<Scope, { tokens: string; basic?: string }>;

type Bindings = Readonly<Record<string, unknown>>;

/** The credentials one scope's own secrets hold (not counting ADMIN_TOKEN). */
export function ownCredentials(bindings: object, scope: Scope): AcceptedCredentials {
  const env = bindings as Bindings;
  const secrets: { tokens: string; basic?: string } = SCOPE_SECRETS[scope];
  return { tokens: listOf(env[secrets.tokens]), basic: secrets.basic ? listOf(env[secrets.basic]) : [] };
}

/** Every credential that grants the scope: its own secrets' and ADMIN_TOKEN's. */
export function credentialsFor(bindings: object, scope: Scope): AcceptedCredentials {
  const own = ownCredentials(bindings, scope);
  if (scope === 'admin') return own;
  const admin = ownCredentials(bindings, 'admin');
  return { tokens: [...own.tokens, ...admin.tokens], basic: own.basic };
}

/** The secrets granting this scope that are bound but hold no usable credential. */
export function blankSecretsFor(bindings: object, scope: Scope): string[] {
  const env = bindings as Bindings;
  const names = [...Object.values(SCOPE_SECRETS[scope]), ...(scope === 'admin' ? [] : [SCOPE_SECRETS.admin.tokens])];
  return names.filter((name) => typeof env[name] === 'string' && listOf(env[name]).length === 0);
}

/**
 * Whether the Worker runs locally (`npm start` on a loopback address passes
 * the var EDGEALERT_LOCAL=true): only then is a scope with no credential
 * configured open. A deployed Worker never has the var, so it is secure by default.
 */
export function isLocal(bindings: object): boolean {
  return (bindings as Bindings).EDGEALERT_LOCAL === 'true';
}

function listOf(value: unknown): string[] {
  return typeof value === 'string' ? value.split(',').map((s) => s.trim()).filter(Boolean) : [];
}
