/**
 * The web UI's pages (src/ui) in local mode with no tokens: alerts grouped
 * as GET /api/v2/alerts/groups groups them, with state, age, labels,
 * annotations and filters; silences, heartbeats and status; attacker-controlled
 * labels and annotations rendered as text; the page's CSP.
 */
import { describe, expect, it } from 'vitest';
import { api, getJson, useConfig } from './support/edgealert.js';
import { silence, eq } from './support/silences.js';
import { freshStatePerTest, iso, push, setClock } from './support/timeline.js';
import { textOf, UiBrowser } from './support/ui-browser.js';

useConfig(`
route:
  receiver: default
  group_by: [alertname]
  group_wait: 1h
  routes:
    - matchers: [team="db"]
      receiver: db-pager
      group_by: [alertname, cluster]
receivers:
  - name: default
    webhook_configs: [{ url: http://receiver.test/default }]
  - name: db-pager
    webhook_configs: [{ url: http://receiver.test/db }]
inhibit_rules:
  - source_matchers: [severity="critical"]
    target_matchers: [severity="warning"]
    equal: [cluster]
heartbeats:
  - name: prometheus
    matchers: [alertname="Watchdog"]
    timeout: 5m
    receiver: default
`);
freshStatePerTest();

const alert = (labels: Record<string, string>, annotations: Record<string, string> = {}) => ({ labels, annotations, startsAt: iso(0), endsAt: iso(86_400_000) });

/** The HTML of each alert on the page, by alertname. */
function alertsIn(html: string): Map<string, string> {
  const items = html.split('<article class="alert"').slice(1);
  return new Map(items.map((item) => [/<span class="alertname">([^<]*)</.exec(item)?.[1] ?? '', item.split('</article>')[0] ?? '']));
}

describe('navigation', () => {
  it('redirects / to /ui and /ui to the alerts page', async () => {
    const root = await api('/', { redirect: 'manual' });
    expect([root.status, root.headers.get('Location')]).toEqual([302, '/ui']);
    const ui = await new UiBrowser().get('/ui');
    expect([ui.status, ui.res.headers.get('Location')]).toEqual([303, '/ui/alerts']);
  });

  it('answers an unknown /ui path with a 404 page', async () => {
    const page = await new UiBrowser().get('/ui/nope');
    expect(page.status).toBe(404);
    expect(page.html).toContain('No such page: /ui/nope');
  });

  it('serves every page in one response: inline style and script only, no external asset', async () => {
    for (const path of ['/ui/alerts', '/ui/silences', '/ui/silences/new', '/ui/heartbeats', '/ui/status']) {
      const page = await new UiBrowser().get(path);
      expect(page.status, path).toBe(200);
      expect(page.res.headers.get('Content-Type')).toMatch(/^text\/html/);
      expect(page.html, path).not.toMatch(/<(link|script|img)[^>]+(src|href)="(https?:)?\/\//);
      expect(page.html.match(/<script/g)).toHaveLength(1);
    }
  });
});

describe('alerts page', () => {
  it('groups alerts by receiver and group labels, with state, age, labels and annotations', async () => {
    await push([
      alert({ alertname: 'DiskFull', instance: 'h1' }, { summary: 'disk is full', runbook_url: 'https://runbooks.example/disk' }),
      alert({ alertname: 'DiskFull', instance: 'h2' }),
      alert({ alertname: 'Replication', team: 'db', cluster: 'eu' }),
    ]);
    setClock(3 * 3_600_000 + 5 * 60_000);
    const page = await new UiBrowser().get('/ui/alerts');
    expect(page.status).toBe(200);
    const groups = page.html.split('<section class="card group"').slice(1).map(textOf);
    expect(groups).toHaveLength(2);
    expect(groups[0]).toMatch(/^ aria-label="group of default"> default alertname="DiskFull" /);
    expect(groups[1]).toContain('db-pager alertname="Replication" cluster="eu"');
    expect(textOf(page.html)).toContain('3 alerts in 2 groups');
    const h1 = page.html.split('<article class="alert"').find((html) => html.includes('instance=&quot;h1&quot;')) ?? '';
    expect(textOf(h1)).toContain('active DiskFull for 3h 5m, since 2040-01-01 12:00:00 UTC');
    expect(textOf(h1)).toContain('disk is full');
    expect(h1).toContain('<a href="https://runbooks.example/disk" rel="noopener noreferrer" target="_blank">Runbook</a>');
  });

  it('tells silenced and inhibited alerts apart and links the silence', async () => {
    await push([
      alert({ alertname: 'Quiet', severity: 'info' }),
      alert({ alertname: 'Cause', severity: 'critical', cluster: 'c1' }),
      alert({ alertname: 'Symptom', severity: 'warning', cluster: 'c1' }),
    ]);
    const id = await silence([eq('alertname', 'Quiet')]);
    const alerts = alertsIn((await new UiBrowser().get('/ui/alerts')).html);
    expect(alerts.get('Quiet')).toContain('data-state="silenced"');
    expect(alerts.get('Quiet')).toContain(`<a href="/ui/silences/${id}">silenced by ${id.slice(0, 8)}</a>`);
    expect(alerts.get('Symptom')).toContain('data-state="inhibited"');
    expect(alerts.get('Cause')).toContain('data-state="active"');
  });

  it('links "Silence" to the silence form pre-filled with the alert labels', async () => {
    await push([alert({ alertname: 'Disk', instance: 'h"1' })]);
    const item = [...alertsIn((await new UiBrowser().get('/ui/alerts')).html).values()][0] ?? '';
    const href = /href="(\/ui\/silences\/new\?matchers=[^"]+)"/.exec(item)?.[1]?.replace(/&amp;/g, '&') ?? '';
    const form = await new UiBrowser().get(href);
    expect(form.html).toContain('>{alertname=&quot;Disk&quot;,instance=&quot;h\\&quot;1&quot;}</textarea>');
  });

  it.each([
    ['a matcher filter', '?filter=alertname%3D%22A%22', ['A']],
    ['a regex filter', '?filter=%7Balertname%3D~%22A%7CB%22%7D', ['A', 'B']],
    ['a receiver', '?receiver=db-.*', ['C']],
    ['hide silenced', '?silenced=false', ['A', 'C']],
  ])('filters by %s', async (_what, query, names) => {
    await push([alert({ alertname: 'A' }), alert({ alertname: 'B' }), alert({ alertname: 'C', team: 'db', cluster: 'x' })]);
    await silence([eq('alertname', 'B')]);
    const page = await new UiBrowser().get(`/ui/alerts${query}`);
    expect([...alertsIn(page.html).keys()].sort()).toEqual(names);
  });

  it('shows why a filter is bad, with 400, keeping what was typed', async () => {
    await push([alert({ alertname: 'A' })]);
    const page = await new UiBrowser().get('/ui/alerts?filter=alertname%3D~%22(%22');
    expect(page.status).toBe(400);
    expect(textOf(page.html)).toContain('Bad filter: invalid regular expression "(": missing closing ): `(`');
    expect(page.html).toContain('value="alertname=~&quot;(&quot;"');
    expect(alertsIn(page.html).size).toBe(0);
  });
});

