/**
 * The web UI's incident pages: the list (open first, filter by status), the
 * page every page's `incident.url` points to, with its alerts and timeline;
 * Acknowledge / Un-acknowledge / Resolve through the form, recorded in the
 * timeline with the name given and via "ui"; CSRF and scopes refuse a post
 * without changing anything; alert labels and names rendered as text.
 */
import { describe, expect, it } from 'vitest';
import type { Incident } from '../../src/escalation/incident.js';
import { useBindings } from './support/bindings.js';
import { api, getJson, postAlerts, useConfig } from './support/edgealert.js';
import { act, advanceWithIncidentsTo } from './support/oncall.js';
import { deliveries, firing, freshStatePerTest, push } from './support/timeline.js';
import { textOf, UiBrowser } from './support/ui-browser.js';

useConfig(`
route:
  receiver: chat
  group_by: [alertname]
  group_wait: 1s
  escalation: critical
receivers:
  - name: chat
    webhook_configs: [{ url: 'http://receiver.test/chat' }]
escalation_policies:
  - name: critical
    steps:
      - notify: [chat]
      - after: 5m
        notify: [chat]
`);
freshStatePerTest();

const incident = (id = '1') => getJson<Incident>(`/api/v1/incidents/${id}`);

type PushedAlert = { labels: Record<string, string>; annotations?: Record<string, string> };

/** Opens one incident per alertname, 1 second apart (ids 1, 2, ...). */
async function openIncidents(...alerts: PushedAlert[]): Promise<void> {
  for (const [i, alert] of alerts.entries()) {
    await push([alert]);
    await advanceWithIncidentsTo((i + 1) * 1000);
  }
}

/** The incident cards of the list page, by id, in page order. */
const listed = (html: string) => [...html.matchAll(/data-incident-id="([^"]+)" data-status="([^"]+)"/g)].map((m) => `${m[1]}:${m[2]}`);

/** The actions the page offers (its buttons' data-action). */
const buttons = (html: string) => [...html.matchAll(/data-action="([a-z]+)"/g)].map((m) => m[1]);

describe('the incident list', () => {
  it('lists open incidents first, newest first, each with policy, group labels, firing count and who acknowledged', async () => {
    await openIncidents(firing('DiskFull', { instance: 'db1' }), firing('CpuHigh'), firing('MemHigh'));
    await act('1', 'ack', { by: 'alice' });
    const page = await new UiBrowser().get('/ui/incidents');
    expect(page.status).toBe(200);
    expect(listed(page.html)).toEqual(['3:triggered', '2:triggered', '1:acknowledged']);
    const text = textOf(page.html);
    expect(text).toContain('Incident 1 policy critical · 1 firing · opened 2s ago');
    expect(text).toContain('alertname="DiskFull"');
    expect(text).toContain('Acknowledged by alice via api');
    expect(page.html).toContain('href="/ui/incidents/1"');
    expect(page.html).toContain('<a href="/ui/incidents" aria-current="page">Incidents</a>');
  });

  it.each([
    ['open', ['2:triggered', '1:acknowledged']],
    ['triggered', ['2:triggered']],
    ['acknowledged', ['1:acknowledged']],
    ['resolved', []],
  ])('filters by status=%s', async (status, expected) => {
    await openIncidents(firing('DiskFull'), firing('CpuHigh'));
    await act('1', 'ack');
    const page = await new UiBrowser().get(`/ui/incidents?status=${status}`);
    expect(listed(page.html)).toEqual(expected);
    expect(page.html).toContain(`aria-current="page">${status[0]?.toUpperCase()}${status.slice(1)} (${expected.length})</a>`);
  });

  it('says what a bad status filter should be (400)', async () => {
    const page = await new UiBrowser().get('/ui/incidents?status=acked');
    expect(page.status).toBe(400);
    expect(textOf(page.html)).toContain('Bad status filter "acked": expected one of open, triggered, acknowledged, resolved.');
  });
});

