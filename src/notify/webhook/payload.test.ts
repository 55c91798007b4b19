import { describe, expect, it } from 'vitest';
import type { LabelSet } from '../../alert/labels.js';
import { normalizeAlert, type PostableAlert } from '../../alert/postable.js';
import { parseTime } from '../../alert/time.js';
import type { Alert } from '../../alert/types.js';
import { loadConfig, type Route } from '../../config/index.js';
import { groupKey, groupLabelsFor } from '../../route/group-labels.js';
import { matchRoutes } from '../../route/match-routes.js';
import { snapshotAlerts, type Notification } from '../notification.js';
import { webhookBody } from './payload.js';

/** README section a: the body the 0.25 binary sent, byte for byte. */
const GOLDEN =
  '{"receiver":"web","status":"firing","alerts":[{"status":"firing","labels":{"alertname":"DiskFull","env":"prod","severity":"critical"},"annotations":{"summary":"\\u003cb\\u003edisk\\u003c/b\\u003e \\u0026 \\"full\\""},"startsAt":"2026-01-02T03:04:05.67Z","endsAt":"0001-01-01T00:00:00Z","generatorURL":"","fingerprint":"ae4f4d061fbfe4b8"}],"groupLabels":{"alertname":"DiskFull"},"commonLabels":{"alertname":"DiskFull","env":"prod","severity":"critical"},"commonAnnotations":{"summary":"\\u003cb\\u003edisk\\u003c/b\\u003e \\u0026 \\"full\\""},"externalURL":"http://vm:37039","version":"4","groupKey":"{}/{severity=~\\"crit.*\\"}/{env=\\"prod\\"}:{alertname=\\"DiskFull\\"}","truncatedAlerts":0}\n';

/** The README's config: `{}` > severity=~"crit.*" (group_by alertname) > match env=prod. */
const ROOT = (() => {
  const loaded = loadConfig(
    `
route:
  receiver: web
  routes:
    - matchers: [severity=~"crit.*"]
      group_by: [alertname]
      routes:
        - match: {env: prod}
receivers: [{name: web, webhook_configs: [{url: 'http://127.0.0.1:9/hook'}]}]
`,
    {},
  );
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.error));
  return loaded.value.route;
})();

/** Flush time: after every startsAt used here, before the 2099 endsAt. */
const NOW = Date.UTC(2026, 10, 25, 6, 11, 0);

function ingest(posted: PostableAlert): Alert {
  const result = normalizeAlert(posted, { now: NOW - 1000, resolveTimeout: 5 * 60_000 });
  if (!result.ok) throw new Error(result.error);
  return result.value;
}

/** What a flush of these alerts at NOW hands to the webhook, routed like the binary would route them. */
function notificationOf(alerts: Alert[], receiver = 'web'): Notification {
  const [first] = alerts as [Alert];
  const [route] = matchRoutes(ROOT, first.labels) as [Route];
  const groupLabels = groupLabelsFor(route, first.labels);
  return { receiver, groupKey: groupKey(route, groupLabels), groupLabels, alerts: snapshotAlerts(alerts, NOW) };
}

const README_ALERT: PostableAlert = {
  labels: { alertname: 'DiskFull', empty: '', env: 'prod', severity: 'critical' },
  annotations: { summary: '<b>disk</b> & "full"' },
  startsAt: '2026-01-02T03:04:05.670Z',
  endsAt: '2099-01-01T00:00:00Z',
};

const body = (notification: Notification, maxAlerts = 0): Record<string, unknown> =>
  JSON.parse(webhookBody(notification, 'http://vm:37039', maxAlerts)) as Record<string, unknown>;

const diskAlert = (labels: LabelSet, endsAt = '2099-01-01T00:00:00Z'): Alert =>
  ingest({ labels: { alertname: 'DiskFull', severity: 'critical', env: 'prod', ...labels }, startsAt: '2026-11-25T06:00:00Z', endsAt });

