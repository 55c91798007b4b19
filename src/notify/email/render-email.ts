/**
 * Renders an email_configs entry for one notification, as Alertmanager's
 * email notifier does: `from` and `to` are templates whose results are
 * parsed as address lists (exactly one from); every header value, the text
 * and the HTML are templates. A from/to that fails to render or parse
 * fails the notification (there is no one to send to); any other field that
 * fails renders as `template error: ...` and the mail still goes out (the
 * shared fieldRenderer). A page sent by an incident ends with the
 * incident's links (incident-block.ts).
 */
import type { EmailIntegration } from '../../config/types.js';
import { templateData } from '../../template/alertmanager/index.js';
import type { TemplateSet } from '../../template/index.js';
import { err, ok, type Result } from '../../util/result.js';
import type { Notification } from '../notification.js';
import { fieldRenderer } from '../render-fields.js';
import { withIncidentBlock } from './incident-block.js';
import { parseAddressList } from './mime/address-list.js';
import type { MessageContent } from './mime/message.js';

export interface RenderedEmail {
  /** Envelope sender (the one `from` address). */
  readonly from: string;
  /** Envelope recipients, in order. */
  readonly to: readonly string[];
  readonly content: MessageContent;
}

/** Renders the email; fails (never to be retried) when from/to cannot be rendered or parsed. */
export function renderEmail(
  config: EmailIntegration,
  templates: TemplateSet,
  notification: Notification,
  externalURL: string,
  onTemplateError?: () => void,
): Result<RenderedEmail, string> {
  const data = templateData(notification, { externalURL });
  const from = addresses(templates, config.from, data, 'from');
  if (!from.ok) return from;
  if (from.value.length !== 1) return err(`must be exactly one 'from' address (got: ${from.value.length})`);
  const to = addresses(templates, config.to, data, 'to');
  if (!to.ok) return to;

  const render = fieldRenderer(templates, notification, externalURL, onTemplateError);
  const headers = new Map<string, string>();
  for (const [name, text] of config.headers) headers.set(name, render(text));
  const content: MessageContent = {
    headers,
    ...(config.text !== '' ? { text: render(config.text) } : {}),
    ...(config.html !== '' ? { html: render(config.html) } : {}),
  };
  const incident = notification.incident;
  return ok({ from: from.value[0] as string, to: to.value, content: incident ? withIncidentBlock(content, incident) : content });
}

function addresses(templates: TemplateSet, text: string, data: unknown, field: 'from' | 'to'): Result<string[], string> {
  const rendered = templates.executeString(text, data);
  if (!rendered.ok) return err(`execute '${field}' template: ${rendered.error.message}`);
  const parsed = parseAddressList(rendered.value);
  return parsed.ok ? parsed : err(`parse '${field}' addresses: ${parsed.error}`);
}
