/**
 * Acknowledging without the API token: the signed link in a page (works
 * once, expires, cannot be forged) and Slack's interactive button (request
 * signature checked with the signing secret, five-minute replay window).
 */
import { describe, expect, it } from 'vitest';
import { api, getJson, useConfig } from '../support/edgealert.js';
import { advanceWithIncidentsTo } from '../support/oncall.js';
import { TEST_SECRETS } from '../support/secrets.js';
import { deliveries, firing, freshStatePerTest, push, setClock } from '../support/timeline.js';

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

const status = async () => (await getJson<{ status: string; acknowledged?: { by: { name: string; via: string } } }[]>('/api/v1/incidents'))[0];

/** Opens incident 1 and returns the path of the ack link its first page carried. */
async function openIncidentWithLink(): Promise<string> {
  await push([firing('DiskFull')]);
  await advanceWithIncidentsTo(1000);
  const page = (await deliveries()).find((d) => (d.message as unknown as { incident?: unknown }).incident !== undefined);
  const ackUrl = (page?.message as unknown as { incident: { ackUrl?: string } } | undefined)?.incident.ackUrl;
  if (!ackUrl) throw new Error('the page carried no acknowledgement link');
  const url = new URL(ackUrl);
  expect(url.origin).toBe('http://edgealert.test');
  return url.pathname;
}

describe('the signed link in a page', () => {
  it('shows a confirmation on GET without acknowledging, acknowledges on POST, and works once', async () => {
    const path = await openIncidentWithLink();
    const shown = await api(path);
    expect(shown.status).toBe(200);
    expect(await shown.text()).toContain('<form method="post">');
    expect((await status())?.status).toBe('triggered');

    const used = await api(path, { method: 'POST' });
    expect(used.status).toBe(200);
    expect(await used.text()).toContain('Incident 1 acknowledged');
    expect(await status()).toMatchObject({ status: 'acknowledged', acknowledged: { by: { via: 'link' } } });

    const again = await api(path, { method: 'POST' });
    expect(again.status).toBe(410);
    expect(await again.text()).toContain('already used');
  });

  it('is refused after it expires (24 hours), changing nothing', async () => {
    const path = await openIncidentWithLink();
    setClock(1000 + 24 * 3_600_000);
    const late = await api(path, { method: 'POST' });
    expect(late.status).toBe(410);
    expect(await late.text()).toContain('expired');
    expect((await status())?.status).toBe('triggered');
  });

  it('is refused when tampered with', async () => {
    const path = await openIncidentWithLink();
    const tampered = path.slice(0, -2) + (path.endsWith('AA') ? 'BB' : 'AA');
    expect((await api(tampered, { method: 'POST' })).status).toBe(404);
    expect((await api('/ack/not-a-token', { method: 'POST' })).status).toBe(404);
    expect((await status())?.status).toBe('triggered');
  });
});

/** A Slack interactivity request for `value`, signed at `timestamp` (seconds) with `secret`. */
async function slackRequest(value: string, timestamp: number, secret: string = TEST_SECRETS.SLACK_SIGNING_SECRET): Promise<Response> {
  const payload = { type: 'block_actions', user: { id: 'U0ALICE', username: 'alice' }, actions: [{ action_id: 'edgealert_ack', value }] };
  const body = `payload=${encodeURIComponent(JSON.stringify(payload))}`;
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', key, new TextEncoder().encode(`v0:${timestamp}:${body}`)));
  const signature = `v0=${[...mac].map((b) => b.toString(16).padStart(2, '0')).join('')}`;
  return api('/api/v1/slack/interactions', {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-Slack-Request-Timestamp': String(timestamp), 'X-Slack-Signature': signature },
    body,
  });
}

describe("Slack's Acknowledge button", () => {
  const nowSeconds = () => Math.floor(Date.now() / 1000);

  it('a correctly signed request acknowledges, naming the Slack user', async () => {
    await openIncidentWithLink();
    const res = await slackRequest('ack:1', nowSeconds());
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ response_type: 'ephemeral', text: 'Incident 1 acknowledged by alice (Slack U0ALICE).' });
    expect(await status()).toMatchObject({ status: 'acknowledged', acknowledged: { by: { name: 'alice (Slack U0ALICE)', via: 'slack' } } });
  });

  it('a wrong signature is 401 and acknowledges nothing', async () => {
    await openIncidentWithLink();
    expect((await slackRequest('ack:1', nowSeconds(), 'not-the-signing-secret')).status).toBe(401);
    expect((await status())?.status).toBe('triggered');
  });

  it('a timestamp older than 5 minutes is 401 (replay), even when correctly signed', async () => {
    await openIncidentWithLink();
    expect((await slackRequest('ack:1', nowSeconds() - 5 * 60 - 1)).status).toBe(401);
    expect((await status())?.status).toBe('triggered');
  });
});