describe('webhookBody (version 4)', () => {
  it("renders the README's body byte for byte from a notification carrying Alertmanager's fingerprint", () => {
    const notification = notificationOf([{ ...ingest(README_ALERT), fingerprint: 'ae4f4d061fbfe4b8' }]);
    expect(webhookBody(notification, 'http://vm:37039', 0)).toBe(GOLDEN);
  });

  // BUG (src/alert/fingerprint.ts, see fingerprint.test.ts): the alert's
  // fingerprint comes out b28ecfd61fbfe4b8 instead of ae4f4d061fbfe4b8, so
  // the body differs from the binary's in that one field.
  it('reproduces the README body from the same posted alert, fingerprint included', () => {
    expect(webhookBody(notificationOf([ingest(README_ALERT)]), 'http://vm:37039', 0)).toBe(GOLDEN);
  });

  it('sends a resolved alert with its real endsAt and status "resolved" when nothing fires', () => {
    const resolved = diskAlert({}, '2026-11-25T06:10:58.277Z');
    const sent = body(notificationOf([resolved]));
    expect(sent.status).toBe('resolved');
    expect(sent.alerts).toMatchObject([{ status: 'resolved', endsAt: '2026-11-25T06:10:58.277Z' }]);
  });

  it('is "firing" when any alert fires, and still includes the resolved ones', () => {
    const sent = body(notificationOf([diskAlert({ instance: 'h1' }, '2026-11-25T06:10:00Z'), diskAlert({ instance: 'h2' })]));
    expect(sent.status).toBe('firing');
    expect(sent.alerts).toMatchObject([
      { status: 'resolved', labels: { instance: 'h1' }, endsAt: '2026-11-25T06:10:00Z' },
      { status: 'firing', labels: { instance: 'h2' }, endsAt: '0001-01-01T00:00:00Z' },
    ]);
  });

  it('prints generatorURL "" when none was given and the URL when it was', () => {
    const withUrl = ingest({ labels: { alertname: 'DiskFull', severity: 'critical', env: 'prod', i: '2' }, generatorURL: 'http://prom/graph?g0.expr=up&x=<1>' });
    const text = webhookBody(notificationOf([diskAlert({ i: '1' }), withUrl]), 'http://vm:37039', 0);
    expect(text).toContain('"generatorURL":""');
    expect(text).toContain('"generatorURL":"http://prom/graph?g0.expr=up\\u0026x=\\u003c1\\u003e"');
  });

  it('gives groupLabels {} and a key ending in :{} for a route without group_by', () => {
    const noGroupBy = { receiver: 'web', groupKey: '{}/{kind="trunc"}:{}', groupLabels: {}, alerts: snapshotAlerts([diskAlert({})], NOW) };
    const text = webhookBody(noGroupBy, 'http://vm:37039', 0);
    expect(text).toContain('"groupLabels":{},');
    expect(text).toContain('"groupKey":"{}/{kind=\\"trunc\\"}:{}"');
  });

  it('passes externalURL through as given (no trailing slash added)', () => {
    expect(body(notificationOf([diskAlert({})])).externalURL).toBe('http://vm:37039');
  });

  describe('max_alerts', () => {
    const five = ['h5', 'h3', 'h1', 'h4', 'h2'].map((instance) => diskAlert({ instance, zone: instance <= 'h3' ? 'a' : 'b' }));

    it('sends the first max_alerts alerts in AlertSlice order and counts the rest in truncatedAlerts', () => {
      const sent = body(notificationOf(five), 3);
      expect((sent.alerts as { labels: LabelSet }[]).map((a) => a.labels.instance)).toEqual(['h1', 'h2', 'h3']);
      expect(sent.truncatedAlerts).toBe(2);
    });

    it('computes commonLabels from the alerts actually sent, as Alertmanager builds its data after truncating', () => {
      expect(body(notificationOf(five), 3).commonLabels).toMatchObject({ zone: 'a' });
      expect(body(notificationOf(five), 0).commonLabels).not.toHaveProperty('zone');
    });

    it('computes status from the alerts actually sent', () => {
      const alerts = [diskAlert({ instance: 'h1' }, '2026-11-25T06:10:00Z'), diskAlert({ instance: 'h2' })];
      expect(body(notificationOf(alerts), 1).status).toBe('resolved');
    });

    it.each([
      [0, 5, 0, '0 means no limit'],
      [5, 5, 0, 'exactly the limit'],
      [10, 5, 0, 'a limit above the count'],
      [1, 1, 4, 'a limit of one'],
    ])('max_alerts %i: %i sent, truncatedAlerts %i (%s)', (max, sent, truncated) => {
      const b = body(notificationOf(five), max);
      expect(b.alerts).toHaveLength(sent);
      expect(b.truncatedAlerts).toBe(truncated);
    });
  });

  describe('receiver name', () => {
    it.each([
      ['web', 'web', 'plain names are unchanged'],
      ['team-ops/eu_1', 'team-ops/eu_1', 'dash, slash and underscore are not regexp metacharacters'],
      ['ops.eu', 'ops\\.eu', 'a dot is escaped'],
      ['a\\.+*?()|[]{}^$b', 'a\\\\\\.\\+\\*\\?\\(\\)\\|\\[\\]\\{\\}\\^\\$b', "every character Go's regexp.QuoteMeta escapes"],
    ])('%j is sent as %j (%s)', (receiver, want) => {
      expect(body(notificationOf([diskAlert({})], receiver)).receiver).toBe(want);
    });
  });

  it('lays out fields in Alertmanager order', () => {
    const sent = body(notificationOf([diskAlert({})]));
    expect(Object.keys(sent)).toEqual(['receiver', 'status', 'alerts', 'groupLabels', 'commonLabels', 'commonAnnotations', 'externalURL', 'version', 'groupKey', 'truncatedAlerts']);
    expect(Object.keys((sent.alerts as object[])[0] ?? {})).toEqual(['status', 'labels', 'annotations', 'startsAt', 'endsAt', 'generatorURL', 'fingerprint']);
    expect(sent.version).toBe('4');
  });

  // Known difference, kept on purpose (README, "Differences"): times are held
  // as epoch milliseconds. Alertmanager keeps the time.Time it parsed, so the webhook
  // repeats the client's offset and nanoseconds (README section a:
  // `2026-01-02T05:04:05.5+02:00` stays, `.123456789Z` stays); edgealert
  // prints UTC milliseconds (`2026-01-02T03:04:05.5Z`, `.123Z`).
  it.fails.each([['2026-01-02T05:04:05.5+02:00'], ['2026-01-02T03:04:05.123456789Z']])(
    'repeats startsAt %s exactly as posted',
    (startsAt) => {
      const alert = ingest({ labels: { alertname: 'DiskFull', severity: 'critical', env: 'prod' }, startsAt, endsAt: '2099-01-01T00:00:00Z' });
      expect(parseTime(startsAt)).not.toBeNull();
      expect(body(notificationOf([alert])).alerts).toMatchObject([{ startsAt }]);
    },
  );
});

