/**
 * Signing in to the web UI: the session cookie and its flags, what each
 * token allows (pages need read, silence actions need silence), sign-out,
 * failed attempts counted by the auth-failure limit, local mode without
 * tokens (no sign-in), and a deployed Worker without tokens (refused).
 */
import { describe, expect, it } from 'vitest';
import { exports } from 'cloudflare:workers';
import { useBindings } from './support/bindings.js';
import { api, useConfig } from './support/edgealert.js';
import { advanceTo, freshStatePerTest } from './support/timeline.js';
import { textOf, UiBrowser } from './support/ui-browser.js';

useConfig(`
route:
  receiver: hook
receivers:
  - name: hook
    webhook_configs: [{ url: http://receiver.test/hook }]
`);
freshStatePerTest();

const TOKENS = { READ_TOKEN: 'read-tok', SILENCE_TOKEN: 'silence-tok', INGEST_TOKEN: 'ingest-tok', ADMIN_TOKEN: 'admin-tok' } as const;
const silenceForm = { matchers: 'alertname="Disk"', startsAt: '', duration: '1h', endsAt: '', createdBy: 'alice', comment: 'disk swap' };

/** The attributes of a Set-Cookie header, lower-cased names. */
function attributes(header: string | undefined): Record<string, string> {
  return Object.fromEntries((header ?? '').split(';').slice(1).map((part) => {
    const [name = '', value = ''] = part.trim().split('=');
    return [name.toLowerCase(), value];
  }));
}

describe('with tokens configured', () => {
  useBindings(TOKENS);

  it('sends a visitor without a session to the sign-in form, then back', async () => {
    const browser = new UiBrowser();
    const first = await browser.get('/ui/silences?x=1');
    expect([first.status, first.res.headers.get('Location')]).toEqual([303, '/ui/login?next=%2Fui%2Fsilences%3Fx%3D1']);
    const form = await browser.get('/ui/login?next=%2Fui%2Fsilences%3Fx%3D1');
    expect(form.html).toContain('name="next" value="/ui/silences?x=1"');
    const signedIn = await browser.post('/ui/login', { token: 'read-tok', next: '/ui/silences?x=1' });
    expect([signedIn.status, signedIn.res.headers.get('Location')]).toEqual([303, '/ui/silences?x=1']);
    expect((await browser.get('/ui/silences')).status).toBe(200);
  });

  it('keeps the token in a Secure, HttpOnly, SameSite=Strict cookie for /ui only', async () => {
    const browser = new UiBrowser();
    await browser.login('read-tok');
    const header = browser.setCookies.at(-1);
    expect(header).toMatch(/^edgealert_ui=[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]+;/);
    expect(attributes(header)).toEqual({ path: '/ui', 'max-age': '43200', httponly: '', samesite: 'Strict', secure: '' });
  });

  it.each([
    ['read-tok', 'Signed in: read', false],
    ['admin-tok', 'Signed in: admin (everything)', true],
  ])('shows what %s allows, and offers silence actions only with the silence scope', async (token, summary, silencing) => {
    const browser = new UiBrowser();
    await browser.login(token);
    const page = await browser.get('/ui/silences');
    expect(textOf(page.html)).toContain(summary);
    expect(page.html.includes('href="/ui/silences/new"')).toBe(silencing);
    expect((await browser.get('/ui/silences/new')).html.includes('disabled=""')).toBe(!silencing);
  });

  it('refuses silence actions to a read token: 403, nothing created', async () => {
    const browser = new UiBrowser();
    await browser.login('read-tok');
    await browser.get('/ui/silences/new');
    const res = await browser.post('/ui/silences', silenceForm);
    expect(res.status).toBe(403);
    expect(textOf(res.html)).toContain('the credentials sent grant read but not silence');
    expect(await (await api('/api/v2/silences', { headers: { Authorization: 'Bearer admin-tok' } })).json()).toEqual([]);
  });

  it('refuses a token that grants no read: 403 and no session', async () => {
    const browser = new UiBrowser();
    await browser.get('/ui/login');
    const res = await browser.post('/ui/login', { token: 'silence-tok' });
    expect(res.status).toBe(403);
    expect(textOf(res.html)).toContain('That token is valid, but the UI needs one that grants read');
    expect((await browser.get('/ui/alerts')).status).toBe(303);
  });

  it('refuses a wrong token with 401 on the sign-in form', async () => {
    const browser = new UiBrowser();
    await browser.get('/ui/login');
    const res = await browser.post('/ui/login', { token: 'guess' });
    expect(res.status).toBe(401);
    expect(textOf(res.html)).toContain('That token is not accepted.');
    expect(res.html).not.toContain('guess');
  });

  it('signs out: the cookie loses its token and pages ask to sign in again', async () => {
    const browser = new UiBrowser();
    await browser.login('read-tok');
    await browser.get('/ui/alerts');
    const out = await browser.post('/ui/logout', {});
    expect([out.status, out.res.headers.get('Location')]).toEqual([303, '/ui/login']);
    expect(browser.cookie).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect((await browser.get('/ui/alerts')).status).toBe(303);
  });

  it('signs out a session whose token is no longer configured', async () => {
    const browser = new UiBrowser();
    await browser.login('read-tok');
    const env = (await import('cloudflare:workers')).env as unknown as Record<string, unknown>;
    env.READ_TOKEN = 'rotated-tok';
    const page = await browser.get('/ui/alerts');
    expect(page.status).toBe(401);
    expect(textOf(page.html)).toContain('not accepted any more');
    expect(browser.cookie).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });

  it('counts failed sign-ins and rejected session cookies toward the auth-failure limit', async () => {
    const ip = { 'CF-Connecting-IP': '203.0.113.9' };
    const browser = new UiBrowser(ip);
    await browser.get('/ui/login');
    for (let i = 0; i < 9; i++) expect((await browser.post('/ui/login', { token: `guess-${i}` })).status).toBe(401);
    const forged = new UiBrowser(ip);
    forged.cookie = `${'A'.repeat(22)}.${btoa('guess-10').replace(/=+$/, '')}`;
    expect((await forged.get('/ui/alerts')).status).toBe(401);
    const limited = await browser.post('/ui/login', { token: 'read-tok' });
    expect(limited.status).toBe(429);
    await advanceTo(60_000);
    await browser.get('/ui/login');
    expect((await browser.post('/ui/login', { token: 'read-tok' })).status).toBe(303);
  });

  it('takes the visitor back to a /ui page only, never to another site', async () => {
    for (const next of ['https://evil.example/', '//evil.example/ui', '/api/v2/silences', '/ui/login']) {
      const browser = new UiBrowser();
      await browser.get('/ui/login');
      expect((await browser.post('/ui/login', { token: 'read-tok', next })).res.headers.get('Location'), next).toBe('/ui/alerts');
    }
  });
});

