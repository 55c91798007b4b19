/**
 * The checks in front of UI routes: `requireUiScope(scope)` (the session
 * must grant it; GET pages send a visitor who is not signed in to the
 * sign-in form) and `csrfProtection()` (every POST: own origin and the
 * session's CSRF token, before anything is changed). Refusals are pages.
 */
import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { RefusalReason } from '../../auth/authorize.js';
import type { Scope } from '../../auth/scopes.js';
import { Problem } from '../components/forms.js';
import { LoginPage } from '../pages/login-page.js';
import { renderPage } from '../render.js';
import type { UiEnv } from '../ui-env.js';
import { CSRF_FIELD, csrfTokenValid, fromOwnOrigin } from './csrf.js';

/** Form posts are small (a silence is at most 64 KiB). */
export const MAX_FORM_BYTES = 128 * 1024;

const STATUS: Record<RefusalReason, ContentfulStatusCode> = { misconfigured: 500, unconfigured: 403, missing: 401, wrong: 401, wrong_scope: 403 };

/** Middleware letting through only sessions that may act with `scope`. */
export function requireUiScope(scope: Scope) {
  return createMiddleware<UiEnv>(async function requireUiScope(c, next) {
    const decision = c.var.ui.access.decisions[scope];
    if (decision.allowed) return next();
    const url = new URL(c.req.url);
    if (url.pathname.startsWith('/ui/api/')) return c.json({ ok: false, error: decision.message }, STATUS[decision.reason]);
    if (decision.reason === 'missing' && c.req.method === 'GET') return c.redirect(`/ui/login?next=${encodeURIComponent(url.pathname + url.search)}`, 303);
    if (decision.reason === 'missing') {
      const problem = `Sign in with a token that grants ${scope} to do this.`;
      return renderPage(c, { title: 'Sign in', status: 401, body: <LoginPage csrf={c.var.ui.csrfToken} next="/ui/alerts" problem={problem} /> });
    }
    return refuse(c, STATUS[decision.reason], decision.message);
  });
}

/**
 * Middleware for POST routes: reads the form (urlencoded, at most
 * MAX_FORM_BYTES) into `c.var.form`, and refuses with 403 a post from
 * another origin or without the session's CSRF token.
 */
export function csrfProtection() {
  return createMiddleware<UiEnv>(async function csrfProtection(c, next) {
    if (c.req.method !== 'POST') return next();
    if (!fromOwnOrigin(c.req.raw)) return refuse(c, 403, 'Refused: this form was not sent from a page of this edgealert (Origin check).');
    const form = await readForm(c);
    if (form instanceof Response) return form;
    if (!(await csrfTokenValid(c.var.ui.session, form.get(CSRF_FIELD)))) {
      return refuse(c, 403, 'Refused: the form is out of date (signed in or out since it was shown). Reload the page and try again.');
    }
    c.set('form', form);
    await next();
  });
}

async function readForm(c: Context<UiEnv>): Promise<URLSearchParams | Response> {
  const type = c.req.header('Content-Type') ?? '';
  if (!/^application\/x-www-form-urlencoded\s*(;|$)/i.test(type)) return refuse(c, 415, 'Forms must be sent as application/x-www-form-urlencoded.');
  const length = Number(c.req.header('Content-Length') ?? 'NaN');
  // Browsers always send the length of a form; without it the body could be any size.
  if (!Number.isInteger(length) || length > MAX_FORM_BYTES) return refuse(c, 413, `The form is larger than ${MAX_FORM_BYTES} bytes.`);
  return new URLSearchParams(await c.req.text());
}

/** A page saying why the request was refused. */
export function refuse(c: Context<UiEnv>, status: ContentfulStatusCode, message: string) {
  return renderPage(c, { title: status === 403 ? 'Not allowed' : 'Request refused', status, body: <Problem>{message}</Problem> });
}
