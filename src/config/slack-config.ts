/**
 * `slack_configs:` entries: Alertmanager 0.25's SlackConfig (every field,
 * its validation and its defaults), plus the Slack-app fields of later
 * Alertmanager releases (`app_token`, `app_url`, `update_message`): with a
 * bot token the message is posted with chat.postMessage and, with
 * update_message, later notifications of the group edit it (chat.update),
 * so a resolved group's message turns green instead of a new one appearing.
 *
 * A field left out gets Alertmanager's default template; a field written
 * as "" stays empty, as with Go's yaml decoding over the defaults.
 */
import * as z from 'zod';
import { SLACK_FIELD_DEFAULTS } from '../template/alertmanager/index.js';
import { httpUrlSchema } from './address-schemas.js';
import { toHttpConfig, withAuthorization } from './http-auth.js';
import { httpConfigSchema } from './http-config-schema.js';
import { fileField } from './refused-fields.js';
import { expected, goBool, goString, requiredString } from './scalar-schemas.js';
import { strictObject } from './strict-object.js';
import type { HttpConfig } from './types.js';

/** Where app-mode messages are posted unless `app_url` says otherwise (Slack's Web API). */
export const DEFAULT_SLACK_APP_URL = 'https://slack.com/api/chat.postMessage';

const fieldSchema = strictObject({
  title: requiredString('missing title in Slack field configuration'),
  value: requiredString('missing value in Slack field configuration'),
  short: goBool.optional(),
});

const confirmSchema = strictObject({
  text: requiredString('missing text in Slack confirmation configuration'),
  title: goString.optional(),
  ok_text: goString.optional(),
  dismiss_text: goString.optional(),
});

/** An action button; Alertmanager clears name, value and confirm when url is set. */
const actionSchema = strictObject({
  type: goString.optional(),
  text: goString.optional(),
  url: goString.optional(),
  style: goString.optional(),
  name: goString.optional(),
  value: goString.optional(),
  confirm: confirmSchema.optional(),
}).superRefine((a, ctx) => {
  const problem = !a.type
    ? 'missing type in Slack action configuration'
    : !a.text
      ? 'missing text in Slack action configuration'
      : !a.url && !a.name
        ? 'missing name or url in Slack action configuration'
        : undefined;
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});

const optionalString = goString.optional();
const list = <T extends z.ZodType>(item: T) => z.array(item, { error: expected('a list') }).optional();

/** A `slack_configs:` entry as written. */
export const slackConfigSchema = strictObject({
  send_resolved: goBool.optional(),
  http_config: httpConfigSchema.optional(),
  api_url: httpUrlSchema.optional(),
  api_url_file: fileField('api_url'),
  app_token: optionalString,
  app_token_file: fileField('app_token'),
  app_url: httpUrlSchema.optional(),
  update_message: goBool.optional(),
  channel: optionalString,
  username: optionalString,
  color: optionalString,
  title: optionalString,
  title_link: optionalString,
  pretext: optionalString,
  text: optionalString,
  fields: list(fieldSchema),
  short_fields: goBool.optional(),
  footer: optionalString,
  fallback: optionalString,
  callback_id: optionalString,
  icon_emoji: optionalString,
  icon_url: optionalString,
  image_url: optionalString,
  thumb_url: optionalString,
  link_names: goBool.optional(),
  mrkdwn_in: list(goString),
  actions: list(actionSchema),
}).superRefine((c, ctx) => {
  const problem = appModeProblem(c);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});

export type RawSlackConfig = z.output<typeof slackConfigSchema>;

function appModeProblem(c: RawSlackConfig): string | undefined {
  const app = (c.app_token ?? '') !== '';
  if (app && c.api_url !== undefined) return 'at most one of api_url/api_url_file & app_token/app_token_file must be configured';
  if (c.update_message && !app) return 'update_message needs app_token (a Slack app bot token): an incoming webhook cannot edit its messages';
  if (app && c.http_config && (c.http_config.authorization || c.http_config.bearer_token || c.http_config.basic_auth)) {
    return "http authorization can't be set when using Slack App tokens";
  }
  if (app && !c.channel) return 'channel is required with app_token: chat.postMessage needs a channel to post to';
  return undefined;
}

/** A field of the message; `short` unset means the config's short_fields. */
export interface SlackFieldConfig {
  readonly title: string;
  readonly value: string;
  readonly short?: boolean;
}

export interface SlackConfirmConfig {
  readonly text: string;
  readonly title: string;
  readonly okText: string;
  readonly dismissText: string;
}

