/**
 * The web UI's On call page: who each schedule has on call now, since and
 * until when on the schedule's clock, from which rotation or override, the
 * next handoffs; overrides created and removed through the form (times read
 * in the chosen schedule's time zone, refused with the API's own messages),
 * CSRF and scopes refusing a post without changing anything.
 */
import { describe, expect, it } from 'vitest';
import type { Override } from '../../src/oncall/override.js';
import { useBindings } from './support/bindings.js';
import { api, getJson, useConfig } from './support/edgealert.js';
import { freshStatePerTest, iso, setClock } from './support/timeline.js';
import { textOf, UiBrowser } from './support/ui-browser.js';

const HOUR = 3_600_000;

useConfig(`
route:
  receiver: team
receivers:
  - name: team
    webhook_configs: [{ url: 'http://receiver.test/team' }]
  - name: phones
    webhook_configs: [{ url: 'http://receiver.test/phones' }]
people:
  alice: { receivers: [phones] }
  bob: { receivers: [phones] }
  carol: { receivers: [phones] }
schedules:
  - name: primary
    time_zone: Europe/Berlin
    rotations:
      - name: days
        participants: [alice, bob]
        length: 1d
        start: 2040-01-01T09:00
  - name: db
    time_zone: UTC
    rotations:
      - participants: [carol]
        length: 1w
        start: 2040-01-01T00:00
`);
freshStatePerTest();

// T0 is 2040-01-01 12:00 UTC, 13:00 in Berlin: alice's first day, until 09:00 Berlin (08:00 UTC) on the 2nd.

/** The form as a browser sends it: local times of the chosen schedule. */
const FORM = { schedule: 'primary', person: 'carol', start: '2040-01-01T14:00', end: '2040-01-01T18:00', by: 'dave' };

const overrides = () => getJson<Override[]>('/api/v1/overrides');
const postOverride = (body: unknown) => api('/api/v1/overrides', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });

/** The HTML of one schedule's section. */
const section = (html: string, schedule: string) => (html.split(`data-schedule="${schedule}"`)[1]?.split('</section>')[0] ?? '').replace(/^[^>]*>/, '');

/** A browser that has shown the On call page (so it holds a CSRF token). */
async function atPage(): Promise<UiBrowser> {
  const browser = new UiBrowser();
  await browser.get('/ui/oncall');
  return browser;
}

describe('who is on call', () => {
  it('shows per schedule who is on call now, since and until when on its clock, from where, and the next five handoffs', async () => {
    const page = await new UiBrowser().get('/ui/oncall');
    expect(page.status).toBe(200);
    const primary = textOf(section(page.html, 'primary'));
    expect(primary).toContain('primary times in Europe/Berlin');
    expect(primary).toContain('alice is on call since Sun 2040-01-01 09:00 , until Mon 2040-01-02 09:00 (in 20h).');
    expect(primary).toContain('From rotation days (layer 1).');
    expect(primary).toContain('Mon 2040-01-02 09:00 (in 20h): alice → bob');
    expect(primary).toContain('Fri 2040-01-06 09:00 (in 4d 20h): alice → bob');
    expect(section(page.html, 'primary').match(/<li>/g)).toHaveLength(5);
    const db = textOf(section(page.html, 'db'));
    expect(db).toContain('carol is on call since Sun 2040-01-01 00:00 , with no handoff within a year.');
    expect(db).toContain('None within a year.');
  });

  it('offers the people of the config and says which clock the times are read on', async () => {
    const page = await new UiBrowser().get('/ui/oncall');
    expect(page.html).toContain('<option value="primary" selected="">primary (Europe/Berlin)</option>');
    expect(page.html).toContain('<option value="carol">carol</option>');
    const text = textOf(page.html);
    expect(text).toContain("Start, in the schedule's time zone (next to its name)");
    expect(text).toContain('not your browser’s zone');
  });
});

