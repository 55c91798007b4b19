import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { FailureReason } from '../outcome.js';
import { runNotifier, type FakeAnswer } from '../testdata/golden.js';
import { diskNotification, integrationOf, loadTeam } from '../testdata/notification.js';
import { hashGroupKey, pagerdutyNotifier } from './pagerduty-notifier.js';

const ROUTING_KEY = 'R0UT1NGs3cr3t0123456789abcdef012';
const SERVICE_KEY = 'SERV1CEs3cr3t0123456789abcdef012';

function pagerduty(api: 'v1' | 'v2', extra = '') {
  const key = api === 'v1' ? `service_key: '\${PD_KEY}'` : `routing_key: '\${PD_KEY}'`;
  const config = loadTeam(`    pagerduty_configs: [{ ${key}, url: 'https://pd.test/enqueue'${extra} }]`, { PD_KEY: api === 'v1' ? SERVICE_KEY : ROUTING_KEY });
  return pagerdutyNotifier(integrationOf(config, 'pagerduty'), config.templates);
}

describe('retry classification', () => {
  it.each([
    ['v2', 202, true, undefined, "PagerDuty's answer to an accepted event"],
    ['v2', 200, true, undefined, ''],
    ['v2', 500, false, 'serverError', 'retried'],
    ['v2', 503, false, 'serverError', ''],
    ['v2', 429, false, 'rateLimited', 'retried, after Retry-After'],
    ['v2', 400, false, 'clientError', 'an invalid event stays invalid'],
    ['v2', 403, false, 'clientError', 'v2 does not use 403 for rate limits'],
    ['v2', 404, false, 'clientError', ''],
    ['v1', 200, true, undefined, ''],
    ['v1', 500, false, 'serverError', ''],
    ['v1', 403, false, 'rateLimited', "v1's rate limit: retried, as Alertmanager does"],
    ['v1', 429, false, 'rateLimited', ''],
    ['v1', 400, false, 'clientError', ''],
  ] as ['v1' | 'v2', number, boolean, FailureReason | undefined, string][])('%s %i: ok=%s %s (%s)', async (api, status, ok, reason) => {
    const { outcome } = await runNotifier(pagerduty(api), diskNotification('firing'), { answers: [{ status }] });
    expect(outcome.ok).toBe(ok);
    if (!outcome.ok) expect(outcome).toMatchObject({ reason, retry: reason !== 'clientError' });
  });

  it('honours Retry-After on 429', async () => {
    const { outcome } = await runNotifier(pagerduty('v2'), diskNotification('firing'), { answers: [{ status: 429, headers: { 'Retry-After': '2' } }] });
    expect(outcome).toMatchObject({ ok: false, retry: true, reason: 'rateLimited', retryAfterMs: 2000 });
  });

  it('retries a request that got no answer', async () => {
    const { outcome } = await runNotifier(pagerduty('v2'), diskNotification('firing'), { answers: ['throw'] });
    expect(outcome).toMatchObject({ ok: false, retry: true, reason: 'networkError' });
  });

  it("quotes PagerDuty's explanation of a 400, as Alertmanager does", async () => {
    const body = JSON.stringify({ status: 'invalid event', message: 'Event object is invalid', errors: ["'payload.severity' is invalid"] });
    const { outcome } = await runNotifier(pagerduty('v2'), diskNotification('firing'), { answers: [{ status: 400, body }] });
    expect(outcome).toMatchObject({ message: "pagerduty v2: unexpected status code 400: Event object is invalid: 'payload.severity' is invalid" });
  });
});

describe('events', () => {
  it('posts to the configured url with dedup_key = hex SHA-256 of the group key', async () => {
    const notification = diskNotification('firing');
    const { calls } = await runNotifier(pagerduty('v2'), notification);
    expect(calls[0]?.url).toBe('https://pd.test/enqueue');
    const sent = JSON.parse(calls[0]?.body ?? '') as Record<string, unknown>;
    expect(sent.dedup_key).toBe(createHash('sha256').update(notification.groupKey).digest('hex'));
    expect(await hashGroupKey(notification.groupKey)).toBe(sent.dedup_key);
  });

  it.each([
    [['firing'], 'trigger'],
    [['firing', 'resolved'], 'trigger'],
    [['resolved', 'resolved'], 'resolve'],
  ] as ['firing' | 'resolved'][][])('%j is a %s', async (statuses, action) => {
    const { calls } = await runNotifier(pagerduty('v2'), diskNotification(...statuses));
    expect(JSON.parse(calls[0]?.body ?? '')).toMatchObject({ event_action: action });
  });

  it('uses the same key for v1 (incident_key) and v2 (dedup_key), so a resolve closes what the trigger opened', async () => {
    const v1 = JSON.parse((await runNotifier(pagerduty('v1'), diskNotification('resolved'))).calls[0]?.body ?? '') as Record<string, unknown>;
    const v2 = JSON.parse((await runNotifier(pagerduty('v2'), diskNotification('resolved'))).calls[0]?.body ?? '') as Record<string, unknown>;
    expect(v1.incident_key).toBe(v2.dedup_key);
    expect(v1).toMatchObject({ event_type: 'resolve', event_action: '', payload: null });
  });

  it('refuses, without retrying, an event still over 512 KB once its details are gone', async () => {
    const links = Array.from({ length: 600 }, (_, i) => `{ href: 'https://x.test/${i}/${'a'.repeat(1000)}' }`).join(', ');
    const { outcome, calls } = await runNotifier(pagerduty('v2', `, links: [${links}]`), diskNotification('firing'));
    expect(calls).toHaveLength(0);
    expect(outcome).toMatchObject({ ok: false, retry: false, reason: 'other' });
    expect(outcome.ok ? '' : outcome.message).toMatch(/^pagerduty v2: the event is \d+ bytes even without its details, over PagerDuty's limit of 512000; not sent/);
  });
});

describe('secrets', () => {
  const failures: (FakeAnswer | 'throw')[] = [
    { status: 400, body: JSON.stringify({ message: `routing key ${ROUTING_KEY} / ${SERVICE_KEY} unknown`, errors: [ROUTING_KEY, SERVICE_KEY] }) },
    { status: 500, body: ROUTING_KEY },
    { status: 403, body: SERVICE_KEY },
    { status: 429, body: ROUTING_KEY },
    'throw',
  ];

  it.each(['v1', 'v2'] as const)('%s: the key is in no outcome, even when PagerDuty echoes it', async (api) => {
    for (const answer of failures) {
      const { outcome } = await runNotifier(pagerduty(api), diskNotification('firing'), { answers: [answer] });
      expect(JSON.stringify(outcome)).not.toContain(api === 'v1' ? SERVICE_KEY : ROUTING_KEY);
    }
  });
});

describe('incident pages', () => {
  it('carries the incident from the notification into the event', async () => {
    const incident = { id: '7', status: 'triggered', policy: 'critical', url: 'https://ea.test/incidents/7' } as const;
    const { calls } = await runNotifier(pagerduty('v2'), { ...diskNotification('firing'), incident }, { answers: [{ status: 202 }] });
    expect(JSON.parse(calls[0]?.body ?? '')).toMatchObject({ links: [{ href: 'https://ea.test/incidents/7', text: 'edgealert incident 7' }] });
  });
});
