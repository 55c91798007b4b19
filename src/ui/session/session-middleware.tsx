/**
 * `uiSession()`: runs before every UI route. Reads the session cookie (or
 * starts a session), decides what it may do, gives handlers `c.var.ui`, and
 * writes the cookie back when it is new or replaced.
 *
 * A cookie whose token is no longer accepted (wrong, rotated away) answers
 * the sign-in page with 401 and a fresh session; it counts as a failed
 * attempt for the auth-failure limit, so the cookie cannot serve to guess
 * tokens past it.
 *
 * SameSite=Strict cookies are not sent on a navigation from another site (a
 * link in Slack or an email): such a request without a cookie gets a page
 * that reloads itself once, now same-site, so a signed-in browser is not
 * asked to sign in again (and its cookie is not overwritten).
 */
import type { Context } from 'hono';
import { getCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import { encodeBase64url } from '../../util/base64url.js';
import { LoginPage } from '../pages/login-page.js';
import { renderPage } from '../render.js';
import type { UiEnv } from '../ui-env.js';
import { accessOf } from './access.js';
import { newSession, parseSession, SESSION_COOKIE, sessionCookie, type Session } from './cookie.js';
import { csrfTokenOf } from './csrf.js';

/** Middleware setting `c.var.ui` for the UI's routes. */
export function uiSession() {
  return createMiddleware<UiEnv>(async function uiSession(c, next) {
    const found = parseSession(getCookie(c, SESSION_COOKIE));
    if (!found && c.req.method === 'GET' && c.req.header('Sec-Fetch-Site') === 'cross-site') return reloadSameSite(c);
    const nonce = encodeBase64url(crypto.getRandomValues(new Uint8Array(16)));
    const initial = found ?? newSession();
    let write: Session | undefined = found ? undefined : initial;
    const use = async (session: Session) => {
      c.set('ui', {
        nonce,
        session,
        access: await accessOf(c.env, session.token),
        csrfToken: await csrfTokenOf(session),
        replaceSession: (replacement) => {
          write = replacement ?? newSession();
        },
      });
    };
    await use(initial);
    if (c.var.ui.access.tokenRejected) {
      c.set('credentialsChecked', true);
      write = newSession();
      await use(write);
      const problem = 'The token this browser signed in with is not accepted any more (wrong, or rotated away): sign in again.';
      c.res = await renderPage(c, { title: 'Sign in', status: 401, body: <LoginPage csrf={c.var.ui.csrfToken} next={nextOf(c)} problem={problem} /> });
    } else {
      await next();
    }
    if (write) c.res.headers.append('Set-Cookie', sessionCookie(write, new URL(c.req.url), c.env));
  });
}

/** Where a sign-in started from this request should lead back to. */
function nextOf(c: Context<UiEnv>): string {
  const url = new URL(c.req.url);
  return c.req.method === 'GET' && url.pathname !== '/ui/login' ? `${url.pathname}${url.search}` : '/ui/alerts';
}

function reloadSameSite(c: Context<UiEnv>) {
  c.header('Content-Security-Policy', "default-src 'none'; frame-ancestors 'none'; base-uri 'none'");
  c.header('Cache-Control', 'no-store');
  return c.html('<!doctype html><meta charset="utf-8"><meta http-equiv="refresh" content="0"><title>edgealert</title><p>Opening edgealert…</p>');
}
