/**
 * Answering with a UI page: the document in the layout, a Content-Security-
 * Policy that lets only this response's nonce run script or style, a
 * referrer policy of same-origin, and no caching (pages show alerts,
 * silences and who may do what).
 */
import type { Child } from 'hono/jsx';
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { Layout } from './layout.js';
import type { UiEnv } from './ui-env.js';

/** The CSP of a page: its own nonce for script and style, requests to itself, forms to itself, nothing else. */
export function pageCsp(nonce: string): string {
  return [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src 'nonce-${nonce}'`,
    'img-src data:',
    "connect-src 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "base-uri 'none'",
  ].join('; ');
}

export interface PageOptions {
  readonly title: string;
  readonly body: Child;
  readonly status?: ContentfulStatusCode;
}

/** The response for a page. */
export function renderPage(c: Context<UiEnv>, { title, body, status = 200 }: PageOptions) {
  const { nonce, access, csrfToken } = c.var.ui;
  c.header('Content-Security-Policy', pageCsp(nonce));
  c.header('Cache-Control', 'no-store');
  // Same-origin requests (the page's own forms) carry the Origin the CSRF check wants; other sites get no referrer.
  c.header('Referrer-Policy', 'same-origin');
  const path = new URL(c.req.url).pathname;
  return c.html(
    <Layout title={title} path={path} nonce={nonce} access={access} csrf={csrfToken}>
      {body}
    </Layout>,
    status,
  );
}
