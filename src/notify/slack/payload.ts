/**
 * The Slack message for a notification, as Alertmanager 0.25 builds it
 * (notify/slack/slack.go): every configured template rendered, the title
 * cut to 1024 characters, mrkdwn_in defaulting to fallback, pretext and
 * text, each field's `short` falling back to short_fields. Pure: the
 * caller renders templates (see render-fields.ts).
 */
import type { SlackActionConfig, SlackMessageConfig } from '../../config/slack-config.js';
import { goJson, omitEmpty } from '../go-json.js';
import type { IncidentRef } from '../notification.js';
import type { RenderField } from '../render-fields.js';
import { truncateInRunes } from '../truncate.js';
import { incidentCallbackId, withIncidentActions } from './incident-actions.js';
import type { SlackAction, SlackAttachment, SlackField, SlackMessage } from './wire.js';

/** Slack's limit on an attachment title (https://api.slack.com/reference/messaging/attachments#legacy_fields). */
export const MAX_TITLE_RUNES = 1024;

/** Alertmanager's mrkdwn_in when the config gives none. */
export const DEFAULT_MRKDWN_IN: readonly string[] = ['fallback', 'pretext', 'text'];

/**
 * The message for one notification; `render` renders a field's template
 * for it. A page sent by an incident also gets its buttons (incident-actions.ts).
 */
export function slackMessage(config: SlackMessageConfig, render: RenderField, incident?: IncidentRef): SlackMessage {
  const configured = config.actions.map((a) => action(a, render));
  const actions = incident ? withIncidentActions(configured, incident) : configured;
  const callbackId = render(config.callbackId);
  const attachment: SlackAttachment = {
    ...omitEmpty('title', truncateInRunes(render(config.title), MAX_TITLE_RUNES).text),
    ...omitEmpty('title_link', render(config.titleLink)),
    ...omitEmpty('pretext', render(config.pretext)),
    text: render(config.text),
    fallback: render(config.fallback),
    callback_id: incident ? incidentCallbackId(callbackId, incident) : callbackId,
    ...(config.fields.length > 0 ? { fields: config.fields.map((f): SlackField => field(f.title, f.value, f.short ?? config.shortFields, render)) } : {}),
    ...(actions.length > 0 ? { actions } : {}),
    ...omitEmpty('image_url', render(config.imageUrl)),
    ...omitEmpty('thumb_url', render(config.thumbUrl)),
    footer: render(config.footer),
    ...omitEmpty('color', render(config.color)),
    mrkdwn_in: config.mrkdwnIn.length > 0 ? config.mrkdwnIn : DEFAULT_MRKDWN_IN,
  };
  return {
    ...omitEmpty('channel', render(config.channel)),
    ...omitEmpty('username', render(config.username)),
    ...omitEmpty('icon_emoji', render(config.iconEmoji)),
    ...omitEmpty('icon_url', render(config.iconUrl)),
    ...(config.linkNames ? { link_names: true as const } : {}),
    attachments: [attachment],
  };
}

/** The same message as a chat.update of the message `ts` in `channel` (the channel's id, as Slack answered it). */
export function slackUpdate(message: SlackMessage, channel: string, ts: string): SlackMessage {
  const { channel: _configured, ...rest } = message;
  return { channel, ts, ...rest };
}

/** The request body, encoded as Go's json.Encoder does. */
export function encodeSlackMessage(message: SlackMessage): string {
  return goJson(message);
}

function field(title: string, value: string, short: boolean, render: RenderField): SlackField {
  return { ...omitEmpty('title', render(title)), ...omitEmpty('value', render(value)), short };
}

function action(a: SlackActionConfig, render: RenderField): SlackAction {
  const confirm = a.confirm && {
    ...omitEmpty('text', render(a.confirm.text)),
    ...omitEmpty('title', render(a.confirm.title)),
    ...omitEmpty('ok_text', render(a.confirm.okText)),
    ...omitEmpty('dismiss_text', render(a.confirm.dismissText)),
  };
  return {
    ...omitEmpty('type', render(a.type)),
    ...omitEmpty('text', render(a.text)),
    ...omitEmpty('url', render(a.url)),
    ...omitEmpty('style', render(a.style)),
    ...omitEmpty('name', render(a.name)),
    ...omitEmpty('value', render(a.value)),
    ...(confirm ? { confirm } : {}),
  };
}
