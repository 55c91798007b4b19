/**
 * edgealert's incident buttons on a Slack message, and how to read them
 * back from an interaction. A page of a triggered incident gets an
 * interactive "Acknowledge" button (name `edgealert_ack`, value
 * `ack:<incident id>`) and, when the page has a signed link, a link button
 * "Acknowledge via link": that one works even where the message comes
 * from a plain incoming webhook and nobody receives Slack's interactions.
 *
 * Slack's rules for legacy attachment buttons
 * (https://api.slack.com/legacy/interactive-message-field-guide):
 * an attachment with interactive buttons needs a callback_id; at most 5
 * actions per attachment; an interactive button has a name, text, type
 * "button" and a value (sent back on a click); a link button has a text
 * and a url instead.
 */
import { ackUrlOf } from '../incident-links.js';
import type { IncidentRef } from '../notification.js';
import type { SlackAction } from './wire.js';

/** Slack shows at most this many actions on one attachment. */
export const MAX_ATTACHMENT_ACTIONS = 5;

/** What an edgealert button can do to an incident. */
export const SLACK_INCIDENT_ACTIONS = ['ack', 'unack', 'resolve'] as const;
export type SlackIncidentAction = (typeof SLACK_INCIDENT_ACTIONS)[number];

const NAME_PREFIX = 'edgealert_';

/** The button's name (block_actions: its action_id): `edgealert_ack`. */
export function incidentActionName(action: SlackIncidentAction): string {
  return `${NAME_PREFIX}${action}`;
}

/** The button's value: `ack:<incident id>`. */
export function incidentActionValue(action: SlackIncidentAction, incidentId: string): string {
  return `${action}:${incidentId}`;
}

/** The action and incident of a clicked button, if its name and value are edgealert's and agree. */
export function readIncidentAction(name: string, value: string): { action: SlackIncidentAction; incidentId: string } | undefined {
  const colon = value.indexOf(':');
  const action = SLACK_INCIDENT_ACTIONS.find((a) => a === value.slice(0, colon));
  const incidentId = value.slice(colon + 1);
  if (colon < 0 || !action || incidentId === '' || name !== incidentActionName(action)) return undefined;
  return { action, incidentId };
}

/**
 * The attachment's actions for a page: edgealert's buttons first (so the
 * limit never hides them), then the configured ones that still fit.
 * Without buttons to add, the configured actions as they are.
 */
export function withIncidentActions(configured: readonly SlackAction[], incident: IncidentRef): readonly SlackAction[] {
  const buttons = incidentButtons(incident);
  if (buttons.length === 0) return configured;
  return [...buttons, ...configured.slice(0, Math.max(0, MAX_ATTACHMENT_ACTIONS - buttons.length))];
}

/**
 * The attachment's callback_id: the configured one, or, when the page has
 * an interactive button and none is configured, `edgealert_incident:<id>`
 * (Slack requires one with interactive buttons).
 */
export function incidentCallbackId(configured: string, incident: IncidentRef): string {
  return configured === '' && incident.status === 'triggered' ? `${NAME_PREFIX}incident:${incident.id}` : configured;
}

function incidentButtons(incident: IncidentRef): SlackAction[] {
  if (incident.status !== 'triggered') return [];
  const ackUrl = ackUrlOf(incident);
  return [
    { type: 'button', text: 'Acknowledge', style: 'primary', name: incidentActionName('ack'), value: incidentActionValue('ack', incident.id) },
    ...(ackUrl ? [{ type: 'button', text: 'Acknowledge via link', url: ackUrl }] : []),
  ];
}