describe('the incident page', () => {
  it('exists at the URL pages carry, with the alerts, a runbook link and the timeline', async () => {
    await openIncidents(firing('DiskFull', { instance: 'db1' }));
    const url = (await deliveries()).map((d) => (d.message as { incident?: { url: string } }).incident?.url).find(Boolean) ?? '';
    expect(url).toBe('http://edgealert.test/ui/incidents/1');
    const page = await new UiBrowser().get(new URL(url).pathname);
    expect(page.status).toBe(200);
    const text = textOf(page.html);
    expect(text).toContain('Incident 1');
    expect(text).toContain('policy critical · receiver chat · 1 firing');
    expect(page.html).toContain('data-fingerprint=');
    // Event, actor and detail are separate elements: textOf puts a space between them.
    expect(text).toContain('Opened by edgealert via system : 1 firing alert(s), policy critical');
    expect(text).toContain('Escalation step by edgealert via system : step 1 of 2: chat');
    expect(buttons(page.html)).toEqual(['ack', 'resolve']);
  });

  it('shows the alerts as last notified, annotations and an http(s) runbook_url as a link', async () => {
    await openIncidents({ labels: { alertname: 'DiskFull' }, annotations: { summary: 'disk full', runbook_url: 'https://runbooks.example/disk', owner: 'db team' } });
    const page = await new UiBrowser().get('/ui/incidents/1');
    expect(page.html).toContain('<a href="https://runbooks.example/disk" rel="noopener noreferrer" target="_blank">Runbook</a>');
    expect(textOf(page.html)).toContain('disk full');
    expect(textOf(page.html)).toContain('owner db team');
  });

  it('answers an unknown incident with 404', async () => {
    const page = await new UiBrowser().get('/ui/incidents/99');
    expect(page.status).toBe(404);
    expect(textOf(page.html)).toContain('Incident 99 not found');
  });
});

