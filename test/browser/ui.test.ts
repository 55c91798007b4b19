/**
 * The web UI in real headless Chromium against edgealert run as users run it
 * (`npm start`: wrangler dev), with tokens configured: sign in, create a
 * silence from an alert and see the alert turn silenced, expire it, filter
 * alerts with matchers validated as you type, acknowledge an incident paged
 * to a local webhook receiver, and every page without a script error or CSP
 * violation, readable at phone width. Screenshots of each page:
 * test-artifacts/ui/.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startCaptureServer, type CaptureServer } from '../conformance/harness/capture-server.js';
import { startEdgealert } from '../conformance/harness/edgealert.js';
import type { RunningPeer } from '../conformance/harness/peer-process.js';
import { chromiumAvailable, launchChromium, phoneContext, screenshot } from './chromium.js';

const available = await chromiumAvailable();

/** Alerts with severity="page" escalate: their first step pages `pagerUrl` one second after they arrive. */
const config = (pagerUrl: string) => `
route:
  receiver: team
  group_by: [alertname]
  group_wait: 1h
  routes:
    - matchers: [severity="page"]
      receiver: pager
      group_wait: 1s
      escalation: critical
receivers:
  - name: team
    webhook_configs: [{ url: "http://127.0.0.1:9/hook" }]
  - name: pager
    webhook_configs: [{ url: "${pagerUrl}" }]
people:
  alice: { receivers: [pager] }
  bob: { receivers: [pager] }
schedules:
  - name: sre
    time_zone: Europe/Berlin
    rotations:
      - participants: [alice, bob]
        length: 1w
        start: 2026-01-05T09:00
escalation_policies:
  - name: critical
    steps:
      - notify: [pager]
      - after: 10m
        notify: [schedule:sre]
heartbeats:
  - name: prometheus
    matchers: [alertname="Watchdog"]
    timeout: 5m
    receiver: team
`;

const TOKENS = { INGEST_TOKEN: 'ingest-browser-tok', READ_TOKEN: 'read-browser-tok', ADMIN_TOKEN: 'admin-browser-tok' } as const;

