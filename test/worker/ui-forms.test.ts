/**
 * The web UI's forms: creating, editing and expiring silences through the
 * same Silences object as the API (its errors shown on the form), and CSRF
 * protection on every POST (Origin and the session's token): a forged post
 * is refused with 403 and changes nothing.
 */
import { describe, expect, it } from 'vitest';
import { useBindings } from './support/bindings.js';
import { useConfig } from './support/edgealert.js';
import { eq, listSilences, silence } from './support/silences.js';
import { freshStatePerTest, iso, setClock } from './support/timeline.js';
import { textOf, UiBrowser } from './support/ui-browser.js';

useConfig(`
route:
  receiver: hook
receivers:
  - name: hook
    webhook_configs: [{ url: http://receiver.test/hook }]
`);
freshStatePerTest();

const FORM = { matchers: '{alertname="Disk", instance=~"db.*"}', startsAt: '', duration: '1h', endsAt: '', createdBy: 'alice', comment: 'disk swap' };

/** A browser that has shown the new-silence form (so it holds a CSRF token). */
async function atForm(): Promise<UiBrowser> {
  const browser = new UiBrowser();
  await browser.get('/ui/silences/new');
  return browser;
}

describe('creating a silence', () => {
  it('creates it from the form, starting now, and lists it', async () => {
    const browser = await atForm();
    const res = await browser.post('/ui/silences', FORM);
    expect(res.status).toBe(303);
    const [created] = await listSilences();
    expect(res.res.headers.get('Location')).toBe(`/ui/silences?saved=${created?.id}`);
    expect(created).toMatchObject({
      status: { state: 'active' },
      startsAt: iso(0),
      endsAt: iso(3_600_000),
      createdBy: 'alice',
      comment: 'disk swap',
      matchers: [
        { name: 'alertname', value: 'Disk', isRegex: false, isEqual: true },
        { name: 'instance', value: 'db.*', isRegex: true, isEqual: true },
      ],
    });
    expect(textOf((await browser.get(`/ui/silences?saved=${created?.id}`)).html)).toContain(`Silence ${created?.id} saved.`);
  });

  it('takes an end instead of a duration', async () => {
    await (await atForm()).post('/ui/silences', { ...FORM, duration: '', startsAt: iso(60_000), endsAt: '2040-01-01 14:00' });
    expect(await listSilences()).toMatchObject([{ status: { state: 'pending' }, startsAt: iso(60_000), endsAt: iso(7_200_000) }]);
  });

  it.each([
    ['bad matcher syntax', { matchers: 'alertname="Disk' }, 'matchers', 'matcher value contains unescaped double quote: "Disk'],
    ['a silence matching everything', { matchers: 'alertname=~".*"' }, 'matchers', 'at least one matcher must not match the empty string'],
    ['a start that is not a time', { startsAt: 'tomorrow' }, 'startsAt', 'Not a time: use RFC 3339'],
    ['a bad duration', { duration: '1.5h' }, 'duration', 'not a valid duration string: "1.5h"'],
    ['no author', { createdBy: ' ' }, 'createdBy', 'Say who is silencing.'],
  ])('shows %s on its field, keeping what was typed: 400, nothing created', async (_what, change, field, message) => {
    const res = await (await atForm()).post('/ui/silences', { ...FORM, ...change });
    expect(res.status).toBe(400);
    const fieldError = new RegExp(`id="${field}-error"[^>]*>([^<]*)<`).exec(res.html)?.[1] ?? '';
    expect(textOf(fieldError)).toContain(message);
    expect(res.html).toContain('disk swap</textarea>');
    expect(await listSilences()).toEqual([]);
  });

  it("shows the Silences object's refusal on the form", async () => {
    const res = await (await atForm()).post('/ui/silences', { ...FORM, startsAt: '2039-12-31T00:00:00Z', duration: '1h' });
    expect(res.status).toBe(400);
    expect(textOf(res.html)).toContain("The silence was not saved: Failed to create silence: end time can't be in the past");
  });

  describe('past the silence limit', () => {
    useBindings({ EDGEALERT_MAX_SILENCES: '1' });

    it('shows the limit from the Silences object', async () => {
      await silence([eq('a', '1')]);
      const res = await (await atForm()).post('/ui/silences', FORM);
      expect(textOf(res.html)).toContain('The silence was not saved: exceeded maximum number of silences: 1 (limit: 1)');
    });
  });
});

