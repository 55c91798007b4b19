/**
 * Golden captures for an integration (Slack, PagerDuty): a peer runs a
 * config where each scenario's receiver has a webhook next to the
 * integration, both pointed at a capture server; each scenario's pushes go
 * out one at a time, each waiting for its notification. The webhook body
 * says what the notification held (receiver, group key, alerts), so
 * edgealert's payload builder can be run on exactly the data the peer
 * rendered from, and the integration's body says what the peer sent.
 *
 * Scenario `s` routes on the label `scenario="s"`; its webhook posts to
 * `/hook/s`; the config decides where its integration posts.
 */
import { parseTime, ZERO_TIME } from '../../../src/alert/time.js';
import type { Notification } from '../../../src/notify/notification.js';
import type { CapturedRequest, CaptureServer } from './capture-server.js';
import type { RunningPeer } from './peer-process.js';
import { pushAlerts, type AlertToPush } from './push-alerts.js';

export interface CaptureScenario {
  readonly name: string;
  /** Pushes in order; each is followed by exactly one notification. */
  readonly steps: readonly (readonly AlertToPush[])[];
  /** Where the scenario's integration posts (a path on the capture server). */
  readonly integrationPath: string;
}

/** One notification: the data it was made from and the integration's request. */
export interface CapturedCase {
  /** `<scenario> #<n>`. */
  readonly name: string;
  readonly scenario: string;
  readonly externalURL: string;
  readonly notification: Notification;
  /** The integration's request body as received, byte for byte. */
  readonly body: string;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
}

/** Runs every scenario against `peer` (concurrently) and pairs each webhook with its integration request. */
export async function captureScenarios(
  peer: RunningPeer,
  capture: CaptureServer,
  scenarios: readonly CaptureScenario[],
  timeoutMs = 15_000,
): Promise<CapturedCase[]> {
  await Promise.all(scenarios.map((s) => runScenario(peer, capture, s, timeoutMs)));
  return scenarios.flatMap((s) => {
    const hooks = onPath(capture, `/hook/${s.name}`);
    const sent = onPath(capture, s.integrationPath);
    return hooks.map((hook, i): CapturedCase => {
      const body = hook.body as WebhookBody;
      const request = sent[i] as CapturedRequest;
      return {
        name: `${s.name} #${i + 1}`,
        scenario: s.name,
        externalURL: body.externalURL,
        notification: notificationOf(body),
        body: request.rawBody,
        headers: request.headers,
      };
    });
  });
}

async function runScenario(peer: RunningPeer, capture: CaptureServer, s: CaptureScenario, timeoutMs: number): Promise<void> {
  for (const [i, alerts] of s.steps.entries()) {
    const pushed = await pushAlerts(peer, alerts);
    if (pushed.status !== 200) throw new Error(`${peer.name}: push ${i + 1} of ${s.name}: ${pushed.status} ${pushed.body}`);
    const count = () => Math.min(onPath(capture, `/hook/${s.name}`).length, onPath(capture, s.integrationPath).length);
    const deadline = Date.now() + timeoutMs;
    while (count() < i + 1) {
      if (Date.now() > deadline) throw new Error(`${peer.name}: ${s.name}: notification ${i + 1} did not arrive\n${peer.logs().slice(-3000)}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

function onPath(capture: CaptureServer, path: string): CapturedRequest[] {
  return capture.requests.filter((r) => r.method === 'POST' && r.path === path);
}

interface WebhookBody {
  receiver: string;
  groupKey: string;
  groupLabels: Record<string, string>;
  externalURL: string;
  alerts: {
    status: 'firing' | 'resolved';
    labels: Record<string, string>;
    annotations: Record<string, string>;
    startsAt: string;
    endsAt: string;
    generatorURL: string;
    fingerprint: string;
  }[];
}

/** The notification a webhook body describes, as edgealert's flush would hand it over. */
export function notificationOf(body: WebhookBody): Notification {
  const time = (text: string): number => {
    const t = parseTime(text);
    if (t === null) throw new Error(`bad time ${text}`);
    return t;
  };
  return {
    // The webhook carries the receiver regexp-quoted (Go's QuoteMeta); undo it.
    receiver: body.receiver.replace(/\\(.)/g, '$1'),
    groupKey: body.groupKey,
    groupLabels: body.groupLabels,
    alerts: body.alerts.map((a) => ({
      status: a.status,
      labels: a.labels,
      annotations: a.annotations,
      startsAt: time(a.startsAt),
      endsAt: a.status === 'firing' || time(a.endsAt) === ZERO_TIME ? null : time(a.endsAt),
      generatorURL: a.generatorURL,
      fingerprint: a.fingerprint,
      updatedAt: 0,
    })),
  };
}

/**
 * A time `secondsAgo` before now with the given millisecond digits, so Go
 * and edgealert print it the same. Keep startsAt + group_wait in the future:
 * otherwise Alertmanager flushes a new group at once, racing the rest of
 * the batch (test/conformance/README.md).
 */
export function recentTime(secondsAgo: number, millis: number): string {
  const t = new Date(Date.now() - secondsAgo * 1000);
  t.setUTCMilliseconds(millis);
  return t.toISOString();
}
