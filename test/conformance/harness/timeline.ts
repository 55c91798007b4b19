/**
 * A timeline: steps run at real wall-clock offsets from its start against one
 * peer, while a capture server records the webhooks the peer sends. Run the
 * same timeline against Alertmanager and edgealert (concurrently is fine:
 * each has its own capture server) and compare the records with
 * `compareTimelines`.
 *
 *   const steps = [
 *     { at: 0, push: [{ labels: { alertname: 'A', i: '1' } }] },
 *     { at: 5000, push: [{ labels: { alertname: 'A', i: '1' }, endsAt: 'resolved' }] },
 *   ];
 *   const run = await runTimeline(peer, capture, steps, { durationMs: 8000 });
 */
import type { CaptureServer } from './capture-server.js';
import { toNotificationRecords, type NotificationRecord } from './notification.js';
import type { RunningPeer } from './peer-process.js';
import { pushAlerts, type AlertToPush, type PushResult } from './push-alerts.js';

export { compareTimelines, type TimelineComparison } from './compare-timelines.js';
export type { NotificationRecord } from './notification.js';
export type { AlertToPush } from './push-alerts.js';

/** One step, run at `at` ms after the timeline starts. */
export type TimelineStep =
  | { readonly at: number; readonly push: readonly AlertToPush[] }
  | { readonly at: number; readonly run: (peer: RunningPeer) => Promise<void> };

/** What running a timeline against one peer produced. */
export interface TimelineRun {
  /** Wall-clock ms (Date.now()) of the timeline's t=0. */
  readonly startedAt: number;
  /** Webhook notifications the peer delivered, in arrival order. */
  readonly notifications: readonly NotificationRecord[];
  /** Per push step: when it was actually sent (ms since start) and the peer's answer. */
  readonly pushes: readonly (PushResult & { readonly at: number })[];
}

/** How long to keep listening, and when to start. */
export interface TimelineOptions {
  /** Collect notifications until this many ms after t=0. */
  readonly durationMs: number;
  /** Wall-clock t=0; default now. Give two runs the same value to align them. */
  readonly startAt?: number;
}

/**
 * Runs `steps` against `peer` and returns the notifications `capture` got.
 * Times in pushed alerts are computed from each step's scheduled instant,
 * not from when it actually ran, so both peers see identical payloads.
 * A push the peer rejects does not stop the timeline; check `pushes`.
 */
export async function runTimeline(
  peer: RunningPeer,
  capture: CaptureServer,
  steps: readonly TimelineStep[],
  options: TimelineOptions,
): Promise<TimelineRun> {
  const startedAt = options.startAt ?? Date.now();
  capture.setEpoch(startedAt);
  const pushes: (PushResult & { at: number })[] = [];
  for (const step of [...steps].sort((x, y) => x.at - y.at)) {
    await sleepUntil(startedAt + step.at);
    if ('push' in step) {
      const at = Date.now() - startedAt;
      pushes.push({ at, ...(await pushAlerts(peer, step.push, startedAt + step.at)) });
    } else {
      await step.run(peer);
    }
  }
  await sleepUntil(startedAt + options.durationMs);
  return { startedAt, notifications: toNotificationRecords(capture.requests), pushes };
}

function sleepUntil(wallClockMs: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.max(0, wallClockMs - Date.now())));
}
