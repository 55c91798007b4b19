/**
 * Hand-written expectations for a timeline. A paired test first checks that
 * the real Alertmanager did what the test says it exercises (so a scenario
 * cannot silently stop testing its behaviour), then that edgealert did what
 * Alertmanager did.
 */
import { expect } from 'vitest';
import { compareTimelines, describe as describeNotification } from './compare-timelines.js';
import { formatLabels, type NotifiedAlert, type NotificationRecord } from './notification.js';
import type { TimelineRun } from './timeline.js';

/** A notification as a test expects it; streams are told apart by receiver and group key. */
export type ExpectedNotification = Omit<NotificationRecord, 'path'>;

export const firing = (labels: Record<string, string>): NotifiedAlert => ({ status: 'firing', labels });
export const resolved = (labels: Record<string, string>): NotifiedAlert => ({ status: 'resolved', labels });

/**
 * The notification one group sends at `at` ms: status "firing" if any alert
 * fires, alerts in the order notification records use.
 */
export function expectedNotification(
  at: number,
  group: { readonly receiver: string; readonly groupKey: string; readonly groupLabels: Record<string, string> },
  alerts: readonly NotifiedAlert[],
): ExpectedNotification {
  const sorted = [...alerts].sort((a, b) => (formatLabels(a.labels) < formatLabels(b.labels) ? -1 : 1));
  return { at, ...group, status: sorted.some((a) => a.status === 'firing') ? 'firing' : 'resolved', alerts: sorted };
}

/**
 * Asserts the Alertmanager run matches the test's own expectations (within
 * `toleranceMs`; Alertmanager is a few ms late, never early).
 */
export function expectAlertmanagerFollows(run: TimelineRun, expected: readonly ExpectedNotification[], toleranceMs = 300): void {
  const comparison = compareTimelines(expected, run.notifications, toleranceMs);
  const listing = (records: readonly ExpectedNotification[]) => (records.length === 0 ? ['  (none)'] : records.map(describeNotification));
  const message = [
    'Alertmanager itself did not follow the timeline this test expects (fix the test, not edgealert):',
    'expected:',
    ...listing(expected),
    'Alertmanager:',
    ...listing(run.notifications),
  ].join('\n');
  expect(comparison.problems, message).toEqual([]);
}