describe('editing and expiring', () => {
  it('updates an active silence in place when only the end or comment change', async () => {
    const id = await silence([eq('alertname', 'Disk')]);
    const browser = new UiBrowser();
    await browser.get(`/ui/silences/${id}`);
    const res = await browser.post('/ui/silences', { id, matchers: 'alertname="Disk"', startsAt: iso(0), duration: '', endsAt: iso(7_200_000), createdBy: 'bob', comment: 'longer' });
    expect(res.res.headers.get('Location')).toBe(`/ui/silences?saved=${id}`);
    expect(await listSilences()).toMatchObject([{ id, endsAt: iso(7_200_000), comment: 'longer' }]);
  });

  it('replaces it when the matchers change, and says so', async () => {
    const id = await silence([eq('alertname', 'Disk')]);
    const browser = new UiBrowser();
    await browser.get(`/ui/silences/${id}`);
    const res = await browser.post('/ui/silences', { ...FORM, id, matchers: 'alertname="Cpu"' });
    const location = res.res.headers.get('Location') ?? '';
    expect(location).toMatch(new RegExp(`^/ui/silences\\?saved=[0-9a-f-]{36}&replaced=${id}$`));
    expect(textOf((await browser.get(location)).html)).toContain(`it replaces ${id} (matchers or start changed)`);
  });

  it('expires a silence with the button', async () => {
    const id = await silence([eq('alertname', 'Disk')]);
    const browser = new UiBrowser();
    expect((await browser.get('/ui/silences')).html).toContain(`action="/ui/silences/${id}/expire"`);
    const res = await browser.post(`/ui/silences/${id}/expire`, {});
    expect(res.res.headers.get('Location')).toBe(`/ui/silences?expired=${id}`);
    setClock(1);
    expect(await listSilences()).toMatchObject([{ id, status: { state: 'expired' } }]);
  });

  it('opens an expired silence as a new one to recreate', async () => {
    const id = await silence([eq('alertname', 'Disk')], { comment: 'again' });
    const browser = new UiBrowser();
    await browser.get('/ui/silences');
    await browser.post(`/ui/silences/${id}/expire`, {});
    setClock(10_000);
    const page = await browser.get(`/ui/silences/${id}`);
    expect(textOf(page.html)).toContain('Recreate silence');
    expect(page.html).not.toContain('name="id"');
    expect(page.html).toContain('again</textarea>');
    expect(page.html).toContain('value="2h"');
  });

  it('answers expiring an unknown silence with 404', async () => {
    expect((await (await atForm()).post('/ui/silences/nope/expire', {})).status).toBe(404);
  });
});

describe('CSRF protection', () => {
  it.each([
    ['no CSRF token', { csrf: null }],
    ['a wrong CSRF token', { csrf: 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' }],
    ['a token that is not base64url', { csrf: '<>' }],
    ['another origin', { origin: 'https://evil.example' }],
    ['an opaque origin', { origin: 'null' }],
    ['no Origin and no Sec-Fetch-Site', { origin: null }],
  ])('refuses a silence posted with %s: 403, nothing created', async (_what, options) => {
    const res = await (await atForm()).post('/ui/silences', FORM, options);
    expect(res.status).toBe(403);
    expect(res.html).toContain('Refused');
    expect(await listSilences()).toEqual([]);
  });

  it("refuses another session's token", async () => {
    const other = await atForm();
    const otherToken = /name="_csrf" value="([^"]+)"/.exec((await other.get('/ui/silences/new')).html)?.[1];
    const res = await (await atForm()).post('/ui/silences', FORM, { csrf: otherToken ?? '' });
    expect(res.status).toBe(403);
    expect(await listSilences()).toEqual([]);
  });

  it('refuses a post without a session cookie', async () => {
    const browser = await atForm();
    browser.cookie = undefined;
    expect((await browser.post('/ui/silences', FORM)).status).toBe(403);
  });

  it('accepts a same-origin post without Origin when Sec-Fetch-Site says same-origin', async () => {
    const browser = new UiBrowser({ 'Sec-Fetch-Site': 'same-origin' });
    await browser.get('/ui/silences/new');
    expect((await browser.post('/ui/silences', FORM, { origin: null })).status).toBe(303);
  });

  it('protects expiring: a forged post leaves the silence active', async () => {
    const id = await silence([eq('alertname', 'Disk')]);
    const browser = new UiBrowser();
    await browser.get('/ui/silences');
    expect((await browser.post(`/ui/silences/${id}/expire`, {}, { csrf: null })).status).toBe(403);
    expect((await browser.post(`/ui/silences/${id}/expire`, {}, { origin: 'https://evil.example' })).status).toBe(403);
    setClock(1);
    expect(await listSilences()).toMatchObject([{ id, status: { state: 'active' } }]);
  });

  describe('with tokens configured', () => {
    useBindings({ ADMIN_TOKEN: 'admin-tok' });

    it('protects signing in and out, and changes the token with the session', async () => {
      const browser = new UiBrowser();
      await browser.get('/ui/login');
      expect((await browser.post('/ui/login', { token: 'admin-tok' }, { csrf: null })).status).toBe(403);
      const before = /name="_csrf" value="([^"]+)"/.exec((await browser.get('/ui/login')).html)?.[1];
      await browser.post('/ui/login', { token: 'admin-tok' });
      const signedIn = await browser.get('/ui/silences');
      const after = /name="_csrf" value="([^"]+)"/.exec(signedIn.html)?.[1];
      expect(after).not.toBe(before);
      expect((await browser.post('/ui/logout', {}, { csrf: before ?? '' })).status).toBe(403);
      expect((await browser.get('/ui/alerts')).status).toBe(200);
    });
  });

  it('takes only urlencoded forms of a sane size', async () => {
    const browser = await atForm();
    const res = await browser.post('/ui/silences', { ...FORM, comment: 'x'.repeat(200_000) });
    expect(res.status).toBe(413);
    expect(await listSilences()).toEqual([]);
  });
});
