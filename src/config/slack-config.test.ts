/**
 * slack_configs: validation (Alertmanager 0.25's rules, the Slack-app
 * fields, `${NAME}` credentials) with the exact path and message, and the
 * integration each entry becomes (Alertmanager's defaults).
 */
import { describe, expect, it } from 'vitest';
import { SLACK_FIELD_DEFAULTS } from '../template/alertmanager/index.js';
import { loadConfig } from './load.js';
import type { SlackIntegration } from './slack-config.js';

const ENV = { SLACK_API_URL: 'https://hooks.slack.test/services/T0/B0/secret', SLACK_APP_TOKEN: 'xoxb-secret' };
const config = (entry: string, global = '') => `${global}route: {receiver: a}\nreceivers: [{name: a, slack_configs: [${entry}]}]`;
const HOOK = `api_url: '\${SLACK_API_URL}'`;
const APP = `app_token: '\${SLACK_APP_TOKEN}', channel: '#ops'`;

function errorsOf(yaml: string): [string, string][] {
  const loaded = loadConfig(yaml, ENV);
  return loaded.ok ? [] : loaded.error.map((e): [string, string] => [e.path, e.message]);
}

function slack(entry: string, global = ''): SlackIntegration {
  const loaded = loadConfig(config(entry, global), ENV);
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.error));
  return loaded.value.receivers.get('a')?.integrations[0] as SlackIntegration;
}

const P = 'receivers[0].slack_configs[0]';
const LITERAL = /^a credential must not be written in the config \(it is committed with it\): write (\w+): \$\{(\w+)\} and set \2 as a Worker secret/;

describe('validation', () => {
  it.each([
    ['a literal api_url', `{api_url: 'https://hooks.slack.com/services/T/B/x'}`, '', [[`${P}.api_url`, expect.stringMatching(LITERAL)]]],
    ['a literal app_token', `{app_token: xoxb-1, channel: '#a'}`, '', [[`${P}.app_token`, expect.stringMatching(LITERAL)]]],
    ['a literal global slack_api_url an entry uses', '{}', 'global: {slack_api_url: "https://hooks.slack.com/x"}\n', [['global.slack_api_url', expect.stringMatching(LITERAL)]]],
    ['no URL anywhere', `{channel: '#a'}`, '', [[P, expect.stringMatching(/^no global Slack API URL set either inline or in a file/)]]],
    ['api_url_file', `{api_url_file: /x}`, `global: {slack_api_url: '\${SLACK_API_URL}'}\n`, [[`${P}.api_url_file`, expect.stringMatching(/^not supported: edgealert runs on Cloudflare Workers/)]]],
    ['a non-http api_url', `{api_url: 'ftp://\${SLACK_APP_TOKEN}'}`, '', [[`${P}.api_url`, 'unsupported scheme "ftp" for URL']]],
    ['api_url and app_token', `{${HOOK}, ${APP}}`, '', [[P, 'at most one of api_url/api_url_file & app_token/app_token_file must be configured']]],
    ['update_message with a webhook', `{${HOOK}, update_message: true}`, '', [[P, expect.stringMatching(/^update_message needs app_token/)]]],
    ['app_token without channel', `{app_token: '\${SLACK_APP_TOKEN}'}`, '', [[P, 'channel is required with app_token: chat.postMessage needs a channel to post to']]],
    ['app_token with http authorization', `{${APP}, http_config: {bearer_token: x}}`, '', [[P, "http authorization can't be set when using Slack App tokens"]]],
    ['a field without title', `{${HOOK}, fields: [{value: v}]}`, '', [[`${P}.fields[0].title`, 'missing title in Slack field configuration']]],
    ['a field without value', `{${HOOK}, fields: [{title: t}]}`, '', [[`${P}.fields[0].value`, 'missing value in Slack field configuration']]],
    ['an action without type', `{${HOOK}, actions: [{text: t, url: u}]}`, '', [[`${P}.actions[0]`, 'missing type in Slack action configuration']]],
    ['an action without text', `{${HOOK}, actions: [{type: button, url: u}]}`, '', [[`${P}.actions[0]`, 'missing text in Slack action configuration']]],
    ['an action without name or url', `{${HOOK}, actions: [{type: button, text: t}]}`, '', [[`${P}.actions[0]`, 'missing name or url in Slack action configuration']]],
    ['a confirm without text', `{${HOOK}, actions: [{type: b, text: t, name: n, confirm: {title: x}}]}`, '', [[`${P}.actions[0].confirm.text`, 'missing text in Slack confirmation configuration']]],
    ['an unknown field', `{${HOOK}, titel: x}`, '', [[`${P}.titel`, 'unknown field "titel"; did you mean "title"?']]],
    ['link_names as a string', `{${HOOK}, link_names: "yes"}`, '', [[`${P}.link_names`, 'expected true or false, got a string']]],
  ])('refuses %s', (_why, entry, global, want) => {
    expect(errorsOf(config(entry, global))).toEqual(want);
  });

  it.each([
    ['api_url from a secret', `{${HOOK}}`, ''],
    ['api_url with a secret part', `{api_url: 'https://hooks.slack.com/services/\${SLACK_APP_TOKEN}'}`, ''],
    ['api_url from a global secret', '{}', `global: {slack_api_url: '\${SLACK_API_URL}'}\n`],
    ['a literal global slack_api_url no entry uses', `{${HOOK}}`, 'global: {slack_api_url: "https://hooks.slack.com/x"}\n'],
    ['a Slack app', `{${APP}, update_message: true}`, ''],
  ])('accepts %s', (_why, entry, global) => {
    expect(errorsOf(config(entry, global))).toEqual([]);
  });

  it('reports an unset secret once, at its field', () => {
    expect(loadConfig(config(`{api_url: '\${NOPE}'}`), {}).ok).toBe(false);
    const errors = (loadConfig(config(`{api_url: '\${NOPE}'}`), {}) as { error: { path: string }[] }).error;
    expect(errors.map((e) => e.path)).toEqual([`${P}.api_url`]);
  });
});