describe('webhookBody of an incident page', () => {
  const incident = { id: '42', status: 'triggered', policy: 'critical', url: 'http://vm:37039/incidents/42', ackUrl: 'http://vm:37039/ack/v1.a.b' } as const;
  const plain = (): Notification => notificationOf([{ ...ingest(README_ALERT), fingerprint: 'ae4f4d061fbfe4b8' }]);

  it("appends an incident object after Alertmanager's fields, encoded as Go encodes the rest", () => {
    const text = webhookBody({ ...plain(), incident }, 'http://vm:37039', 0);
    expect(text).toBe(
      `${GOLDEN.slice(0, -2)},"incident":{"id":"42","status":"triggered","policy":"critical","url":"http://vm:37039/incidents/42","ackUrl":"http://vm:37039/ack/v1.a.b"}}\n`,
    );
  });

  it('leaves out ackUrl when the page has none', () => {
    const { ackUrl: _, ...withoutLink } = incident;
    expect(body({ ...plain(), incident: { ...withoutLink, status: 'resolved' } }).incident).toEqual({ id: '42', status: 'resolved', policy: 'critical', url: incident.url });
  });

  it('escapes the incident fields like the rest of the body', () => {
    expect(webhookBody({ ...plain(), incident: { ...incident, policy: '<a&b>' } }, 'http://vm:37039', 0)).toContain('"policy":"\\u003ca\\u0026b\\u003e"');
  });

  it('is byte for byte the Alertmanager body without an incident', () => {
    expect(webhookBody(plain(), 'http://vm:37039', 0)).toBe(GOLDEN);
  });
});