describe('cookie flags by how the UI is reached', () => {
  const cookieFor = async (url: string) => (await exports.default.fetch(url, { redirect: 'manual' })).headers.getAll('Set-Cookie')[0];

  it('omits Secure only for plain http to a loopback address in local mode', async () => {
    expect(attributes(await cookieFor('http://127.0.0.1:8787/ui/alerts'))).not.toHaveProperty('secure');
    expect(attributes(await cookieFor('http://localhost:8787/ui/alerts'))).not.toHaveProperty('secure');
    expect(attributes(await cookieFor('https://127.0.0.1/ui/alerts'))).toHaveProperty('secure');
    expect(attributes(await cookieFor('http://edgealert.test/ui/alerts'))).toHaveProperty('secure');
  });

  describe('deployed', () => {
    useBindings({ EDGEALERT_LOCAL: undefined, READ_TOKEN: 'read-tok' });

    it('sets Secure even on loopback http', async () => {
      expect(attributes(await cookieFor('http://127.0.0.1:8787/ui/login'))).toHaveProperty('secure');
    });
  });

  it('starts a session without a token that ends with the browser', async () => {
    expect(await cookieFor('http://edgealert.test/ui/alerts')).toMatch(/^edgealert_ui=[A-Za-z0-9_-]{22}; Path=\/ui; HttpOnly; SameSite=Strict; Secure$/);
  });

  it('answers a cross-site navigation without a cookie by reloading same-site, setting nothing', async () => {
    const res = await exports.default.fetch('http://edgealert.test/ui/alerts', { headers: { 'Sec-Fetch-Site': 'cross-site' } });
    expect(res.headers.getAll('Set-Cookie')).toEqual([]);
    expect(await res.text()).toContain('<meta http-equiv="refresh" content="0">');
  });
});

describe('locally with no tokens', () => {
  it('needs no sign-in: pages and actions are open, /ui/login leads to the alerts', async () => {
    const browser = new UiBrowser();
    const page = await browser.get('/ui/alerts');
    expect(page.status).toBe(200);
    expect(textOf(page.html)).toContain('Local mode, no token needed: read, silence, ack');
    expect(page.html).not.toContain('Sign in');
    expect((await browser.get('/ui/login')).res.headers.get('Location')).toBe('/ui/alerts');
  });

  it('ignores a stale token in the cookie when every scope is open', async () => {
    const browser = new UiBrowser();
    browser.cookie = `${'A'.repeat(22)}.${btoa('old-token').replace(/=+$/, '')}`;
    expect((await browser.get('/ui/alerts')).status).toBe(200);
  });

  describe('with only SILENCE_TOKEN set', () => {
    useBindings({ SILENCE_TOKEN: 'silence-tok' });

    it('shows pages without sign-in and offers sign-in for silencing', async () => {
      const page = await new UiBrowser().get('/ui/silences/new');
      expect(page.status).toBe(200);
      expect(textOf(page.html)).toContain('Not signed in: read, ack');
      expect(page.html).toContain('href="/ui/login?next=%2Fui%2Fsilences%2Fnew"');
      expect(page.html).toContain('disabled=""');
    });
  });
});

describe('deployed with no tokens', () => {
  useBindings({ EDGEALERT_LOCAL: undefined });

  it('refuses: the sign-in form says no token can work and why', async () => {
    const browser = new UiBrowser();
    expect((await browser.get('/ui/alerts')).status).toBe(403);
    const form = await browser.get('/ui/login');
    expect(textOf(form.html)).toContain('no credential is configured for the read scope, so this deployed Worker refuses it');
  });
});