describe('acting through the form', () => {
  it('acknowledges, un-acknowledges and resolves, each in the timeline with the name given and via ui', async () => {
    await openIncidents(firing('DiskFull'));
    const browser = new UiBrowser();
    await browser.get('/ui/incidents/1');

    const acked = await browser.post('/ui/incidents/1/ack', { by: ' alice ' });
    expect([acked.status, acked.res.headers.get('Location')]).toEqual([303, '/ui/incidents/1?done=ack']);
    expect(await incident()).toMatchObject({ status: 'acknowledged', acknowledged: { by: { name: 'alice', via: 'ui' } } });
    const shown = await browser.get('/ui/incidents/1?done=ack');
    expect(textOf(shown.html)).toContain('Incident 1 acknowledged.');
    expect(textOf(shown.html)).toContain('Acknowledged by alice via ui');
    expect(buttons(shown.html)).toEqual(['unack', 'resolve']);

    await browser.post('/ui/incidents/1/unack', { by: '' });
    expect(await incident()).toMatchObject({ status: 'triggered' });
    await browser.get('/ui/incidents/1');
    await browser.post('/ui/incidents/1/resolve', { by: 'bob' });
    const done = await incident();
    expect(done).toMatchObject({ status: 'resolved', resolved: { by: { name: 'bob', via: 'ui' } } });
    expect(done.timeline.filter((e) => e.actor?.via === 'ui').map((e) => `${e.event} ${e.actor?.name}`)).toEqual([
      'acknowledged alice',
      'unacknowledged UI user',
      'resolved bob',
    ]);
    const last = await browser.get('/ui/incidents/1?done=resolve');
    expect(buttons(last.html)).toEqual([]);
    expect(textOf(last.html)).toContain('Resolved by bob via ui');
  });

  it('says why an action the state no longer allows was refused (409), showing the incident as it is', async () => {
    await openIncidents(firing('DiskFull'));
    const browser = new UiBrowser();
    await browser.get('/ui/incidents/1');
    await act('1', 'ack', { by: 'carol' });
    const page = await browser.post('/ui/incidents/1/ack', { by: 'alice' });
    expect(page.status).toBe(409);
    expect(textOf(page.html)).toContain('Not done: incident 1 is already acknowledged by carol.');
    expect(await incident()).toMatchObject({ acknowledged: { by: { name: 'carol', via: 'api' } } });
  });

  it('refuses a name longer than the API takes (400), changing nothing', async () => {
    await openIncidents(firing('DiskFull'));
    const browser = new UiBrowser();
    await browser.get('/ui/incidents/1');
    expect((await browser.post('/ui/incidents/1/ack', { by: 'x'.repeat(101) })).status).toBe(400);
    expect((await incident()).status).toBe('triggered');
  });

  it.each([
    ['no CSRF token', { csrf: null }],
    ['a wrong CSRF token', { csrf: 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' }],
    ['another origin', { origin: 'https://evil.example' }],
  ])('refuses a post with %s: 403, the incident and its timeline unchanged', async (_what, options) => {
    await openIncidents(firing('DiskFull'));
    const before = await incident();
    const browser = new UiBrowser();
    await browser.get('/ui/incidents/1');
    for (const action of ['ack', 'resolve']) {
      const res = await browser.post(`/ui/incidents/1/${action}`, { by: 'mallory' }, options);
      expect(res.status).toBe(403);
      expect(res.html).toContain('Refused');
    }
    expect(await incident()).toEqual(before);
  });

  describe('with tokens configured', () => {
    useBindings({ READ_TOKEN: 'read-tok,responder-tok', ACK_TOKEN: 'ack-tok,responder-tok', ADMIN_TOKEN: 'admin-tok' });
    const asAdmin = { headers: { Authorization: 'Bearer admin-tok' } };

    /** Incident 1, its alert pushed with the admin token (ingest needs one now). */
    async function openIncident(): Promise<void> {
      const res = await postAlerts([firing('DiskFull')], { 'Content-Type': 'application/json', ...asAdmin.headers });
      expect(res.status).toBe(200);
      await advanceWithIncidentsTo(1000);
    }

    it('shows a read token no buttons and refuses its posts (403), changing nothing', async () => {
      await openIncident();
      const browser = new UiBrowser();
      await browser.login('read-tok');
      const page = await browser.get('/ui/incidents/1');
      expect(page.status).toBe(200);
      expect(buttons(page.html)).toEqual([]);
      expect(page.html).not.toContain('formaction');
      expect(textOf(page.html)).toContain('Sign in with an ack or admin token to acknowledge or resolve.');
      const res = await browser.post('/ui/incidents/1/ack', { by: 'reader' });
      expect(res.status).toBe(403);
      expect(textOf(res.html)).toContain('grant read but not ack');
      expect(await (await api('/api/v1/incidents/1', asAdmin)).json()).toMatchObject({ status: 'triggered' });
    });

    it.each(['admin-tok', 'responder-tok'])('lets %s (admin, or listed in both READ_TOKEN and ACK_TOKEN) acknowledge', async (token) => {
      await openIncident();
      const browser = new UiBrowser();
      await browser.login(token);
      expect(buttons((await browser.get('/ui/incidents/1')).html)).toEqual(['ack', 'resolve']);
      expect((await browser.post('/ui/incidents/1/ack', { by: 'alice' })).status).toBe(303);
      expect(await (await api('/api/v1/incidents/1', asAdmin)).json()).toMatchObject({ status: 'acknowledged', acknowledged: { by: { name: 'alice', via: 'ui' } } });
    });
  });
});

describe('user-controlled text', () => {
  const SCRIPT = '<script>alert(1)</script>';

  it('renders labels, annotations and actor names on incident pages as text, never as markup', async () => {
    await openIncidents({
      labels: { alertname: SCRIPT, instance: '"><img src=x onerror=alert(2)>' },
      annotations: { summary: SCRIPT, runbook_url: 'javascript:alert(3)' },
    });
    const browser = new UiBrowser();
    await browser.get('/ui/incidents/1');
    await browser.post('/ui/incidents/1/ack', { by: '<b onmouseover=alert(4)>eve</b>' });
    for (const path of ['/ui/incidents', '/ui/incidents/1']) {
      const page = await browser.get(path);
      expect(page.html, path).not.toContain(SCRIPT);
      expect(page.html, path).not.toMatch(/<img|<b |href="javascript:/i);
      expect(page.html, path).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
      expect(page.html.match(/<script/g), path).toHaveLength(1);
    }
    const text = textOf((await browser.get('/ui/incidents/1')).html);
    expect(text).toContain('runbook_url javascript:alert(3)');
    expect(text).toContain('Acknowledged by <b onmouseover=alert(4)>eve</b> via ui');
  });
});
