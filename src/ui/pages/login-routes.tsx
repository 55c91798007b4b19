/**
 * GET /ui/login (the form), POST /ui/login (check the token, start a
 * session), POST /ui/logout. A token is accepted when it grants at least one
 * scope, checked exactly as an Authorization header would be; a refused one
 * is a 401 that counts toward the auth-failure limit.
 */
import { Hono } from 'hono';
import * as z from 'zod';
import { accessOf } from '../session/access.js';
import { newSession } from '../session/cookie.js';
import { renderPage } from '../render.js';
import type { UiEnv } from '../ui-env.js';
import { LoginPage } from './login-page.js';

export const loginRoutes = new Hono<UiEnv>();

const loginForm = z.object({
  token: z.string().trim().min(1, 'Enter a token.').max(4096, 'That is not a token (too long).'),
  next: z.string().optional(),
});

loginRoutes.get('/login', (c) => {
  const { access, csrfToken } = c.var.ui;
  const next = safeNext(c.req.query('next'));
  if (!access.loginUseful) return c.redirect(next, 303);
  const read = access.decisions.read;
  // Deployed with no token configured (or a blank secret): no token can work, say why.
  const problem = !read.allowed && (read.reason === 'unconfigured' || read.reason === 'misconfigured') ? read.message : undefined;
  return renderPage(c, { title: 'Sign in', body: <LoginPage csrf={csrfToken} next={next} problem={problem} /> });
});

loginRoutes.post('/login', async (c) => {
  const parsed = loginForm.safeParse(Object.fromEntries(c.var.form));
  const next = safeNext(c.var.form.get('next'));
  const again = (status: 400 | 401 | 403, problem: string) =>
    renderPage(c, { title: 'Sign in', status, body: <LoginPage csrf={c.var.ui.csrfToken} next={next} problem={problem} /> });
  if (!parsed.success) return again(400, parsed.error.issues[0]?.message ?? 'Enter a token.');
  const access = await accessOf(c.env, parsed.data.token);
  if (!access.signedIn) {
    c.set('credentialsChecked', true);
    return again(401, 'That token is not accepted.');
  }
  if (!access.decisions.read.allowed) return again(403, `That token is valid, but the UI needs one that grants read: ${access.decisions.read.message}`);
  c.var.ui.replaceSession({ ...newSession(), token: parsed.data.token });
  return c.redirect(next, 303);
});

loginRoutes.post('/logout', (c) => {
  c.var.ui.replaceSession(null);
  return c.redirect('/ui/login', 303);
});

/** A path under /ui to return to (never another site, never the sign-in page itself). */
export function safeNext(text: string | null | undefined): string {
  const fallback = '/ui/alerts';
  if (!text?.startsWith('/ui')) return fallback;
  const url = new URL(text, 'http://edgealert.invalid');
  if (url.origin !== 'http://edgealert.invalid' || !/^\/ui(\/|$)/.test(url.pathname) || url.pathname.startsWith('/ui/login')) return fallback;
  return `${url.pathname}${url.search}`;
}
