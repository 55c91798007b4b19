/**
 * Checking an Authorization header (Bearer or Basic, as Alertmanager's
 * http_config sends) against the credentials configured for an endpoint.
 * Comparison is constant-time: both sides are hashed and every accepted
 * credential is compared in full, so timing reveals neither which one was
 * close nor how much of it matched.
 */
import { BoundedMemo } from '../util/bounded-memo.js';

export interface AcceptedCredentials {
  /** Bearer tokens. */
  readonly tokens: readonly string[];
  /** `user:password` pairs for Basic auth. */
  readonly basic: readonly string[];
}

export const AUTH_OUTCOMES = ['open', 'ok', 'missing', 'wrong'] as const;
/** open: nothing configured; ok: a credential matched; missing: none sent; wrong: none matched. */
export type AuthOutcome = (typeof AUTH_OUTCOMES)[number];

/** Checks the header against the accepted credentials. */
export async function checkAuthorization(header: string | null, accepted: AcceptedCredentials): Promise<AuthOutcome> {
  if (accepted.tokens.length === 0 && accepted.basic.length === 0) return 'open';
  const presented = presentedCredential(header);
  if (!presented) return 'missing';
  const candidates = presented.scheme === 'bearer' ? accepted.tokens : accepted.basic;
  const digest = knownDigests.get(presented.value) ?? (await sha256(presented.value));
  let matched = false;
  for (const candidate of candidates) matched = constantTimeEqual(digest, knownDigests.get(candidate) ?? (await sha256(candidate))) || matched;
  return matched ? 'ok' : 'wrong';
}

function presentedCredential(header: string | null): { scheme: 'bearer' | 'basic'; value: string } | undefined {
  const match = /^\s*(bearer|basic)\s+(\S+)\s*$/i.exec(header ?? '');
  if (!match?.[1] || !match[2]) return undefined;
  if (match[1].toLowerCase() === 'bearer') return { scheme: 'bearer', value: match[2] };
  try {
    return { scheme: 'basic', value: new TextDecoder().decode(Uint8Array.from(atob(match[2]), (c) => c.charCodeAt(0))) };
  } catch {
    // Sent, but not base64: a wrong credential (no accepted one is empty).
    return { scheme: 'basic', value: '' };
  }
}

/**
 * SHA-256 digests computed in this isolate, by text: the configured
 * credentials, and those clients present (Prometheus sends one token with
 * every push), so checking a push usually hashes nothing. Only an exact
 * string hits, so timing tells a client nothing its answer does not. Values,
 * never promises, so no request waits on another's. Bounded: texts over
 * 1,024 characters are not kept, and the memo is emptied when full
 * (a client guessing tokens fills it with guesses).
 */
const knownDigests = new BoundedMemo<Uint8Array>(256, 1024);

async function sha256(text: string): Promise<Uint8Array> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
  knownDigests.set(text, digest);
  return digest;
}

/** Compares two equal-length digests without an early exit. */
function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  let diff = a.length ^ b.length;
  for (let i = 0; i < a.length; i++) diff |= (a[i] ?? 0) ^ (b[i] ?? 0);
  return diff === 0;
}