export interface SlackActionConfig {
  readonly type: string;
  readonly text: string;
  readonly url: string;
  readonly style: string;
  readonly name: string;
  readonly value: string;
  readonly confirm?: SlackConfirmConfig;
}

/** The message as configured: every string is a template, rendered per notification. */
export interface SlackMessageConfig {
  readonly channel: string;
  readonly username: string;
  readonly color: string;
  readonly title: string;
  readonly titleLink: string;
  readonly pretext: string;
  readonly text: string;
  readonly fields: readonly SlackFieldConfig[];
  readonly shortFields: boolean;
  readonly footer: string;
  readonly fallback: string;
  readonly callbackId: string;
  readonly iconEmoji: string;
  readonly iconUrl: string;
  readonly imageUrl: string;
  readonly thumbUrl: string;
  readonly linkNames: boolean;
  /** Empty means Alertmanager's ["fallback", "pretext", "text"]. */
  readonly mrkdwnIn: readonly string[];
  readonly actions: readonly SlackActionConfig[];
}

export interface SlackIntegration {
  readonly type: 'slack';
  /** Default false, as in Alertmanager. */
  readonly sendResolved: boolean;
  /** The incoming webhook URL, or in app mode the chat.postMessage URL. */
  readonly url: string;
  /** Set when a Slack app's bot token posts through the Web API (the token is in http.authorization). */
  readonly app?: {
    /** Edit the group's message (chat.update) instead of posting a new one. */
    readonly updateMessage: boolean;
    /** chat.update, next to chat.postMessage. */
    readonly updateUrl: string;
  };
  readonly http: HttpConfig;
  readonly message: SlackMessageConfig;
}

/** Alertmanager's global settings a Slack entry falls back on. */
export interface SlackGlobals {
  readonly http: HttpConfig;
  readonly slackApiUrl?: string;
}

/** The integration for a validated entry (integration-checks.ts has made sure a URL exists). */
export function buildSlackIntegration(raw: RawSlackConfig, globals: SlackGlobals): SlackIntegration {
  const http = toHttpConfig(raw.http_config, globals.http);
  const token = (raw.app_token ?? '').trim();
  const appUrl = raw.app_url ?? DEFAULT_SLACK_APP_URL;
  const common = { type: 'slack', sendResolved: raw.send_resolved ?? false, message: messageConfig(raw) } as const;
  if (token === '') return { ...common, url: raw.api_url ?? globals.slackApiUrl ?? '', http };
  return {
    ...common,
    url: appUrl,
    app: { updateMessage: raw.update_message ?? false, updateUrl: new URL('chat.update', appUrl).toString() },
    http: withAuthorization({ ...http, auth: { scheme: 'credentials', type: 'Bearer', credentials: raw.app_token ?? '' } }),
  };
}

function messageConfig(raw: RawSlackConfig): SlackMessageConfig {
  const d = SLACK_FIELD_DEFAULTS;
  return {
    channel: raw.channel ?? '',
    username: raw.username ?? d.username,
    color: raw.color ?? d.color,
    title: raw.title ?? d.title,
    titleLink: raw.title_link ?? d.titleLink,
    pretext: raw.pretext ?? d.pretext,
    text: raw.text ?? d.text,
    fields: (raw.fields ?? []).map((f) => ({ title: f.title, value: f.value, ...(f.short === undefined ? {} : { short: f.short }) })),
    shortFields: raw.short_fields ?? false,
    footer: raw.footer ?? d.footer,
    fallback: raw.fallback ?? d.fallback,
    callbackId: raw.callback_id ?? d.callbackID,
    iconEmoji: raw.icon_emoji ?? d.iconEmoji,
    iconUrl: raw.icon_url ?? d.iconURL,
    imageUrl: raw.image_url ?? '',
    thumbUrl: raw.thumb_url ?? '',
    linkNames: raw.link_names ?? false,
    mrkdwnIn: raw.mrkdwn_in ?? [],
    actions: (raw.actions ?? []).map(actionConfig),
  };
}

function actionConfig(a: NonNullable<RawSlackConfig['actions']>[number]): SlackActionConfig {
  const action = { type: a.type ?? '', text: a.text ?? '', style: a.style ?? '' };
  // As Alertmanager: a URL button carries no name, value or confirmation.
  if (a.url) return { ...action, url: a.url, name: '', value: '' };
  const confirm = a.confirm && {
    text: a.confirm.text,
    title: a.confirm.title ?? '',
    okText: a.confirm.ok_text ?? '',
    dismissText: a.confirm.dismiss_text ?? '',
  };
  return { ...action, url: '', name: a.name ?? '', value: a.value ?? '', ...(confirm ? { confirm } : {}) };
}
