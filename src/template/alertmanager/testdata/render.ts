/**
 * Test helper: renders inline template text the way a notification field
 * is rendered (the defaults loaded, Alertmanager's functions), returning the
 * text or the fallback text on error.
 */
import type { Notification, NotifyAlert } from '../../../notify/notification.js';
import { loadTemplates, type TemplateFile } from '../load-templates.js';
import { renderOrFallback } from '../render.js';
import { templateData } from '../data.js';

export interface RenderOptions {
  readonly files?: readonly TemplateFile[];
  readonly now?: number;
}

/** What `text` renders to with `data` as dot (or the `template error: ...` text). */
export function render(text: string, data: unknown, options: RenderOptions = {}): string {
  const now = options.now;
  const set = loadTemplates(options.files ?? [], now === undefined ? {} : { now: () => now });
  if (!set.ok) throw new Error(set.error.map((e) => e.message).join('\n'));
  return renderOrFallback(set.value, text, data).text;
}

/** A firing alert started 2023-01-02T03:04:05.670Z with the given labels. */
export function alert(labels: Record<string, string>, overrides: Partial<NotifyAlert> = {}): NotifyAlert {
  return {
    status: 'firing',
    labels,
    annotations: {},
    startsAt: Date.UTC(2023, 0, 2, 3, 4, 5, 670),
    endsAt: null,
    generatorURL: '',
    fingerprint: '0123456789abcdef',
    updatedAt: 0,
    ...overrides,
  };
}

/** A notification of `alerts` for receiver `r`, grouped by `groupLabels`. */
export function notification(alerts: NotifyAlert[], groupLabels: Record<string, string> = {}, receiver = 'r'): Notification {
  return { receiver, groupKey: '{}:{}', groupLabels, alerts };
}

/** The template data of a notification, with http://am.example as external URL. */
export function dataOf(n: Notification): ReturnType<typeof templateData> {
  return templateData(n, { externalURL: 'http://am.example' });
}
