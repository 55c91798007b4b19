/**
 * The webhook body the Dispatcher sends, checked against what Alertmanager
 * 0.25 was observed to send (test/conformance/README.md, section a): version
 * "4", groupKey, truncatedAlerts with max_alerts, fingerprints.
 */
import { describe, expect, it } from 'vitest';
import { getJson, useConfig } from '../support/edgealert.js';
import { advanceTo, deliveries, freshStatePerTest, push, settle } from '../support/timeline.js';

useConfig(`
route:
  receiver: web
  group_wait: 1s
  group_interval: 30s
  repeat_interval: 1h
  routes:
    - matchers: ['severity=~"crit.*"']
      group_by: [alertname]
      routes:
        - match: { env: prod }
    - matchers: [kind="trunc"]
      receiver: capped
receivers:
  - name: web
    webhook_configs:
      - url: http://receiver.test/web
  - name: capped
    webhook_configs:
      - url: http://receiver.test/capped
        max_alerts: 3
`);
freshStatePerTest();

describe('the webhook body', () => {
  it('is the version 4 body Alertmanager sends, byte for byte', async () => {
    await push([
      {
        labels: { alertname: 'DiskFull', severity: 'critical', env: 'prod', empty: '' },
        annotations: { summary: '<b>disk</b> & "full"' },
        startsAt: '2026-01-02T03:04:05.670Z', // long past: flushed at once, printed as .67Z
        endsAt: '2099-01-01T00:00:00.000Z', // firing alerts are sent with the zero time
      },
    ]);
    await settle(); // long past group_wait: the push flushes it

    const [request, ...more] = await deliveries();
    expect(more).toEqual([]);
    const summary = String.raw`\u003cb\u003edisk\u003c/b\u003e \u0026 \"full\"`;
    const labels = '{"alertname":"DiskFull","env":"prod","severity":"critical"}';
    expect(request?.body).toBe(
      `{"receiver":"web","status":"firing","alerts":[{"status":"firing","labels":${labels},` +
        `"annotations":{"summary":"${summary}"},"startsAt":"2026-01-02T03:04:05.67Z","endsAt":"0001-01-01T00:00:00Z",` +
        `"generatorURL":"","fingerprint":"ae4f4d061fbfe4b8"}],"groupLabels":{"alertname":"DiskFull"},` +
        `"commonLabels":${labels},"commonAnnotations":{"summary":"${summary}"},` +
        `"externalURL":"http://edgealert.test","version":"4",` +
        String.raw`"groupKey":"{}/{severity=~\"crit.*\"}/{env=\"prod\"}:{alertname=\"DiskFull\"}","truncatedAlerts":0}` +
        '\n',
    );
    expect(request?.method).toBe('POST');
    expect(request?.path).toBe('/web');
    expect(request?.headers['content-type']).toBe('application/json');
  });

  it('keeps at most max_alerts alerts, sorted first, and counts the rest in truncatedAlerts', async () => {
    await push(['4', '2', '5', '1', '3'].map((i) => ({ labels: { alertname: 'Many', kind: 'trunc', i } })));
    await advanceTo(1000);

    const [request] = await deliveries();
    expect(request?.path).toBe('/capped');
    expect(request?.message).toMatchObject({
      receiver: 'capped',
      status: 'firing',
      version: '4',
      groupKey: '{}/{kind="trunc"}:{}',
      groupLabels: {},
      truncatedAlerts: 2,
    });
    expect(request?.message.alerts.map((a) => a.labels.i)).toEqual(['1', '2', '3']);
  });

  it('groups alerts without group_by in one group with key ":{}" and no group labels', async () => {
    await push([{ labels: { alertname: 'Disk', team: 'ops', instance: 'h1' } }, { labels: { alertname: 'Cpu' } }]);
    await advanceTo(1000);
    const [request, ...more] = await deliveries();
    expect(more).toEqual([]);
    expect(request?.message).toMatchObject({ groupKey: '{}:{}', groupLabels: {}, commonLabels: {} });
    expect(request?.message.alerts).toHaveLength(2);
  });
});

// Expected values: Alertmanager 0.25 (test/conformance/README.md); a BigInt FNV-1a 64 gives the same.
describe('fingerprints', () => {
  it.each([
    [{ alertname: 'DiskFull', env: 'prod', severity: 'critical' }, 'ae4f4d061fbfe4b8'],
    [{ alertname: 'Disk', team: 'ops', instance: 'h1' }, '8b3414ae5e6701ce'],
  ])('are Alertmanager\'s in the webhook and in the API for %j', async (labels, want) => {
    await push([{ labels }]);
    await advanceTo(1000);
    const [request] = await deliveries();
    expect(request?.message.alerts.map((a) => a.fingerprint)).toEqual([want]);
    const listed = await getJson<{ fingerprint: string }[]>('/api/v2/alerts');
    expect(listed.map((a) => a.fingerprint)).toEqual([want]);
  });

  it('are the same in the webhook and in the API', async () => {
    await push([{ labels: { alertname: 'Disk', team: 'ops', instance: 'h1' } }]);
    await advanceTo(1000);
    const [request] = await deliveries();
    const listed = await getJson<{ fingerprint: string }[]>('/api/v2/alerts');
    expect(listed.map((a) => a.fingerprint)).toEqual(request?.message.alerts.map((a) => a.fingerprint));
    expect(listed[0]?.fingerprint).toMatch(/^[0-9a-f]{16}$/);
  });
});
