/**
 * Both implementations side by side: the real Alertmanager and edgealert,
 * started from the same config YAML (only the capture server's address in
 * webhook URLs differs), each posting to its own capture server. A timeline
 * runs against both at the same wall-clock start, so every push carries the
 * same relative times and both runs can be compared notification by
 * notification.
 *
 *   const pair = await startPeerPair((hook) => configYaml(hook('/web')));
 *   const runs = await pair.run(steps, { durationMs: 4_000, paths: ['/web'] });
 *   expectSameNotifications(runs);
 */
import { afterAll, beforeAll, expect } from 'vitest';
import { startAlertmanager } from './alertmanager.js';
import { startCaptureServer, type CapturedRequest, type CaptureServer } from './capture-server.js';
import { describe as describeNotification } from './compare-timelines.js';
import { startEdgealert } from './edgealert.js';
import type { RunningPeer } from './peer-process.js';
import { compareTimelines, runTimeline, type TimelineRun, type TimelineStep } from './timeline.js';

/** `hook('/path')` is the absolute webhook URL of `/path` on the peer's own capture server. */
export type ConfigTemplate = (hook: (path: string) => string) => string;

/** One running peer and the capture server its webhooks go to. */
export interface PeerWithCapture {
  readonly peer: RunningPeer;
  readonly capture: CaptureServer;
}

/** What running one timeline against both peers produced. */
export interface PairRun {
  readonly alertmanager: TimelineRun;
  readonly edgealert: TimelineRun;
}

export interface PairRunOptions {
  /** Collect notifications until this many ms after t=0. */
  readonly durationMs: number;
  /** Keep only notifications posted to these paths: each test uses its own, so a late flush of another test's group is left out. */
  readonly paths: readonly string[];
}

export interface PeerPair {
  readonly alertmanager: PeerWithCapture;
  readonly edgealert: PeerWithCapture;
  /**
   * Forgets what both capture servers recorded, runs `steps` against both
   * peers concurrently from the same t=0 (a little in the future so both
   * start aligned) and returns their notifications on `paths`.
   */
  run(steps: readonly TimelineStep[], options: PairRunOptions): Promise<PairRun>;
  stop(): Promise<void>;
}

/** How far ahead of "now" a paired timeline's t=0 is placed, so neither peer starts late. */
const START_DELAY_MS = 200;

/** Starts both peers (in parallel) with `config`, each with its own capture server. */
export async function startPeerPair(config: ConfigTemplate): Promise<PeerPair> {
  const [amCapture, edgeCapture] = await Promise.all([startCaptureServer(), startCaptureServer()]);
  const started = await Promise.allSettled([
    startAlertmanager(config((path) => amCapture.url(path))),
    startEdgealert(config((path) => edgeCapture.url(path))),
  ]);
  const peers = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
  const failed = started.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (failed) {
    await Promise.all([...peers.map((p) => p.stop()), amCapture.close(), edgeCapture.close()]);
    throw failed.reason;
  }
  const [am, edge] = peers as [RunningPeer, RunningPeer];
  const alertmanager = { peer: am, capture: amCapture };
  const edgealert = { peer: edge, capture: edgeCapture };
  return {
    alertmanager,
    edgealert,
    async run(steps, options) {
      amCapture.reset();
      edgeCapture.reset();
      const timing = { durationMs: options.durationMs, startAt: Date.now() + START_DELAY_MS };
      const [amRun, edgeRun] = await Promise.all([
        runTimeline(am, amCapture, steps, timing),
        runTimeline(edge, edgeCapture, steps, timing),
      ]);
      return { alertmanager: onPaths(amRun, options.paths), edgealert: onPaths(edgeRun, options.paths) };
    },
    async stop() {
      await Promise.all([am.stop(), edge.stop(), amCapture.close(), edgeCapture.close()]);
    },
  };
}

function onPaths(run: TimelineRun, paths: readonly string[]): TimelineRun {
  return { ...run, notifications: run.notifications.filter((n) => paths.includes(n.path)) };
}