describe.skipIf(!available)('web UI in Chromium', () => {
  let peer: RunningPeer;
  let pager: CaptureServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const problems: string[] = [];

  beforeAll(async () => {
    pager = await startCaptureServer();
    [peer, browser] = await Promise.all([startEdgealert(config(pager.url('/pager')), { secrets: TOKENS }), launchChromium()]);
  });
  afterAll(async () => {
    await browser?.close();
    await peer?.stop();
    await pager?.close();
  });
  beforeEach(async () => {
    await context?.close();
    problems.length = 0;
    context = await phoneContext(browser, problems);
    page = await context.newPage();
  });

  /** POST /api/v2/alerts with the ingest token. */
  async function push(...alerts: { labels: Record<string, string>; annotations?: Record<string, string> }[]): Promise<void> {
    const res = await fetch(`${peer.url}/api/v2/alerts`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${TOKENS.INGEST_TOKEN}` },
      body: JSON.stringify(alerts),
    });
    expect(res.status).toBe(200);
  }

  async function signIn(token: string, path = '/ui/alerts'): Promise<void> {
    await page.goto(`${peer.url}${path}`);
    await page.fill('#token', token);
    await Promise.all([page.waitForURL(`**${path}`), page.click('button:has-text("Sign in")')]);
  }

  /** The state of the alert named `alertname` on the alerts page. */
  const stateOf = (alertname: string) => page.locator('article.alert', { has: page.locator('.alertname', { hasText: alertname }) }).getAttribute('data-state');

  it('signs in with a token: a wrong one is refused, a read token sees but cannot silence', async () => {
    await push({ labels: { alertname: 'NightlyBackupLate' } });
    await page.goto(`${peer.url}/ui/alerts`);
    expect(new URL(page.url()).pathname).toBe('/ui/login');
    await screenshot(page, 'login');
    await page.fill('#token', 'wrong');
    await page.click('button:has-text("Sign in")');
    await expect.poll(() => page.locator('.problem').textContent()).toContain('That token is not accepted.');
    await page.fill('#token', TOKENS.READ_TOKEN);
    await Promise.all([page.waitForURL('**/ui/alerts'), page.click('button:has-text("Sign in")')]);
    expect(await page.locator('.whoami').textContent()).toContain('Signed in: read');
    expect(await stateOf('NightlyBackupLate')).toBe('active');
    expect(await page.locator('article.alert a', { hasText: 'Silence' }).count()).toBe(0);
    const cookie = (await context.cookies()).find((c) => c.name === 'edgealert_ui');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/ui' });
    await page.click('text=Sign out');
    await page.waitForURL('**/ui/login');
    await page.goto(`${peer.url}/ui/silences`);
    expect(new URL(page.url()).pathname).toBe('/ui/login');
    expect(problems).toEqual([]);
  });

  it('creates a silence from an alert, which turns silenced, then expires it', async () => {
    await push({ labels: { alertname: 'DiskFull', instance: 'db1', severity: 'critical' }, annotations: { summary: 'disk <b>full</b>', runbook_url: 'https://runbooks.example/disk' } });
    await signIn(TOKENS.ADMIN_TOKEN);
    expect(await stateOf('DiskFull')).toBe('active');
    expect(await page.locator('.alert p').first().textContent()).toBe('disk <b>full</b>');
    await screenshot(page, 'alerts');

    await page.locator('article.alert', { hasText: 'DiskFull' }).locator('a', { hasText: 'Silence' }).click();
    await page.waitForURL('**/ui/silences/new?**');
    expect(await page.inputValue('#matchers')).toBe('{alertname="DiskFull",instance="db1",severity="critical"}');
    await page.fill('#createdBy', 'alice');
    await page.fill('#comment', 'replacing the disk');
    await screenshot(page, 'silence-form');
    await Promise.all([page.waitForURL('**/ui/silences?saved=*'), page.click('button:has-text("Create silence")')]);
    expect(await page.locator('.notice').textContent()).toMatch(/^Silence [0-9a-f-]{36} saved\.$/);
    expect(await page.locator('#active-silences article').count()).toBe(1);
    await screenshot(page, 'silences');

    await page.click('nav.main >> text=Alerts');
    expect(await stateOf('DiskFull')).toBe('silenced');
    await screenshot(page, 'alerts-silenced');

    await page.click('nav.main >> text=Silences');
    await Promise.all([page.waitForURL('**/ui/silences?expired=*'), page.click('#active-silences button:has-text("Expire")')]);
    expect(await page.locator('.notice').textContent()).toMatch(/expired\.$/);
    expect(await page.locator('#active-silences article').count()).toBe(0);
    await page.click('nav.main >> text=Alerts');
    expect(await stateOf('DiskFull')).toBe('active');
    expect(problems).toEqual([]);
  });

  it('filters alerts by matchers, checking them as they are typed', async () => {
    await push({ labels: { alertname: 'CpuHigh', team: 'web' } }, { labels: { alertname: 'MemHigh', team: 'db' } });
    await signIn(TOKENS.ADMIN_TOKEN);
    await page.fill('#filter', 'team=~"(web"');
    await expect.poll(() => page.locator('#filter-error').textContent()).toContain('missing closing )');
    expect(await page.locator('#filter').evaluate((el) => (el as unknown as { validity: { valid: boolean } }).validity.valid)).toBe(false);
    await page.fill('#filter', 'team="web"');
    await expect.poll(() => page.locator('#filter-error').textContent()).toBe('');
    await Promise.all([page.waitForURL('**/ui/alerts?filter=*'), page.click('button:has-text("Filter")')]);
    expect(await page.locator('.alertname').allTextContents()).toEqual(['CpuHigh']);
    await screenshot(page, 'alerts-filtered');
    expect(problems).toEqual([]);
  });

  it('shows heartbeats and status readable at phone width, without script errors or CSP violations', async () => {
    await signIn(TOKENS.ADMIN_TOKEN, '/ui/heartbeats');
    expect(await page.locator('[data-heartbeat="prometheus"]').getAttribute('data-state')).toBe('waiting');
    await push({ labels: { alertname: 'Watchdog' } });
    await page.reload();
    expect(await page.locator('[data-heartbeat="prometheus"]').getAttribute('data-state')).toBe('ok');
    for (const [path, name] of [['/ui/heartbeats', 'heartbeats'], ['/ui/alerts', 'alerts-phone'], ['/ui/status', 'status']] as const) {
      await page.goto(`${peer.url}${path}`);
      expect(await page.evaluate<boolean>('document.documentElement.scrollWidth <= window.innerWidth'), path).toBe(true);
      await screenshot(page, name);
    }
    expect(await page.locator('table.kv').textContent()).toContain('loaded');
    // The page script ran under the CSP nonce: times are shown in the browser's zone, with UTC in the title.
    expect(await page.locator('time[data-local]').first().getAttribute('title')).toMatch(/UTC$/);
    expect(problems).toEqual([]);
  });

  it('acknowledges an incident from the page its page links to, which shows it acknowledged with a timeline entry', async () => {
    await push({ labels: { alertname: 'PaymentsDown', severity: 'page' }, annotations: { summary: 'payments API down', runbook_url: 'https://runbooks.example/payments' } });
    // group_wait 1s: the route notifies the receiver, and the policy's first step pages it with the incident's URL.
    const paged = await pager.waitFor((r) => r.path === '/pager' && (r.body as { incident?: unknown }).incident !== undefined, 15_000);
    const url = (paged.body as { incident: { url: string } }).incident.url;
    expect(url).toMatch(new RegExp(`^${peer.url}/ui/incidents/\\d+$`));
    const path = new URL(url).pathname;

    await signIn(TOKENS.ADMIN_TOKEN, path);
    expect(await page.locator('section.incident').getAttribute('data-status')).toBe('triggered');
    expect(await page.locator('article.alert a', { hasText: 'Runbook' }).getAttribute('href')).toBe('https://runbooks.example/payments');
    await page.fill('#by', 'alice');
    await Promise.all([page.waitForURL(`**${path}?done=ack`), page.click('button[data-action="ack"]')]);
    expect(await page.locator('section.incident').getAttribute('data-status')).toBe('acknowledged');
    expect(await page.locator('.notice').textContent()).toMatch(/^Incident \d+ acknowledged\.$/);
    expect(await page.locator('ol.timeline li[data-event="acknowledged"]').textContent()).toContain('by alice via ui');
    expect(await page.locator('button[data-action]').evaluateAll((buttons) => buttons.map((b) => b.getAttribute('data-action')))).toEqual(['unack', 'resolve']);
    await screenshot(page, 'incident');

    await page.click('nav.main >> text=Incidents');
    expect(await page.locator('article.incident').first().getAttribute('data-status')).toBe('acknowledged');
    await screenshot(page, 'incidents');
    await page.click('nav.main >> text=On call');
    expect(await page.locator('[data-schedule="sre"] .person').textContent()).toMatch(/^(alice|bob)$/);
    expect(await page.evaluate<boolean>('document.documentElement.scrollWidth <= window.innerWidth')).toBe(true);
    await screenshot(page, 'oncall');
    expect(problems).toEqual([]);
  });
});
