import { describe, expect, it } from 'vitest';
import { deliveryKey } from './delivery-key.js';
import type { WebhookPayload } from './upstream-webhook.js';

type WebhookAlert = WebhookPayload['alerts'][number];

const GO_ZERO = '0001-01-01T00:00:00Z';

function alert(instance: string, patch: Partial<WebhookAlert> = {}): WebhookAlert {
  return {
    status: 'firing',
    labels: { alertname: 'DiskFull', instance },
    annotations: { summary: `disk of ${instance} is full` },
    startsAt: '2040-01-01T12:00:00.5Z',
    endsAt: GO_ZERO,
    generatorURL: 'http://prometheus:9090/graph',
    fingerprint: `fp-${instance}`,
    ...patch,
  };
}

/** One delivery of an upstream Alertmanager (`am` is which peer of the HA pair sent it). */
function delivery(alerts: WebhookAlert[], am = 'am-0'): WebhookPayload {
  return {
    version: '4',
    groupKey: '{}:{alertname="DiskFull"}',
    truncatedAlerts: 0,
    status: alerts.some((a) => a.status === 'firing') ? 'firing' : 'resolved',
    receiver: 'edgealert',
    groupLabels: { alertname: 'DiskFull' },
    commonLabels: { alertname: 'DiskFull' },
    commonAnnotations: {},
    externalURL: `http://${am}:9093`,
    alerts,
  };
}

const base = delivery([alert('a'), alert('b')]);
const keyOf = (payload: WebhookPayload, upstreamReceiver?: string) => deliveryKey(payload, upstreamReceiver);

describe('deliveryKey', () => {
  it('is a hex SHA-256, usable as a KV key', async () => {
    expect(await keyOf(base)).toMatch(/^[0-9a-f]{64}$/);
  });

  it.each<[string, WebhookPayload]>([
    ["the HA peer's twin (another externalURL)", delivery([alert('a'), alert('b')], 'am-1')],
    ['a retry of the same delivery', structuredClone(base)],
    ['the same alerts in another order', delivery([alert('b'), alert('a')])],
    ['other annotations', delivery([alert('a', { annotations: { summary: 'now 99%' } }), alert('b', { annotations: {} })])],
    ['other common annotations', { ...base, commonAnnotations: { runbook: 'x' } }],
    ["another upstream fingerprint or generatorURL", delivery([alert('a', { fingerprint: 'other', generatorURL: '' }), alert('b')])],
    ['another truncatedAlerts', { ...base, truncatedAlerts: 3 }],
  ])('is shared by %s', async (_what, other) => {
    expect(await keyOf(other)).toBe(await keyOf(base));
  });

  it.each<[string, WebhookPayload]>([
    [
      'a resolve of one of the alerts',
      delivery([alert('a', { status: 'resolved', endsAt: '2040-01-01T12:05:00Z' }), alert('b')]),
    ],
    ['a re-fire with a new startsAt', delivery([alert('a', { startsAt: '2040-01-01T12:10:00Z' }), alert('b')])],
    ['one alert more', delivery([alert('a'), alert('b'), alert('c')])],
    ['one alert less', delivery([alert('a')])],
    ['other labels', delivery([alert('a', { labels: { alertname: 'DiskFull', instance: 'a', severity: 'page' } }), alert('b')])],
    ['another group key', { ...base, groupKey: '{}/{team="db"}:{alertname="DiskFull"}' }],
    ['another upstream receiver name', { ...base, receiver: 'other' }],
  ])('changes with %s', async (_what, other) => {
    expect(await keyOf(other)).not.toBe(await keyOf(base));
  });

  it('changes again when a resolved alert resolves at another time', async () => {
    const resolvedAt = (endsAt: string) => delivery([alert('a', { status: 'resolved', endsAt })]);
    expect(await keyOf(resolvedAt('2040-01-01T12:05:00Z'))).not.toBe(await keyOf(resolvedAt('2040-01-01T12:06:00Z')));
  });

  it('changes with the receiver segment of the URL', async () => {
    const none = await keyOf(base);
    const teamA = await keyOf(base, 'team-a');
    expect(new Set([none, teamA, await keyOf(base, 'team-b')]).size).toBe(3);
    expect(await keyOf(base, 'team-a')).toBe(teamA);
  });

  it('treats an empty receiver segment as none', async () => {
    expect(await keyOf(base, '')).toBe(await keyOf(base));
  });
});
