/**
 * The PagerDuty event for a notification, as Alertmanager 0.25 builds it:
 * "trigger" while any alert fires, else "resolve"; the summary (v2) or
 * description (v1) cut to 1024 characters; severity "error" unless set;
 * details rendered from their templates; images without src and links
 * without href left out; client and client_url only on v1 triggers. A
 * page sent by an incident also links the incident and its acknowledge
 * link (v2: after the configured links; v1 triggers: as contexts). Pure:
 * the caller renders templates and hashes the group key.
 */
import type { PagerdutyEventConfig, PagerdutyIntegration } from '../../config/pagerduty-config.js';
import { omitEmpty, sortedKeys } from '../go-json.js';
import { incidentLinks } from '../incident-links.js';
import type { IncidentRef } from '../notification.js';
import type { RenderField } from '../render-fields.js';
import { truncateInRunes } from '../truncate.js';
import type { EventAction, PagerdutyContext, PagerdutyImage, PagerdutyLink, PagerdutyMessage } from './wire.js';

/** PagerDuty's limit on a v2 summary and a v1 description (https://developer.pagerduty.com/docs/events-api-v2/trigger-events/). */
export const MAX_SUMMARY_RUNES = 1024;

export interface EventInput {
  readonly action: EventAction;
  /** Hex SHA-256 of the group key (dedup_key, v1's incident_key). */
  readonly dedupKey: string;
  /** Set on a page sent by an incident: its links are added (v2: links, v1 triggers: contexts). */
  readonly incident?: IncidentRef;
}

/** The message for one notification. */
export function pagerdutyMessage(config: Pick<PagerdutyIntegration, 'key' | 'event'>, render: RenderField, input: EventInput): PagerdutyMessage {
  const event = config.event;
  const details = renderDetails(event, render);
  if (config.key.api === 'v1') {
    const client = input.action === 'trigger' ? clientFields(event, render) : {};
    const contexts = input.action === 'trigger' && input.incident ? incidentLinks(input.incident).map((l): PagerdutyContext => ({ type: 'link', ...l })) : [];
    return {
      service_key: config.key.serviceKey,
      incident_key: input.dedupKey,
      event_type: input.action,
      ...omitEmpty('description', truncateInRunes(render(event.description), MAX_SUMMARY_RUNES).text),
      event_action: '',
      payload: null,
      ...client,
      ...(Object.keys(details).length > 0 ? { details } : {}),
      ...(contexts.length > 0 ? { contexts } : {}),
    };
  }
  const images = event.images.map((i): PagerdutyImage => ({ src: render(i.src), alt: render(i.alt), href: render(i.href) })).filter((i) => i.src !== '');
  const configured = event.links.map((l): PagerdutyLink => ({ href: render(l.href), text: render(l.text) })).filter((l) => l.href !== '');
  const links = input.incident ? [...configured, ...incidentLinks(input.incident)] : configured;
  return {
    routing_key: config.key.routingKey,
    dedup_key: input.dedupKey,
    event_action: input.action,
    payload: {
      summary: truncateInRunes(render(event.description), MAX_SUMMARY_RUNES).text,
      source: render(event.source),
      severity: render(event.severity === '' ? 'error' : event.severity),
      ...omitEmpty('class', render(event.class)),
      ...omitEmpty('component', render(event.component)),
      ...omitEmpty('group', render(event.group)),
      ...(Object.keys(details).length > 0 ? { custom_details: details } : {}),
    },
    ...clientFields(event, render),
    ...(images.length > 0 ? { images } : {}),
    ...(links.length > 0 ? { links } : {}),
  };
}

/** The message with its details replaced by `replacement` (v1: details, v2: payload.custom_details). */
export function withDetails(message: PagerdutyMessage, replacement: Readonly<Record<string, string>>): PagerdutyMessage {
  if (message.payload === null) return { ...message, details: replacement };
  return { ...message, payload: { ...message.payload, custom_details: replacement } };
}

function renderDetails(event: PagerdutyEventConfig, render: RenderField): Record<string, string> {
  const rendered: Record<string, string> = {};
  for (const [key, text] of Object.entries(event.details)) rendered[key] = render(text);
  return sortedKeys(rendered);
}

function clientFields(event: PagerdutyEventConfig, render: RenderField): { client?: string; client_url?: string } {
  return { ...omitEmpty('client', render(event.client)), ...omitEmpty('client_url', render(event.clientUrl)) };
}
