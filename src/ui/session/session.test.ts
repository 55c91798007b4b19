import { describe, expect, it } from 'vitest';
import { safeNext } from '../pages/login-routes.js';
import { newSession, parseSession, sessionCookie } from './cookie.js';
import { csrfTokenOf, csrfTokenValid, fromOwnOrigin } from './csrf.js';

const LOCAL = { EDGEALERT_LOCAL: 'true' };

describe('session cookie', () => {
  it('round-trips a session with and without a token', async () => {
    const bare = newSession();
    const withToken = { ...bare, token: 'tök,en with spaces' };
    for (const session of [bare, withToken]) {
      const value = /^edgealert_ui=([^;]+)/.exec(sessionCookie(session, new URL('https://x/ui'), {}))?.[1];
      expect(parseSession(value)).toEqual(session);
    }
  });

  it.each(['', 'short', `${'A'.repeat(22)}.`, `${'A'.repeat(22)}.a.b`, `${'A'.repeat(22)}.a=`])('rejects the malformed value %j', (value) => {
    expect(parseSession(value)).toBeUndefined();
  });

  it.each([
    ['http://127.0.0.1:8787/ui', LOCAL, false],
    ['http://localhost:8787/ui', LOCAL, false],
    ['http://[::1]:8787/ui', LOCAL, false],
    ['http://127.0.0.1:8787/ui', {}, true],
    ['https://127.0.0.1/ui', LOCAL, true],
    ['http://10.0.0.5:8787/ui', LOCAL, true],
  ])('for %s (%j) Secure is %s', (url, bindings, secure) => {
    expect(sessionCookie(newSession(), new URL(url), bindings).endsWith('; Secure')).toBe(secure);
  });
});

describe('CSRF token', () => {
  it('is valid only for the session it was made for', async () => {
    const session = newSession();
    const token = await csrfTokenOf(session);
    expect(await csrfTokenValid(session, token)).toBe(true);
    expect(await csrfTokenValid({ ...session, token: 'other' }, token)).toBe(false);
    expect(await csrfTokenValid(newSession(), token)).toBe(false);
    expect(await csrfTokenValid(session, null)).toBe(false);
    expect(await csrfTokenValid(session, `${token}A`)).toBe(false);
  });

  it.each([
    [{ Origin: 'https://ea.example' }, true],
    [{ Origin: 'https://evil.example' }, false],
    [{ Origin: 'https://ea.example:8443' }, false],
    [{ Origin: 'null' }, false],
    [{ Origin: 'null', 'Sec-Fetch-Site': 'same-origin' }, true],
    [{ 'Sec-Fetch-Site': 'same-origin' }, true],
    [{ 'Sec-Fetch-Site': 'same-site' }, false],
    [{}, false],
  ])('origin check of %j: %s', (headers, allowed) => {
    expect(fromOwnOrigin(new Request('https://ea.example/ui/silences', { method: 'POST', headers }))).toBe(allowed);
  });
});

describe('safeNext', () => {
  it.each([
    ['/ui/silences?x=1', '/ui/silences?x=1'],
    ['/ui', '/ui'],
    ['/uix', '/ui/alerts'],
    ['//evil.example/ui', '/ui/alerts'],
    ['/ui/../api/v2/silences', '/ui/alerts'],
    ['https://evil.example/ui', '/ui/alerts'],
    ['/ui/login', '/ui/alerts'],
    [undefined, '/ui/alerts'],
  ])('%j -> %j', (next, expected) => {
    expect(safeNext(next)).toBe(expected);
  });
});
