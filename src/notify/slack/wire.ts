/**
 * Slack's wire format as Alertmanager sends it: the message (an incoming
 * webhook body, or a chat.postMessage / chat.update request) with one
 * legacy attachment, and the Web API's answer. Field order and omission
 * follow Alertmanager's Go structs (notify/slack/slack.go), so bodies match
 * byte for byte; `ts` is only set on chat.update, after `channel` as in
 * later Alertmanager releases.
 * https://api.slack.com/reference/messaging/attachments
 */
import * as z from 'zod';

export interface SlackField {
  readonly title?: string;
  readonly value?: string;
  readonly short: boolean;
}

export interface SlackConfirm {
  readonly text?: string;
  readonly title?: string;
  readonly ok_text?: string;
  readonly dismiss_text?: string;
}

export interface SlackAction {
  readonly type?: string;
  readonly text?: string;
  readonly url?: string;
  readonly style?: string;
  readonly name?: string;
  readonly value?: string;
  readonly confirm?: SlackConfirm;
}

/** One attachment: Go's `omitempty` fields are left out when empty; text, fallback, callback_id and footer never are. */
export interface SlackAttachment {
  readonly title?: string;
  readonly title_link?: string;
  readonly pretext?: string;
  readonly text: string;
  readonly fallback: string;
  readonly callback_id: string;
  readonly fields?: readonly SlackField[];
  readonly actions?: readonly SlackAction[];
  readonly image_url?: string;
  readonly thumb_url?: string;
  readonly footer: string;
  readonly color?: string;
  readonly mrkdwn_in?: readonly string[];
}

export interface SlackMessage {
  readonly channel?: string;
  /** The message to edit (chat.update only). */
  readonly ts?: string;
  readonly username?: string;
  readonly icon_emoji?: string;
  readonly icon_url?: string;
  readonly link_names?: true;
  readonly attachments: readonly SlackAttachment[];
}

/**
 * The Web API's answer (chat.postMessage, chat.update): `ok` with the
 * message's channel id and ts, or `ok: false` with an error code.
 * https://api.slack.com/web#responses
 */
export const webApiAnswerSchema = z.object({
  ok: z.boolean(),
  error: z.string().optional(),
  channel: z.string().optional(),
  ts: z.string().optional(),
});
export type WebApiAnswer = z.infer<typeof webApiAnswerSchema>;
