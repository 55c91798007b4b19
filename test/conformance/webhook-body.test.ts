/**
 * The webhook body itself, Alertmanager 0.25 against edgealert: byte for byte
 * over a firing, a partly resolved and an all-resolved notification, and
 * max_alerts truncation (which alerts are kept, truncatedAlerts). Only
 * externalURL may differ: each peer names its own address.
 */
import { describe, expect, it } from 'vitest';
import { alertmanagerAvailable } from './harness/alertmanager.js';
import type { CapturedRequest } from './harness/capture-server.js';
import type { TimeExpression } from './harness/time-expression.js';
import { expectAlertmanagerFollows, expectedNotification as note, firing, resolved } from './harness/expected.js';
import { type PeerWithCapture, requestsOn, usePeerPair } from './harness/peer-pair.js';

const config = (hook: (path: string) => string): string => `
route:
  receiver: blackhole
  group_by: [alertname]
  group_wait: 1s
  group_interval: 2s
  repeat_interval: 1h
  routes:
    - matchers: [scenario="bytes"]
      receiver: blackhole
      routes:
        - match: { env: prod }
          receiver: bytes
    - matchers: [scenario="truncate"]
      receiver: truncate
    - matchers: [scenario="fingerprint"]
      receiver: fingerprint
receivers:
  - name: blackhole
  - name: bytes
    webhook_configs: [{ url: '${hook('/bytes')}' }]
  - name: truncate
    webhook_configs: [{ url: '${hook('/truncate')}', max_alerts: 2 }]
  - name: fingerprint
    webhook_configs: [{ url: '${hook('/fingerprint')}' }]
`;