/** The webhook requests a capture server got on `path` (arrival order). */
export function requestsOn(capture: CaptureServer, path: string): CapturedRequest[] {
  return capture.requests.filter((r) => r.method === 'POST' && r.path === path);
}

/**
 * Asserts both peers accepted every push with the same status and sent the
 * same notifications (per stream: status, alert set, group labels) within
 * `toleranceMs`. On failure the message lists each problem and both runs
 * side by side, Alertmanager first.
 */
export function expectSameNotifications(runs: PairRun, toleranceMs = 400): void {
  const am = runs.alertmanager;
  const edge = runs.edgealert;
  expect(edge.pushes.map((p) => p.status), 'push answers (edgealert vs Alertmanager)').toEqual(am.pushes.map((p) => p.status));
  const comparison = compareTimelines(am.notifications, edge.notifications, toleranceMs);
  expect(comparison.problems, `edgealert differs from Alertmanager:\n${sideBySide(runs)}`).toEqual([]);
}

/** Both runs' notifications, one per line, under the name of the peer that sent them. */
export function sideBySide(runs: PairRun): string {
  const lines = (run: TimelineRun) => (run.notifications.length === 0 ? ['  (none)'] : run.notifications.map(describeNotification));
  return ['Alertmanager:', ...lines(runs.alertmanager), 'edgealert:', ...lines(runs.edgealert)].join('\n');
}

/** Arrival differences (edgealert minus Alertmanager, ms) of matching notifications, for timing reports. */
export function arrivalDeltas(runs: PairRun): number[] {
  const key = (n: { path: string; receiver: string; groupKey: string }) => `${n.path} ${n.receiver} ${n.groupKey}`;
  const seen = new Map<string, number>();
  const deltas: number[] = [];
  const edgeByStream = new Map<string, number[]>();
  for (const n of runs.edgealert.notifications) edgeByStream.set(key(n), [...(edgeByStream.get(key(n)) ?? []), n.at]);
  for (const n of runs.alertmanager.notifications) {
    const index = seen.get(key(n)) ?? 0;
    seen.set(key(n), index + 1);
    const edgeAt = edgeByStream.get(key(n))?.[index];
    if (edgeAt !== undefined) deltas.push(edgeAt - n.at);
  }
  return deltas;
}

/** One line summing up arrival differences: count, min, median, max (ms, edgealert minus Alertmanager). */
export function summarizeDeltas(what: string, deltas: readonly number[]): string {
  if (deltas.length === 0) return `${what}: no notifications compared`;
  const sorted = [...deltas].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)];
  return `${what}: ${sorted.length} notifications, edgealert minus Alertmanager arrival: min ${sorted[0]} ms, median ${median} ms, max ${sorted.at(-1)} ms`;
}

/** A peer pair shared by the tests of one describe block. */
export interface PairedSuite {
  /** The running pair (started before the block's first test). */
  pair(): PeerPair;
  /** Asserts edgealert notified as Alertmanager did, and keeps the arrival deltas for the summary. */
  compare(runs: PairRun): void;
}

/**
 * Starts one pair for the enclosing describe block and stops it afterwards,
 * logging a one-line summary of edgealert's arrival times against Alertmanager's.
 */
export function usePeerPair(label: string, config: ConfigTemplate): PairedSuite {
  let pair: PeerPair | undefined;
  const deltas: number[] = [];
  beforeAll(async () => {
    pair = await startPeerPair(config);
  });
  afterAll(async () => {
    console.log(summarizeDeltas(label, deltas));
    await pair?.stop();
  });
  return {
    pair: () => {
      if (!pair) throw new Error('usePeerPair: the pair has not started');
      return pair;
    },
    compare: (runs) => {
      deltas.push(...arrivalDeltas(runs));
      expectSameNotifications(runs);
    },
  };
}

/** The receiver, group key and group labels of a scenario's group (routes match on `scenario`). */
export function scenarioGroup(scenario: string, groupLabels: Record<string, string>) {
  const printed = Object.keys(groupLabels)
    .sort()
    .map((name) => `${name}="${groupLabels[name]}"`)
    .join(', ');
  return { receiver: scenario, groupKey: `{}/{scenario="${scenario}"}:{${printed}}`, groupLabels };
}
