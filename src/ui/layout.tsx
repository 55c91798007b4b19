/**
 * The frame of every UI page: head (inline style and script under the CSP
 * nonce, no external asset), the navigation, what the session may do, the
 * page, and the version.
 */
import type { Child } from 'hono/jsx';
import { raw } from 'hono/html';
import { VERSION } from '../version.js';
import { PostForm } from './components/forms.js';
import { NAV_ENTRIES, currentEntry } from './nav.js';
import { allowedSummary, type UiAccess } from './session/access.js';
import { SCRIPT } from './script.js';
import { STYLE } from './style.js';

export interface LayoutProps {
  readonly title: string;
  readonly path: string;
  readonly nonce: string;
  readonly access: UiAccess;
  readonly csrf: string;
  readonly children?: Child;
}

/** A whole HTML document. */
export function Layout({ title, path, nonce, access, csrf, children }: LayoutProps) {
  const current = currentEntry(path);
  return (
    <>
      {raw('<!doctype html>')}
      <html lang="en">
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <meta name="robots" content="noindex" />
          <link rel="icon" href="data:," />
          <title>{`${title} · edgealert`}</title>
          <style nonce={nonce} dangerouslySetInnerHTML={{ __html: STYLE }} />
        </head>
        <body>
          <header class="top">
            <a class="brand" href="/ui/alerts">
              edgealert
            </a>
            <nav class="main" aria-label="pages">
              {NAV_ENTRIES.map((entry) => (
                <a href={entry.path} aria-current={entry === current ? 'page' : undefined}>
                  {entry.label}
                </a>
              ))}
            </nav>
            <SessionSummary access={access} csrf={csrf} path={path} />
          </header>
          <main>
            <h1>{title}</h1>
            {children}
          </main>
          <footer>edgealert {VERSION}</footer>
          <script nonce={nonce} dangerouslySetInnerHTML={{ __html: SCRIPT }} />
        </body>
      </html>
    </>
  );
}

/** What this browser may do, and sign in or out. */
function SessionSummary({ access, csrf, path }: { access: UiAccess; csrf: string; path: string }) {
  const allows = allowedSummary(access);
  if (access.signedIn) {
    return (
      <div class="whoami">
        <span>Signed in: {allows}</span>
        <PostForm action="/ui/logout" csrf={csrf}>
          <button type="submit">Sign out</button>
        </PostForm>
      </div>
    );
  }
  if (access.loginUseful) {
    return (
      <div class="whoami">
        <span>Not signed in: {allows}</span>
        {path === '/ui/login' ? null : <a href={`/ui/login?next=${encodeURIComponent(path)}`}>Sign in</a>}
      </div>
    );
  }
  return (
    <div class="whoami">
      <span>Local mode, no token needed: {allows}</span>
    </div>
  );
}
