/**
 * Turns webhook requests (version 4 payloads) into records that can be
 * compared across peers: only what a receiver would act on, alerts sorted.
 */
import type { CapturedRequest } from './capture-server.js';

/** One alert inside a notification, reduced to identity and state. */
export interface NotifiedAlert {
  readonly status: string;
  readonly labels: Readonly<Record<string, string>>;
}

/** One webhook notification, normalised. */
export interface NotificationRecord {
  /** Arrival time, ms since the timeline started. */
  readonly at: number;
  /** Capture-server path it was posted to (tells receivers/integrations apart). */
  readonly path: string;
  readonly receiver: string;
  readonly status: string;
  readonly groupKey: string;
  readonly groupLabels: Readonly<Record<string, string>>;
  /** Sorted by their labels. */
  readonly alerts: readonly NotifiedAlert[];
}

interface WebhookBody {
  receiver?: unknown;
  status?: unknown;
  groupKey?: unknown;
  groupLabels?: unknown;
  alerts?: unknown;
}

/** Stable text form of a label set: `{a="1", b="2"}` with names sorted. */
export function formatLabels(labels: Readonly<Record<string, string>>): string {
  const pairs = Object.keys(labels)
    .sort()
    .map((name) => `${name}=${JSON.stringify(labels[name])}`);
  return `{${pairs.join(', ')}}`;
}

/**
 * Normalises every POST whose body looks like a webhook notification, in
 * arrival order; other requests are ignored, and so are attempts the capture
 * server failed on purpose unless `includeFailedAttempts` (retries then show
 * as several records).
 */
export function toNotificationRecords(
  requests: readonly CapturedRequest[],
  { includeFailedAttempts = false } = {},
): NotificationRecord[] {
  const attempts = requests.filter((r) => isWebhookPost(r) && (includeFailedAttempts || r.status < 300));
  return attempts.map((request) => {
    const body = request.body as WebhookBody;
    const alerts = (body.alerts as { status?: unknown; labels?: unknown }[]).map((alert) => ({
      status: String(alert.status),
      labels: (alert.labels ?? {}) as Record<string, string>,
    }));
    alerts.sort((a, b) => compareText(formatLabels(a.labels), formatLabels(b.labels)));
    return {
      at: request.at,
      path: request.path,
      receiver: String(body.receiver),
      status: String(body.status),
      groupKey: String(body.groupKey),
      groupLabels: (body.groupLabels ?? {}) as Record<string, string>,
      alerts,
    };
  });
}

function isWebhookPost(request: CapturedRequest): boolean {
  const body = request.body as WebhookBody | undefined;
  return request.method === 'POST' && typeof body === 'object' && body !== null && Array.isArray(body.alerts);
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
