/**
 * PagerDuty's wire format as Alertmanager 0.25 sends it: one message struct
 * for both Events API versions (notify/pagerduty/pagerduty.go), so field
 * order and omission match byte for byte. v2 fills routing_key, dedup_key,
 * event_action and payload; v1 fills service_key, incident_key, event_type,
 * description and details, and still sends `"event_action":""` and
 * `"payload":null` (Go's zero values without omitempty).
 * https://developer.pagerduty.com/docs/events-api-v2/trigger-events/
 */
import * as z from 'zod';

export const EVENT_ACTIONS = ['trigger', 'resolve'] as const;
export type EventAction = (typeof EVENT_ACTIONS)[number];

export interface PagerdutyImage {
  readonly src: string;
  readonly alt: string;
  readonly href: string;
}

export interface PagerdutyLink {
  readonly href: string;
  readonly text: string;
}

/** A v1 context (https://developer.pagerduty.com/docs/events-api-v1/trigger-events/): edgealert sends links only. */
export interface PagerdutyContext {
  readonly type: 'link';
  readonly href: string;
  readonly text: string;
}

/** The v2 `payload`; timestamp is never set by Alertmanager. */
export interface PagerdutyPayload {
  readonly summary: string;
  readonly source: string;
  readonly severity: string;
  readonly class?: string;
  readonly component?: string;
  readonly group?: string;
  readonly custom_details?: Readonly<Record<string, string>>;
}

export interface PagerdutyMessage {
  readonly routing_key?: string;
  readonly service_key?: string;
  readonly dedup_key?: string;
  readonly incident_key?: string;
  readonly event_type?: EventAction;
  readonly description?: string;
  /** "" in a v1 message. */
  readonly event_action: EventAction | '';
  /** null in a v1 message. */
  readonly payload: PagerdutyPayload | null;
  readonly client?: string;
  readonly client_url?: string;
  readonly details?: Readonly<Record<string, string>>;
  readonly images?: readonly PagerdutyImage[];
  readonly links?: readonly PagerdutyLink[];
  /** v1 only, and only from edgealert (links of an incident page); Alertmanager never sends it. */
  readonly contexts?: readonly PagerdutyContext[];
}

/**
 * PagerDuty's answer to a refused event (400): Alertmanager quotes its
 * message and errors. https://developer.pagerduty.com/docs/events-api-v2/overview/#response-codes--retry-logic
 */
export const errorAnswerSchema = z.object({
  status: z.string().optional(),
  message: z.string().optional(),
  errors: z.array(z.string()).optional(),
});