describe('user-controlled text', () => {
  const SCRIPT = '<script>alert(1)</script>';

  it('renders labels, annotations and URLs from an alert as text, never as markup', async () => {
    await push([
      alert(
        { alertname: SCRIPT, instance: '"><img src=x onerror=alert(2)>' },
        { summary: SCRIPT, description: '<b onmouseover=alert(3)>x</b>', runbook_url: 'javascript:alert(4)' },
      ),
    ]);
    await api('/api/v2/alerts', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify([{ labels: { alertname: 'Gen' }, generatorURL: 'javascript:alert(5)', startsAt: iso(0) }]),
    });
    const page = await new UiBrowser().get('/ui/alerts');
    expect(page.html).not.toContain(SCRIPT);
    expect(page.html).not.toMatch(/<img|<b |href="javascript:/i);
    expect(page.html).toContain('&quot;&gt;&lt;img src=x onerror=alert(2)&gt;');
    expect(page.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(textOf(page.html)).toContain('runbook_url javascript:alert(4)');
    expect(page.html.match(/<script/g)).toHaveLength(1);
  });

  it('renders silence matchers, author and comment as text', async () => {
    await silence([eq('alertname', SCRIPT)], { createdBy: SCRIPT, comment: '<img src=x onerror=alert(1)>' });
    const page = await new UiBrowser().get('/ui/silences');
    expect(page.html).not.toContain(SCRIPT);
    expect(page.html).not.toMatch(/<img/);
    expect(textOf(page.html)).toContain(`alertname="${SCRIPT}"`);
  });
});

describe('Content-Security-Policy', () => {
  it('lets only the response nonce run script or style, and never unsafe-inline', async () => {
    const page = await new UiBrowser().get('/ui/alerts');
    const csp = page.res.headers.get('Content-Security-Policy') ?? '';
    const nonce = /script-src 'nonce-([A-Za-z0-9_-]+)'/.exec(csp)?.[1];
    expect(nonce).toBeDefined();
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(page.html).toContain(`<script nonce="${nonce}">`);
    expect(page.html).toContain(`<style nonce="${nonce}">`);
    expect((await new UiBrowser().get('/ui/alerts')).res.headers.get('Content-Security-Policy')).not.toBe(csp);
    expect(page.res.headers.get('Cache-Control')).toBe('no-store');
    expect(page.res.headers.get('X-Frame-Options')).toBe('DENY');
    // Same-origin: the page's own form posts carry a real Origin (no-referrer makes Chrome send `null`).
    expect(page.res.headers.get('Referrer-Policy')).toBe('same-origin');
  });

  it('leaves the API its own policy', async () => {
    const res = await api('/api/v2/status');
    expect(res.headers.get('Content-Security-Policy')).toBe("default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'");
  });
});

describe('silences, heartbeats and status pages', () => {
  it('lists silences as active, pending and expired', async () => {
    const active = await silence([eq('a', '1')]);
    const pending = await silence([eq('a', '2')], { startsAt: iso(3_600_000), endsAt: iso(7_200_000) });
    const expired = await silence([eq('a', '3')]);
    await api(`/api/v2/silence/${expired}`, { method: 'DELETE' });
    setClock(1);
    const page = await new UiBrowser().get('/ui/silences');
    const section = (state: string) => page.html.split(`id="${state}-silences"`)[1]?.split('</section>')[0] ?? '';
    expect(textOf(section('active'))).toContain('Active (1)');
    expect(section('active')).toContain(`data-silence-id="${active}"`);
    expect(section('pending')).toContain(`data-silence-id="${pending}"`);
    expect(textOf(section('pending'))).toContain('starts in 59m');
    expect(section('expired')).toContain(`data-silence-id="${expired}"`);
    expect(textOf(section('expired'))).toContain('Recreate');
  });

  it('opens an existing silence in the edit form with its values', async () => {
    const id = await silence([eq('alertname', 'Disk')], { comment: 'disk swap' });
    const page = await new UiBrowser().get(`/ui/silences/${id}`);
    expect(page.html).toContain(`name="id" value="${id}"`);
    expect(page.html).toContain('>{alertname=&quot;Disk&quot;}</textarea>');
    expect(page.html).toContain(`value="${iso(0)}"`);
    expect(page.html).toContain(`value="${iso(3_600_000)}"`);
    expect(page.html).toContain('disk swap</textarea>');
    expect((await new UiBrowser().get('/ui/silences/nope')).status).toBe(404);
  });

  it('shows each heartbeat with its state', async () => {
    const page = await new UiBrowser().get('/ui/heartbeats');
    expect(page.html).toContain('data-heartbeat="prometheus" data-state="waiting"');
    expect(textOf(page.html)).toContain('Last ping: never. Next due: in 5m');
  });

  it('shows the status: config loaded, version, uptime, shards and access', async () => {
    await push([alert({ alertname: 'A' })]);
    const text = textOf((await new UiBrowser().get('/ui/status')).html);
    const status = await getJson<{ versionInfo: { revision: string } }>('/api/v2/status');
    expect(text).toContain('Config loaded');
    expect(text).toContain(`Version edgealert ${status.versionInfo.revision.replace('edgealert-', '')} (Alertmanager API 0.25.0)`);
    expect(text).toMatch(/Uptime \d+[dhms].* \(this isolate, since/);
    expect(text).toContain('shard 0: 1 alerts, 1 groups');
    expect(text).toContain('Scope silence open (local mode, no token configured)');
    expect(text).toContain('Receivers default, db-pager');
  });
});

describe('GET /ui/api/validate-matchers', () => {
  const validate = async (kind: string, matchers: string) => (await api(`/ui/api/validate-matchers?kind=${kind}&matchers=${encodeURIComponent(matchers)}`)).json();

  it.each([
    ['silence', '{alertname="Disk", instance=~"h.*"}', { ok: true, matchers: ['alertname="Disk"', 'instance=~"h.*"'] }],
    ['silence', 'alertname="Disk",\n  instance=~"h.*"\n', { ok: true, matchers: ['alertname="Disk"', 'instance=~"h.*"'] }],
    ['silence', 'alertname=~".*"', { ok: false, error: 'at least one matcher must not match the empty string' }],
    ['silence', '', { ok: false, error: 'at least one matcher required' }],
    ['silence', 'bad-name="x"', { ok: false, error: expect.stringContaining('bad matcher format: bad-name="x"') }],
    ['filter', '', { ok: true, matchers: [] }],
    ['filter', 'a=~".*"', { ok: true, matchers: ['a=~".*"'] }],
  ])('%s %j', async (kind, matchers, expected) => {
    expect(await validate(kind, matchers)).toEqual(expected);
  });

  it('agrees with POST /api/v2/silences', async () => {
    const res = await api('/api/v2/silences', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ matchers: [{ name: 'alertname', value: '.*', isRegex: true }], startsAt: iso(0), endsAt: iso(60_000), createdBy: 'a', comment: 'b' }),
    });
    expect(await res.json()).toBe(`silence invalid: ${((await validate('silence', 'alertname=~".*"')) as { error: string }).error}`);
  });
});
