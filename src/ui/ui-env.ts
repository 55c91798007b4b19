/**
 * The Hono environment of the UI's routes: the Worker's bindings, and what
 * the session middleware (session/session-middleware.ts) found for this
 * request.
 */
import type { UiAccess } from './session/access.js';
import type { Session } from './session/cookie.js';

/** Per-request state of a UI page or form post. */
export interface UiRequest {
  /** This response's CSP nonce: the only inline script and style that may run carry it. */
  readonly nonce: string;
  /** The session in the cookie (or the new one the response will set). */
  readonly session: Session;
  /** What the session's token (or local mode) allows. */
  readonly access: UiAccess;
  /** The token every POST form carries (session/csrf.ts). */
  readonly csrfToken: string;
  /**
   * Replaces the session cookie in the response: a new session (login) or
   * `null` (logout, or a token no longer accepted: a fresh session without one).
   */
  replaceSession(next: Session | null): void;
}

export type UiEnv = {
  Bindings: Env;
  Variables: {
    ui: UiRequest;
    /** The fields of a POST form, read once by the CSRF check. */
    form: URLSearchParams;
  };
};
