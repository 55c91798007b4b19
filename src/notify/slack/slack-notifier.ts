/**
 * The Slack integration. With an incoming webhook (`api_url`) it POSTs the
 * message, as Alertmanager 0.25 does. With a Slack app's bot token
 * (`app_token`) it calls chat.postMessage and, with `update_message`, edits
 * that message (chat.update) on the group's later notifications until a
 * resolved one has been shown; the message's channel id and ts travel in the
 * notification log's memo. A message that can no longer be edited is posted
 * anew. URLs and tokens never appear in outcomes.
 */
import type { SlackIntegration } from '../../config/slack-config.js';
import type { TemplateSet } from '../../template/index.js';
import { postJson, postJsonAnswer, type PostOptions } from '../http-post.js';
import type { NotifyContext, Notifier } from '../integration.js';
import type { Notification } from '../notification.js';
import type { NotifyOutcome } from '../outcome.js';
import { fieldRenderer } from '../render-fields.js';
import { encodeSlackMessage, slackMessage, slackUpdate } from './payload.js';
import { MESSAGE_GONE, webApiError, webApiOutcome } from './web-api-outcome.js';
import type { SlackMessage } from './wire.js';

/** Slack asks Web API callers to name the charset (https://api.slack.com/web#posting_json). */
const WEB_API_HEADERS = { 'Content-Type': 'application/json; charset=utf-8' };

/** Builds the notifier for one slack_configs entry. */
export function slackNotifier(config: SlackIntegration, templates: TemplateSet): Notifier {
  return {
    name: 'slack',
    sendResolved: config.sendResolved,
    notify: async (notification, ctx) => {
      const render = fieldRenderer(templates, notification, ctx.externalURL, ctx.onTemplateError);
      const message = slackMessage(config.message, render, notification.incident);
      const { app } = config;
      if (!app) return postJson(ctx.http, config.url, encodeSlackMessage(message), { what: 'slack', http: config.http });
      return postWithApp({ ...config, app }, message, notification, ctx);
    },
  };
}

/** The message to edit, if this notification should edit one (see updateTarget). */
export interface MessageRef {
  readonly channel: string;
  readonly ts: string;
}

/**
 * Which message a notification edits: the group's last one, unless
 * updates are off, there is none, or it already showed the group resolved
 * (a group firing again gets a new message).
 */
export function updateTarget(updateMessage: boolean, memo: NotifyContext['memo']): MessageRef | undefined {
  if (!updateMessage || !memo?.channel || !memo.ts || memo.status === 'resolved') return undefined;
  return { channel: memo.channel, ts: memo.ts };
}

async function postWithApp(
  config: SlackIntegration & { app: NonNullable<SlackIntegration['app']> },
  message: SlackMessage,
  notification: Notification,
  ctx: NotifyContext,
): Promise<NotifyOutcome> {
  const status = notification.alerts.some((a) => a.status === 'firing') ? 'firing' : 'resolved';
  const options: PostOptions = { what: 'slack', http: config.http, headers: WEB_API_HEADERS };
  const target = updateTarget(config.app.updateMessage, ctx.memo);
  if (target) {
    const body = encodeSlackMessage(slackUpdate(message, target.channel, target.ts));
    const answer = await postJsonAnswer(ctx.http, config.app.updateUrl, body, options);
    // A message that is gone or can no longer be edited is posted anew.
    const gone = answer.answered && answer.status === 200 && MESSAGE_GONE.includes(webApiError(answer) ?? '');
    if (!gone) return webApiOutcome('chat.update', answer, status);
  }
  const answer = await postJsonAnswer(ctx.http, config.url, encodeSlackMessage(message), options);
  return webApiOutcome('chat.postMessage', answer, status);
}
