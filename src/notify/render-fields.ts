/**
 * Renders an integration's templated config fields for one notification,
 * the way Alertmanager's notify.TmplText does, with edgealert's rule for
 * errors: a field whose template fails is sent as "template error: ..."
 * rather than dropping the whole notification (see
 * template/alertmanager/render.ts). Shared by every templated integration.
 */
import type { TemplateSet } from '../template/index.js';
import { renderOrFallback, templateData } from '../template/alertmanager/index.js';
import type { Notification } from './notification.js';

/** Renders one config field's template text; "" renders as "". */
export type RenderField = (templateText: string) => string;

/**
 * A renderer for this notification's template data (Alertmanager's .Receiver,
 * .Alerts, ...). `onError` is told of every field that fell back, to be counted.
 */
export function fieldRenderer(templates: TemplateSet, notification: Notification, externalURL: string, onError?: () => void): RenderField {
  const data = templateData(notification, { externalURL });
  return (templateText) => {
    if (templateText === '') return '';
    const rendered = renderOrFallback(templates, templateText, data);
    if (!rendered.ok) onError?.();
    return rendered.text;
  };
}
