import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parseSlackInteraction, verifySlackSignature, type SlackRequest } from './interaction.js';

const SECRET = '8f742231b10e8888abcd99yyyzzz85a5';
const NOW = Date.UTC(2026, 0, 5, 9, 0, 0);
const SECONDS = String(NOW / 1000);
const BODY = 'payload=%7B%22type%22%3A%22block_actions%22%7D';

/** Slack's v0 signature, computed with node:crypto (independent of the code under test). */
const sign = (body: string, timestamp: string, secret = SECRET) => `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
const request = (over: Partial<SlackRequest> = {}): SlackRequest => ({ signingSecret: SECRET, timestamp: SECONDS, signature: sign(BODY, SECONDS), rawBody: BODY, now: NOW, ...over });

describe('verifySlackSignature', () => {
  it('accepts a request signed with the signing secret', async () => {
    expect(await verifySlackSignature(request())).toEqual({ ok: true, value: undefined });
  });

  it('accepts the signature with upper-case hex digits and a body with any characters', async () => {
    const rawBody = 'payload=' + encodeURIComponent('{"text":"ünïcode & <stuff>"}');
    expect((await verifySlackSignature(request({ rawBody, signature: sign(rawBody, SECONDS).toUpperCase().replace('V0=', 'v0=') }))).ok).toBe(true);
  });

  it.each([
    ['exactly 5 minutes old', NOW + 5 * 60_000],
    ['exactly 5 minutes ahead', NOW - 5 * 60_000],
  ])('accepts a timestamp %s', async (_what, now) => {
    expect((await verifySlackSignature(request({ now }))).ok).toBe(true);
  });

  it.each([
    ['more than 5 minutes old (a replay)', NOW + 5 * 60_000 + 1000],
    ['more than 5 minutes in the future', NOW - 5 * 60_000 - 1000],
  ])('refuses a correctly signed request whose timestamp is %s', async (_what, now) => {
    expect(await verifySlackSignature(request({ now }))).toEqual({ ok: false, error: 'X-Slack-Request-Timestamp is more than 5 minutes from now' });
  });

  it.each([
    ['another body', { rawBody: `${BODY}x` }],
    ['another timestamp', { timestamp: String(Number(SECONDS) + 1) }],
    ['another secret', { signature: sign(BODY, SECONDS, 'not-the-secret') }],
    ['one hex digit changed', { signature: sign(BODY, SECONDS).replace(/.$/, (c) => (c === '0' ? '1' : '0')) }],
  ])('refuses a signature over %s', async (_what, over) => {
    expect(await verifySlackSignature(request(over))).toEqual({ ok: false, error: 'X-Slack-Signature does not match the request' });
  });

  it.each([
    ['no timestamp header', { timestamp: null }, 'missing X-Slack-Request-Timestamp header'],
    ['an empty timestamp', { timestamp: '' }, 'missing X-Slack-Request-Timestamp header'],
    ['a timestamp that is not a number', { timestamp: '12e5' }, 'malformed X-Slack-Request-Timestamp header: expected seconds since the epoch'],
    ['a timestamp in milliseconds', { timestamp: String(NOW) }, 'malformed X-Slack-Request-Timestamp header: expected seconds since the epoch'],
    ['no signature header', { signature: undefined }, 'missing X-Slack-Signature header'],
    ['another scheme version', { signature: sign(BODY, SECONDS).replace('v0=', 'v1=') }, 'malformed X-Slack-Signature header: expected v0= and 64 hex digits'],
    ['a short signature', { signature: sign(BODY, SECONDS).slice(0, -2) }, 'malformed X-Slack-Signature header: expected v0= and 64 hex digits'],
    ['a signature that is not hex', { signature: `v0=${'g'.repeat(64)}` }, 'malformed X-Slack-Signature header: expected v0= and 64 hex digits'],
    ['no signing secret configured', { signingSecret: '' }, 'no Slack signing secret is configured'],
  ])('refuses %s', async (_what, over, error) => {
    expect(await verifySlackSignature(request(over))).toEqual({ ok: false, error });
  });
});

const form = (payload: unknown) => new URLSearchParams({ payload: typeof payload === 'string' ? payload : JSON.stringify(payload) }).toString();

/** Trimmed to the fields edgealert reads, plus a few it ignores, in the shapes Slack documents. */
const blockActions = (action: Record<string, unknown>) => ({
  type: 'block_actions',
  user: { id: 'U012AB3CD', username: 'alice', name: 'alice', team_id: 'T0001' },
  api_app_id: 'A0001',
  container: { type: 'message', message_ts: '1700000000.000100' },
  response_url: 'https://hooks.slack.com/actions/T0001/1/abc',
  actions: [{ type: 'button', block_id: 'b1', text: { type: 'plain_text', text: 'Acknowledge' }, action_ts: '1700000001.0', ...action }],
});
const interactiveMessage = (action: Record<string, unknown>) => ({
  type: 'interactive_message',
  callback_id: 'edgealert_incident:42',
  team: { id: 'T0001', domain: 'example' },
  channel: { id: 'C0001', name: 'ops' },
  user: { id: 'U012AB3CD', name: 'alice' },
  action_ts: '1700000001.0',
  attachment_id: '1',
  response_url: 'https://hooks.slack.com/actions/T0001/2/def',
  actions: [{ type: 'button', ...action }],
});

describe('parseSlackInteraction', () => {
  it('reads a legacy attachment button (interactive_message: name and value)', () => {
    expect(parseSlackInteraction(form(interactiveMessage({ name: 'edgealert_ack', value: 'ack:42' })))).toEqual({
      ok: true,
      value: { action: 'ack', incidentId: '42', user: { id: 'U012AB3CD', name: 'alice' }, responseUrl: 'https://hooks.slack.com/actions/T0001/2/def' },
    });
  });

  it('reads a Block Kit button (block_actions: action_id and value)', () => {
    expect(parseSlackInteraction(form(blockActions({ action_id: 'edgealert_resolve', value: 'resolve:7' })))).toEqual({
      ok: true,
      value: { action: 'resolve', incidentId: '7', user: { id: 'U012AB3CD', name: 'alice' }, responseUrl: 'https://hooks.slack.com/actions/T0001/1/abc' },
    });
  });

  it('keeps an incident id with colons whole, and leaves out what Slack did not send', () => {
    const payload = { type: 'interactive_message', callback_id: '', user: { id: 'U1' }, actions: [{ name: 'edgealert_unack', value: 'unack:a:b' }] };
    expect(parseSlackInteraction(form(payload))).toEqual({ ok: true, value: { action: 'unack', incidentId: 'a:b', user: { id: 'U1' } } });
  });

  it.each([
    ['a configured Alertmanager button', interactiveMessage({ name: 'runbook', value: 'open' }), 'not an edgealert incident button (action "runbook", value "open")'],
    ['an unknown verb', interactiveMessage({ name: 'edgealert_snooze', value: 'snooze:42' }), 'not an edgealert incident button (action "edgealert_snooze", value "snooze:42")'],
    ['a name that disagrees with the value', interactiveMessage({ name: 'edgealert_ack', value: 'resolve:42' }), 'not an edgealert incident button (action "edgealert_ack", value "resolve:42")'],
    ['no incident id', blockActions({ action_id: 'edgealert_ack', value: 'ack:' }), 'not an edgealert incident button (action "edgealert_ack", value "ack:")'],
    ['no value', blockActions({ action_id: 'edgealert_ack' }), 'not an edgealert incident button (action "edgealert_ack", value "")'],
    ['a link button click', blockActions({ action_id: 'link', url: 'https://x.test' }), 'not an edgealert incident button (action "link", value "")'],
  ])('refuses %s with a clear error', (_what, payload, error) => {
    expect(parseSlackInteraction(form(payload))).toEqual({ ok: false, error });
  });

  it.each([
    ['an empty body', '', 'no payload field in the form body'],
    ['a body without payload', 'token=x&team_id=T1', 'no payload field in the form body'],
    ['a payload that is not JSON', form('{"type":'), 'the payload field is not JSON'],
    ['a payload without type', form({ actions: [] }), 'the payload has no type'],
    ['another interaction type', form({ type: 'view_submission', user: { id: 'U1' } }), 'not a button click (interaction type "view_submission")'],
    ['no actions', form({ ...blockActions({}), actions: [] }), 'malformed block_actions payload: actions: Too small: expected array to have >=1 items'],
    ['no user', form({ ...interactiveMessage({ name: 'edgealert_ack', value: 'ack:42' }), user: undefined }), 'malformed interactive_message payload: user: Invalid input: expected object, received undefined'],
    ['a legacy payload without callback_id', form({ ...interactiveMessage({ name: 'edgealert_ack', value: 'ack:42' }), callback_id: undefined }), 'malformed interactive_message payload: callback_id: Invalid input: expected string, received undefined'],
  ])('refuses %s', (_what, body, error) => {
    expect(parseSlackInteraction(body)).toEqual({ ok: false, error });
  });
});