describe.skipIf(!(await alertmanagerAvailable()))('webhook body: Alertmanager 0.25 and edgealert, same alerts', () => {
  const suite = usePeerPair('webhook body', config);
  const compare = suite.compare;

  it('sends the same body byte for byte, except externalURL: firing, partly resolved, all resolved', async () => {
    const labels = (instance: string, job: string) => ({ alertname: 'Bytes', scenario: 'bytes', env: 'prod', instance, job });
    // Millisecond-precision UTC times whose digits Go prints specially: .670 -> .67, .000 -> no fraction, .005 stays.
    // All recent, so the first flush waits for group_wait: with a startsAt + group_wait already past it would
    // come at once, and Alertmanager may then flush before the rest of the batch has joined the group.
    const startsAt = { h1: withMillis(670), h2: withMillis(0), h3: withMillis(5) };
    const disk = {
      labels: { ...labels('h1', 'node'), empty: '' }, // empty-valued labels are dropped
      annotations: { summary: '<b>disk</b> & "full"', description: 'dépassé ✓ \u2028 tab\t' },
      startsAt: startsAt.h1,
      endsAt: '2099-01-01T00:00:00.000Z',
      generatorURL: 'http://prometheus:9090/graph?g0.expr=up%3D%3D0&g0.tab=1',
    };
    const cpu = { labels: labels('h2', 'node'), startsAt: startsAt.h2 }; // no annotations, no endsAt
    const api = { labels: labels('h3', 'api'), annotations: { summary: 'slow' }, startsAt: startsAt.h3 };
    const runs = await suite.pair().run(
      [
        { at: 0, push: [disk, cpu, api] },
        { at: 1_500, push: [{ ...disk, startsAt: earlier(startsAt.h1, 1_500), endsAt: 'now' }] },
        {
          at: 3_500,
          push: [
            { ...cpu, startsAt: earlier(startsAt.h2, 3_500), endsAt: withMillis(100) },
            { ...api, startsAt: earlier(startsAt.h3, 3_500), endsAt: 'now' },
          ],
        },
      ],
      { durationMs: 5_600, paths: ['/bytes'] },
    );
    const group = { receiver: 'bytes', groupKey: '{}/{scenario="bytes"}/{env="prod"}:{alertname="Bytes"}', groupLabels: { alertname: 'Bytes' } };
    const [h1, h2, h3] = [labels('h1', 'node'), labels('h2', 'node'), labels('h3', 'api')];
    expectAlertmanagerFollows(runs.alertmanager, [
      note(1_000, group, [firing(h1), firing(h2), firing(h3)]),
      note(3_000, group, [resolved(h1), firing(h2), firing(h3)]),
      note(5_000, group, [resolved(h2), resolved(h3)]),
    ]);
    compare(runs);

    const amBodies = requestsOn(suite.pair().alertmanager.capture, '/bytes').map(comparableBody);
    const edgeBodies = requestsOn(suite.pair().edgealert.capture, '/bytes').map(comparableBody);
    expect(amBodies).toHaveLength(3);
    // One JSON member per line, so a difference shows as a line diff.
    for (const [i, am] of amBodies.entries()) expect(edgeBodies[i], `body of notification ${i + 1}`).toBe(am);
  });

  // Found by this suite (fixed in aea34d8): src/alert/fingerprint.ts had the
  // high 32 bits wrong while the low 32 agreed.
  it('gives every alert the fingerprint Alertmanager gives it, in the webhook body and the API', async () => {
    const alerts = [
      { alertname: 'DiskFull', env: 'prod', severity: 'critical' } as Record<string, string>,
      { alertname: 'NodeDown', instance: 'host-01:9100', job: 'node', severity: 'page' },
      { alertname: 'Ünïcödé', team: '日本語' },
    ].map((labels) => ({ labels: { ...labels, scenario: 'fingerprint' } }));
    await suite.pair().run([{ at: 0, push: alerts }], { durationMs: 1_700, paths: ['/fingerprint'] });
    const fingerprints = async (side: PeerWithCapture) => {
      const sent = requestsOn(side.capture, '/fingerprint').flatMap((r) => (r.body as WebhookBody).alerts);
      const listed = (await (await fetch(`${side.peer.url}/api/v2/alerts?filter=scenario%3D%22fingerprint%22`)).json()) as WebhookBody['alerts'];
      const byName = (list: WebhookBody['alerts']) => Object.fromEntries(list.map((a) => [a.labels.alertname, a.fingerprint]));
      return { webhook: byName(sent), api: byName(listed) };
    };
    const am = await fingerprints(suite.pair().alertmanager);
    expect(Object.keys(am.webhook).sort()).toEqual(['DiskFull', 'NodeDown', 'Ünïcödé']);
    expect(am.api).toEqual(am.webhook);
    expect(await fingerprints(suite.pair().edgealert)).toEqual(am);
  });

  it('cuts the alerts to max_alerts after sorting them like Alertmanager, and counts the rest in truncatedAlerts', async () => {
    const t = (labels: Record<string, string>) => ({ alertname: 'Truncated', scenario: 'truncate', ...labels });
    // Alertmanager's order: alerts with a job first (by job, then instance), then with an instance, then by label set.
    const alerts = [t({ instance: 'b' }), t({ job: 'z' }), t({ job: 'a', instance: 'x' }), t({ job: 'a', instance: 'w' }), t({ zone: '1' })];
    const runs = await suite.pair().run(
      [
        { at: 0, push: alerts.map((labels) => ({ labels })) },
        { at: 1_500, push: [{ labels: t({ job: 'a', instance: 'a' }) }] }, // sorts first: the tick at 3000 sends it
      ],
      { durationMs: 3_600, paths: ['/truncate'] },
    );
    const group = { receiver: 'truncate', groupKey: '{}/{scenario="truncate"}:{alertname="Truncated"}', groupLabels: { alertname: 'Truncated' } };
    expectAlertmanagerFollows(runs.alertmanager, [
      note(1_000, group, [firing(t({ job: 'a', instance: 'w' })), firing(t({ job: 'a', instance: 'x' }))]),
      note(3_000, group, [firing(t({ job: 'a', instance: 'a' })), firing(t({ job: 'a', instance: 'w' }))]),
    ]);
    compare(runs);

    const shape = (request: CapturedRequest) => {
      const body = request.body as { alerts: { labels: unknown }[]; truncatedAlerts: number; commonLabels: unknown };
      return { order: body.alerts.map((a) => a.labels), truncatedAlerts: body.truncatedAlerts, commonLabels: body.commonLabels };
    };
    const am = requestsOn(suite.pair().alertmanager.capture, '/truncate').map(shape);
    expect(am.map((n) => n.truncatedAlerts)).toEqual([3, 4]);
    expect(requestsOn(suite.pair().edgealert.capture, '/truncate').map(shape)).toEqual(am);
  });
});

/**
 * A time within 500 ms either side of the step's instant whose milliseconds
 * are `ms` (UTC, millisecond precision). Never more than 500 ms in the past,
 * so startsAt + group_wait (1s) is still ahead when the push arrives.
 */
function withMillis(ms: number): (now: number) => string {
  return (now) => new Date(Math.floor((now + 500 - ms) / 1_000) * 1_000 + ms).toISOString();
}

/** The time `expression` gave for a step `byMs` earlier (to re-send an alert with its first startsAt). */
function earlier(expression: (now: number) => string, byMs: number): TimeExpression {
  return (now) => expression(now - byMs);
}

interface WebhookBody {
  alerts: { labels: Record<string, string>; fingerprint: string }[];
}

/** The raw body with externalURL blanked (each peer names its own address), one top-level or alert member per line. */
function comparableBody(request: CapturedRequest): string {
  return request.rawBody.replace(/"externalURL":"[^"]*"/, '"externalURL":"<peer address>"').replaceAll(',"', ',\n"');
}
