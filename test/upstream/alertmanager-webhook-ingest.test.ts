/**
 * A real Alertmanager 0.25 whose webhook_configs point at edgealert (with a
 * bearer token, as its http_config sends it): alerts pushed into Alertmanager
 * come out of edgealert, routed by edgealert's own config on the
 * upstream_receiver label the URL adds.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alertmanagerAvailable, startAlertmanager } from '../conformance/harness/alertmanager.js';
import { startCaptureServer, type CaptureServer } from '../conformance/harness/capture-server.js';
import { startEdgealert } from '../conformance/harness/edgealert.js';
import type { RunningPeer } from '../conformance/harness/peer-process.js';
import { pushAlerts } from '../conformance/harness/push-alerts.js';

const available = await alertmanagerAvailable();
const TOKEN = 'upstream-ingest-token';

describe.skipIf(!available)('an upstream Alertmanager delivering to edgealert', () => {
  let capture: CaptureServer;
  let edge: RunningPeer;
  let upstream: RunningPeer;

  beforeAll(async () => {
    capture = await startCaptureServer();
    edge = await startEdgealert(
      `
route:
  receiver: everyone
  group_wait: 0s
  group_interval: 1s
  routes:
    - matchers: [upstream_receiver="team-db"]
      receiver: db-oncall
receivers:
  - name: everyone
    webhook_configs: [{ url: '${capture.url('/everyone')}' }]
  - name: db-oncall
    webhook_configs: [{ url: '${capture.url('/db-oncall')}' }]
`,
      { secrets: { INGEST_TOKEN: TOKEN } },
    );
    upstream = await startAlertmanager(`
route:
  receiver: edgealert
  group_by: [alertname]
  group_wait: 500ms
  group_interval: 1s
receivers:
  - name: edgealert
    webhook_configs:
      - url: '${edge.url}/webhook/alertmanager/team-db'
        http_config:
          authorization: { credentials: '${TOKEN}' }
`);
  });

  afterAll(async () => {
    await Promise.all([upstream?.stop(), edge?.stop(), capture?.close()]);
  });

  it('routes and delivers the alerts, then their resolution', async () => {
    const pushed = await pushAlerts(upstream, [{ labels: { alertname: 'ReplicationLag', instance: 'db1' }, endsAt: 'now+1h' }]);
    expect(pushed.status).toBe(200);
    const firing = await capture.waitFor((r) => r.path === '/db-oncall', 15_000);
    expect(firing.body).toMatchObject({
      receiver: 'db-oncall',
      status: 'firing',
      alerts: [{ status: 'firing', labels: { alertname: 'ReplicationLag', instance: 'db1', upstream_receiver: 'team-db' } }],
    });

    await pushAlerts(upstream, [{ labels: { alertname: 'ReplicationLag', instance: 'db1' }, endsAt: 'resolved' }]);
    const resolved = await capture.waitFor((r) => r.path === '/db-oncall' && (r.body as { status: string }).status === 'resolved', 15_000);
    expect(resolved.body).toMatchObject({ alerts: [{ status: 'resolved', labels: { alertname: 'ReplicationLag' } }] });
    expect(capture.requests.filter((r) => r.path === '/everyone')).toEqual([]);
  });

  it('refuses a delivery with a wrong token, which the upstream sees as a failed notification', async () => {
    const response = await fetch(`${edge.url}/webhook/alertmanager`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: 'Bearer wrong' },
      body: '{}',
    });
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ code: 401, message: 'the ingest credentials sent are not valid' });
  });
});
