/**
 * What a UI session may do: the access decision (src/auth/authorize.ts, the
 * same check as the API's Authorization header) for every scope, with the
 * session's token sent as a bearer token, or nothing sent when not signed in.
 */
import { authorize, type AccessDecision } from '../../auth/authorize.js';
import { SCOPES, type Scope } from '../../auth/scopes.js';

/** The scopes the UI shows and acts with. */
export const UI_SCOPES = ['read', 'silence', 'ack', 'admin'] as const satisfies readonly Scope[];

export interface UiAccess {
  /** The decision for each scope. */
  readonly decisions: Readonly<Record<Scope, AccessDecision>>;
  /** Whether the session has a token that grants at least one scope. */
  readonly signedIn: boolean;
  /** The session has a token, but it grants nothing that needs one (wrong, or rotated away). */
  readonly tokenRejected: boolean;
  /** Some scope the UI uses needs a token that was not sent: signing in would help. */
  readonly loginUseful: boolean;
}

/** The access a session with `token` (or without) has under these bindings. */
export async function accessOf(bindings: object, token: string | undefined): Promise<UiAccess> {
  const header = token === undefined ? null : `Bearer ${token}`;
  const entries = await Promise.all(SCOPES.map(async (scope) => [scope, await authorize(bindings, scope, header)] as const));
  const decisions = Object.fromEntries(entries) as Record<Scope, AccessDecision>;
  const granted = SCOPES.some((scope) => isGrantedByToken(decisions[scope]));
  return {
    decisions,
    signedIn: token !== undefined && granted,
    // With every scope open (local mode, no tokens) a stale token is simply ignored.
    tokenRejected: token !== undefined && !granted && SCOPES.some((scope) => !decisions[scope].allowed),
    loginUseful: UI_SCOPES.some((scope) => !decisions[scope].allowed),
  };
}

/** Whether the session may act with `scope`. */
export function can(access: UiAccess, scope: Scope): boolean {
  return access.decisions[scope].allowed;
}

/**
 * What the session may do, for people: `admin (everything)` for an admin
 * token, else the UI scopes granted. Admin left open locally is not listed:
 * it opens only the admin-only endpoints, not the scopes that have tokens.
 */
export function allowedSummary(access: UiAccess): string {
  if (isGrantedByToken(access.decisions.admin)) return 'admin (everything)';
  const scopes = UI_SCOPES.filter((scope) => scope !== 'admin' && access.decisions[scope].allowed);
  return scopes.length > 0 ? scopes.join(', ') : 'nothing';
}

function isGrantedByToken(decision: AccessDecision): boolean {
  return decision.allowed && !decision.open;
}