describe('the integration', () => {
  it("has Alertmanager's defaults: send_resolved false, the default templates, global URL and http_config", () => {
    const s = slack('{}', `global: {slack_api_url: '\${SLACK_API_URL}', http_config: {follow_redirects: false}}\n`);
    expect(s).toMatchObject({ type: 'slack', sendResolved: false, url: ENV.SLACK_API_URL, http: { followRedirects: false } });
    expect(s.app).toBeUndefined();
    expect(s.message).toMatchObject({
      channel: '',
      username: SLACK_FIELD_DEFAULTS.username,
      color: SLACK_FIELD_DEFAULTS.color,
      title: SLACK_FIELD_DEFAULTS.title,
      titleLink: SLACK_FIELD_DEFAULTS.titleLink,
      fallback: SLACK_FIELD_DEFAULTS.fallback,
      imageUrl: '',
      mrkdwnIn: [],
      linkNames: false,
      shortFields: false,
    });
  });

  it('keeps a field written as "" empty (Go decodes over the defaults)', () => {
    expect(slack(`{${HOOK}, title: '', username: ''}`).message).toMatchObject({ title: '', username: '' });
  });

  it('clears name, value and confirm of a URL button, as Alertmanager does', () => {
    const s = slack(`{${HOOK}, actions: [{type: button, text: t, url: u, name: n, value: v, confirm: {text: c}}]}`);
    expect(s.message.actions).toEqual([{ type: 'button', text: 't', url: 'u', style: '', name: '', value: '' }]);
  });

  it('with app_token: posts to chat.postMessage with the token as bearer, and updates through chat.update next to it', () => {
    expect(slack(`{${APP}}`)).toMatchObject({
      url: 'https://slack.com/api/chat.postMessage',
      app: { updateMessage: false, updateUrl: 'https://slack.com/api/chat.update' },
      http: { authorization: 'Bearer xoxb-secret' },
    });
    expect(slack(`{${APP}, app_url: 'http://proxy.test/slack/api/chat.postMessage', update_message: true}`).app).toEqual({
      updateMessage: true,
      updateUrl: 'http://proxy.test/slack/api/chat.update',
    });
  });
});
