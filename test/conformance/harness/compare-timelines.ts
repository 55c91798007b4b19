/**
 * Compares the notifications two runs produced. Notifications are compared
 * per stream (path + receiver + groupKey), in order: different groups that
 * flush at the same instant may arrive in either order on either peer, and
 * that is not a difference. Within a stream, the n-th notifications must
 * agree on status and alert set (labels + status each), and arrive within
 * `toleranceMs` of each other.
 */
import { formatLabels, type NotificationRecord } from './notification.js';

/** The outcome: `problems` is empty when the runs agree; `report` lists both runs side by side. */
export interface TimelineComparison {
  readonly equal: boolean;
  readonly problems: readonly string[];
  readonly report: string;
}

type Expected = Omit<NotificationRecord, 'path'> & { readonly path?: string };

/**
 * Compares run `a` (e.g. the real Alertmanager, or hand-written expectations)
 * with run `b`. If `a` leaves out `path`, streams are told apart by receiver
 * and group key only.
 */
export function compareTimelines(
  a: readonly Expected[],
  b: readonly NotificationRecord[],
  toleranceMs = 400,
): TimelineComparison {
  const problems: string[] = [];
  const withPath = a.every((n) => n.path !== undefined);
  const streamsA = byStream(a, withPath);
  const streamsB = byStream(b, withPath);
  for (const key of new Set([...streamsA.keys(), ...streamsB.keys()])) {
    const left = streamsA.get(key) ?? [];
    const right = streamsB.get(key) ?? [];
    for (let i = 0; i < Math.max(left.length, right.length); i++) {
      const problem = compareOne(left[i], right[i], toleranceMs);
      if (problem !== undefined) problems.push(`${key} #${i + 1}: ${problem}`);
    }
  }
  const report = ['a:', ...a.map(describe), 'b:', ...b.map(describe)].join('\n');
  return { equal: problems.length === 0, problems, report };
}

/** One line describing a notification: time, stream, status and alerts. */
export function describe(n: Expected): string {
  const alerts = n.alerts.map((alert) => `${alert.status} ${formatLabels(alert.labels)}`).join('; ');
  return `  ${String(n.at).padStart(6)} ms  ${streamKey(n)}  ${n.status}  [${alerts}]`;
}

function compareOne(a: Expected | undefined, b: Expected | undefined, toleranceMs: number): string | undefined {
  if (a === undefined) return `only in b: ${describe(b!).trim()}`;
  if (b === undefined) return `only in a: ${describe(a).trim()}`;
  const what = (n: Expected): string => `${n.status} [${n.alerts.map((x) => `${x.status} ${formatLabels(x.labels)}`).join('; ')}]`;
  if (what(a) !== what(b)) return `content differs\n    a: ${what(a)}\n    b: ${what(b)}`;
  if (formatLabels(a.groupLabels) !== formatLabels(b.groupLabels)) {
    return `groupLabels differ: a ${formatLabels(a.groupLabels)}, b ${formatLabels(b.groupLabels)}`;
  }
  const delta = b.at - a.at;
  if (Math.abs(delta) > toleranceMs) return `arrival differs by ${delta} ms (a ${a.at} ms, b ${b.at} ms; tolerance ${toleranceMs} ms)`;
  return undefined;
}

function streamKey(n: Expected, withPath = true): string {
  return `${withPath && n.path !== undefined ? `${n.path} ` : ''}${n.receiver} ${n.groupKey}`;
}

function byStream(records: readonly Expected[], withPath: boolean): Map<string, Expected[]> {
  const streams = new Map<string, Expected[]>();
  for (const record of records) {
    const key = streamKey(record, withPath);
    streams.set(key, [...(streams.get(key) ?? []), record]);
  }
  return streams;
}