describe('overrides through the form', () => {
  it('creates one, read on the Berlin clock of its schedule, which then puts its person on call', async () => {
    const browser = await atPage();
    const res = await browser.post('/ui/oncall/overrides', FORM);
    expect(res.status).toBe(303);
    const [created] = await overrides();
    expect(created).toMatchObject({ schedule: 'primary', person: 'carol', start: Date.parse(iso(HOUR)), end: Date.parse(iso(5 * HOUR)), createdBy: 'dave' });
    expect(res.res.headers.get('Location')).toBe(`/ui/oncall?created=${created?.id}#override-${created?.id}`);

    setClock(HOUR + 60_000);
    const page = await browser.get(`/ui/oncall?created=${created?.id}`);
    expect(textOf(page.html)).toContain(`Override ${created?.id} created.`);
    const primary = section(page.html, 'primary');
    expect(textOf(primary)).toContain('carol is on call since Sun 2040-01-01 14:00 , until Sun 2040-01-01 18:00 (in 3h 59m).');
    expect(textOf(primary)).toContain('From an override created by dave.');
    expect(primary).toContain(`id="override-${created?.id}" data-override-id="${created?.id}" data-state="current"`);
    expect(primary).toContain(`action="/ui/oncall/overrides/${created?.id}/remove"`);
  });

  it('reads the times on the clock of the schedule chosen (UTC for db), and records "UI user" without a name', async () => {
    await (await atPage()).post('/ui/oncall/overrides', { ...FORM, schedule: 'db', by: '' });
    expect(await overrides()).toMatchObject([{ schedule: 'db', start: Date.parse('2040-01-01T14:00:00Z'), end: Date.parse('2040-01-01T18:00:00Z'), createdBy: 'UI user' }]);
  });

  it('removes one with its button', async () => {
    const created = (await (await postOverride({ schedule: 'primary', person: 'carol', start: iso(0), end: iso(HOUR) })).json()) as Override;
    const browser = await atPage();
    const res = await browser.post(`/ui/oncall/overrides/${created.id}/remove`, {});
    expect([res.status, res.res.headers.get('Location')]).toEqual([303, `/ui/oncall?removed=${created.id}`]);
    expect(await overrides()).toEqual([]);
    expect(textOf((await browser.get(`/ui/oncall?removed=${created.id}`)).html)).toContain(`Override ${created.id} removed.`);
    expect((await browser.post(`/ui/oncall/overrides/${created.id}/remove`, {})).status).toBe(404);
  });

  it.each([
    ['an unknown person', { person: 'mallory' }, { person: 'mallory' }],
    ['an end before the start', { start: '2040-01-01T18:00', end: '2040-01-01T14:00' }, { start: iso(5 * HOUR), end: iso(HOUR) }],
    ['an end in the past', { start: '2040-01-01T10:00', end: '2040-01-01T12:00' }, { start: iso(-3 * HOUR), end: iso(-HOUR) }],
    ['no start', { start: '' }, { start: undefined }],
  ])('refuses %s with the API’s own message, keeping what was typed; nothing stored', async (_what, change, apiChange) => {
    const apiBody = { schedule: 'primary', person: 'carol', start: iso(HOUR), end: iso(5 * HOUR), ...apiChange };
    const apiRes = await postOverride(apiBody);
    expect(apiRes.status).toBe(400);
    const { message } = (await apiRes.json()) as { message: string };

    const page = await (await atPage()).post('/ui/oncall/overrides', { ...FORM, ...change });
    expect(page.status).toBe(400);
    expect(textOf(page.html)).toContain(`The override was not saved: ${message}`);
    const typed = { ...FORM, ...change };
    expect(page.html).toContain(`name="end" type="datetime-local" value="${typed.end}"`);
    expect(page.html).toContain('value="dave"');
    expect(await overrides()).toEqual([]);
  });

  it('renders the name of whoever created an override as text', async () => {
    await (await atPage()).post('/ui/oncall/overrides', { ...FORM, by: '<script>alert(1)</script>' });
    const page = await new UiBrowser().get('/ui/oncall');
    expect(page.html).not.toContain('<script>alert(1)</script>');
    expect(textOf(page.html)).toContain('by <script>alert(1)</script>,');
    expect(page.html.match(/<script/g)).toHaveLength(1);
  });
});

describe('refusals', () => {
  it.each([
    ['no CSRF token', { csrf: null }],
    ['a wrong CSRF token', { csrf: 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' }],
    ['another origin', { origin: 'https://evil.example' }],
  ])('refuse creating or removing with %s: 403, nothing changed', async (_what, options) => {
    const created = (await (await postOverride({ schedule: 'primary', person: 'carol', start: iso(0), end: iso(HOUR) })).json()) as Override;
    const browser = await atPage();
    expect((await browser.post('/ui/oncall/overrides', FORM, options)).status).toBe(403);
    expect((await browser.post(`/ui/oncall/overrides/${created.id}/remove`, {}, options)).status).toBe(403);
    expect(await overrides()).toEqual([created]);
  });

  describe('with tokens configured', () => {
    useBindings({ READ_TOKEN: 'read-tok', ACK_TOKEN: 'ack-tok', ADMIN_TOKEN: 'admin-tok' });
    const asAdmin = { Authorization: 'Bearer admin-tok' };

    it('show a read token no form and no Remove button, and refuse its posts (403)', async () => {
      const res = await api('/api/v1/overrides', { method: 'POST', headers: { 'Content-Type': 'application/json', ...asAdmin }, body: JSON.stringify({ schedule: 'primary', person: 'carol', start: iso(0), end: iso(HOUR) }) });
      const created = (await res.json()) as Override;
      const browser = new UiBrowser();
      await browser.login('read-tok');
      const page = await browser.get('/ui/oncall');
      expect(page.status).toBe(200);
      expect(page.html).not.toContain('action="/ui/oncall/overrides');
      expect(textOf(page.html)).toContain('Sign in with an ack or admin token to create or remove overrides.');
      expect((await browser.post('/ui/oncall/overrides', FORM)).status).toBe(403);
      expect((await browser.post(`/ui/oncall/overrides/${created.id}/remove`, {})).status).toBe(403);
      expect(await (await api('/api/v1/overrides', { headers: asAdmin })).json()).toEqual([created]);
    });
  });
});
