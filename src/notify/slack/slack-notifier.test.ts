import { describe, expect, it } from 'vitest';
import type { FailureReason } from '../outcome.js';
import { runNotifier, type FakeAnswer } from '../testdata/golden.js';
import { diskNotification, integrationOf, loadTeam } from '../testdata/notification.js';
import { slackNotifier, updateTarget } from './slack-notifier.js';

const HOOK = 'https://hooks.slack.test/services/T000/B000/XXXXsecretXXXX';
const TOKEN = 'xoxb-1234-5678-s3cr3tt0k3n';

function webhookSlack() {
  const config = loadTeam(`    slack_configs: [{ api_url: '\${SLACK_API_URL}', channel: '#ops' }]`, { SLACK_API_URL: HOOK });
  return slackNotifier(integrationOf(config, 'slack'), config.templates);
}

function appSlack(updateMessage = true) {
  const config = loadTeam(
    `    slack_configs: [{ app_token: '\${SLACK_APP_TOKEN}', app_url: 'https://slack.test/api/chat.postMessage', channel: '#ops', update_message: ${updateMessage}, send_resolved: true }]`,
    { SLACK_APP_TOKEN: TOKEN },
  );
  return slackNotifier(integrationOf(config, 'slack'), config.templates);
}

const json = (body: unknown, status = 200, headers: Record<string, string> = {}): FakeAnswer => ({
  status,
  headers: { 'Content-Type': 'application/json; charset=utf-8', ...headers },
  body: JSON.stringify(body),
});
const posted = json({ ok: true, channel: 'C024BE91L', ts: '1700000000.000100' });

describe('retry classification, incoming webhook', () => {
  it.each([
    [200, true, undefined, 'sent'],
    [500, false, 'serverError', 'Slack failing: retried'],
    [503, false, 'serverError', ''],
    [429, false, 'rateLimited', 'rate limited: retried after Retry-After'],
    [400, false, 'clientError', 'invalid_payload: final'],
    [403, false, 'clientError', 'action_prohibited: final'],
    [404, false, 'clientError', 'channel_not_found: final'],
    [410, false, 'clientError', 'channel_is_archived: final'],
  ] as [number, boolean, FailureReason | undefined, string][])('%i: ok=%s %s (%s)', async (status, ok, reason) => {
    const { outcome } = await runNotifier(webhookSlack(), diskNotification('firing'), { answers: [{ status }] });
    expect(outcome.ok).toBe(ok);
    if (!outcome.ok) expect(outcome).toMatchObject({ reason, retry: reason !== 'clientError' });
  });

  it('honours Retry-After on 429', async () => {
    const { outcome } = await runNotifier(webhookSlack(), diskNotification('firing'), { answers: [{ status: 429, headers: { 'Retry-After': '2' } }] });
    expect(outcome).toMatchObject({ ok: false, retry: true, reason: 'rateLimited', retryAfterMs: 2000 });
  });

  it('retries a request that got no answer', async () => {
    const { outcome } = await runNotifier(webhookSlack(), diskNotification('firing'), { answers: ['throw'] });
    expect(outcome).toMatchObject({ ok: false, retry: true, reason: 'networkError' });
  });
});

describe('retry classification, Web API (app_token)', () => {
  it.each([
    [json({ ok: true, channel: 'C1', ts: '1.2' }), { ok: true }, 'ok: sent'],
    [json({ ok: false, error: 'ratelimited' }, 429, { 'Retry-After': '2' }), { retry: true, reason: 'rateLimited', retryAfterMs: 2000 }, 'HTTP 429 with Retry-After'],
    [json({ ok: false, error: 'ratelimited' }, 200, { 'Retry-After': '3' }), { retry: true, reason: 'rateLimited', retryAfterMs: 3000 }, '"ratelimited" in a 200'],
    [json({ ok: false, error: 'internal_error' }), { retry: true, reason: 'serverError' }, "Slack's own failure"],
    [json({ ok: false, error: 'service_unavailable' }), { retry: true, reason: 'serverError' }, ''],
    [json({ ok: false, error: 'fatal_error' }), { retry: true, reason: 'serverError' }, ''],
    [json({ ok: false, error: 'request_timeout' }), { retry: true, reason: 'serverError' }, ''],
    [json({ ok: false, error: 'invalid_auth' }), { retry: false, reason: 'clientError' }, 'a bad token stays bad'],
    [json({ ok: false, error: 'not_in_channel' }), { retry: false, reason: 'clientError' }, 'the bot must be invited first'],
    [json({ ok: false, error: 'channel_not_found' }), { retry: false, reason: 'clientError' }, ''],
    [json({ ok: false, error: 'msg_too_long' }), { retry: false, reason: 'clientError' }, ''],
    [json({ ok: false }), { retry: false, reason: 'clientError' }, 'an error without a code'],
    [json({ ok: false, error: 'internal_error' }, 502), { retry: true, reason: 'serverError' }, 'an HTTP 5xx'],
    [json({ ok: false, error: 'invalid_auth' }, 401), { retry: false, reason: 'clientError' }, 'an HTTP 4xx'],
    [{ status: 200, body: '<html>proxy</html>', headers: { 'Content-Type': 'application/json' } }, { retry: true, reason: 'other' }, 'JSON promised, not given: retried'],
    [{ status: 200, body: 'ok', headers: { 'Content-Type': 'text/plain' } }, { ok: true }, 'an incoming webhook behind app_url'],
    [{ status: 200, body: 'nope', headers: { 'Content-Type': 'text/html' } }, { retry: false, reason: 'other' }, 'not the Web API at all'],
  ] as [FakeAnswer, Record<string, unknown>, string][])('%j -> %j (%s)', async (answer, want) => {
    const { outcome } = await runNotifier(appSlack(), diskNotification('firing'), { answers: [answer] });
    expect(outcome).toMatchObject(want);
  });

  it('names the method and the error code in the message', async () => {
    const { outcome } = await runNotifier(appSlack(), diskNotification('firing'), { answers: [json({ ok: false, error: 'not_in_channel' })] });
    expect(outcome).toMatchObject({ message: 'slack chat.postMessage: Slack answered error "not_in_channel"' });
  });

  it('does not repeat an error text that is not a Slack error code', async () => {
    const { outcome } = await runNotifier(appSlack(), diskNotification('firing'), { answers: [json({ ok: false, error: `token ${TOKEN} is bad` })] });
    expect(outcome.ok ? '' : outcome.message).toBe('slack chat.postMessage: Slack answered error "unknown_error"');
  });
});

describe('Web API messages', () => {
  it('posts with the bot token to chat.postMessage and keeps the channel id and ts as memo', async () => {
    const { outcome, calls } = await runNotifier(appSlack(), diskNotification('firing'), { answers: [posted] });
    expect(calls.map((c) => c.url)).toEqual(['https://slack.test/api/chat.postMessage']);
    expect(calls[0]?.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(calls[0]?.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(JSON.parse(calls[0]?.body ?? '')).toMatchObject({ channel: '#ops', attachments: [{ color: 'danger' }] });
    expect(outcome).toEqual({ ok: true, memo: { channel: 'C024BE91L', ts: '1700000000.000100', status: 'firing' } });
  });

  it('edits the group message with chat.update when resolved, so it turns green', async () => {
    const memo = { channel: 'C024BE91L', ts: '1700000000.000100', status: 'firing' };
    const { outcome, calls } = await runNotifier(appSlack(), diskNotification('resolved'), { memo, answers: [posted] });
    expect(calls.map((c) => c.url)).toEqual(['https://slack.test/api/chat.update']);
    const body = JSON.parse(calls[0]?.body ?? '') as Record<string, unknown>;
    expect(Object.keys(body).slice(0, 2)).toEqual(['channel', 'ts']);
    expect(body).toMatchObject({ channel: 'C024BE91L', ts: '1700000000.000100', attachments: [{ color: 'good', title: '[RESOLVED] DiskFull (h1 critical)' }] });
    expect(outcome).toEqual({ ok: true, memo: { channel: 'C024BE91L', ts: '1700000000.000100', status: 'resolved' } });
  });

  it.each(['message_not_found', 'cant_update_message', 'edit_window_closed', 'channel_not_found'])(
    'posts a new message when chat.update answers %s',
    async (error) => {
      const memo = { channel: 'C1', ts: '1.1', status: 'firing' };
      const { outcome, calls } = await runNotifier(appSlack(), diskNotification('firing'), { memo, answers: [json({ ok: false, error }), posted] });
      expect(calls.map((c) => new URL(c.url).pathname)).toEqual(['/api/chat.update', '/api/chat.postMessage']);
      expect(outcome).toMatchObject({ ok: true, memo: { ts: '1700000000.000100' } });
    },
  );

  it('retries, without posting anew, when chat.update is rate limited', async () => {
    const memo = { channel: 'C1', ts: '1.1', status: 'firing' };
    const { outcome, calls } = await runNotifier(appSlack(), diskNotification('resolved'), { memo, answers: [json({ ok: false, error: 'ratelimited' }, 429, { 'Retry-After': '2' })] });
    expect(calls).toHaveLength(1);
    expect(outcome).toMatchObject({ ok: false, retry: true, retryAfterMs: 2000 });
  });

  it('posts anew without update_message', async () => {
    const memo = { channel: 'C1', ts: '1.1', status: 'firing' };
    const { calls } = await runNotifier(appSlack(false), diskNotification('resolved'), { memo, answers: [posted] });
    expect(calls.map((c) => new URL(c.url).pathname)).toEqual(['/api/chat.postMessage']);
  });
});

describe('updateTarget', () => {
  it.each([
    [true, { channel: 'C1', ts: '1.1', status: 'firing' }, { channel: 'C1', ts: '1.1' }, "the group's message, still showing it firing"],
    [true, { channel: 'C1', ts: '1.1', status: 'resolved' }, undefined, 'that message showed the group resolved: a new firing gets a new message'],
    [true, undefined, undefined, 'nothing posted yet'],
    [true, { channel: 'C1' }, undefined, 'an incomplete memo'],
    [false, { channel: 'C1', ts: '1.1', status: 'firing' }, undefined, 'updates are off'],
  ] as [boolean, Record<string, string> | undefined, unknown, string][])('%s %j -> %j (%s)', (update, memo, want) => {
    expect(updateTarget(update, memo)).toEqual(want);
  });
});

describe('secrets', () => {
  const outcomes = async (notifier: ReturnType<typeof webhookSlack>, answers: (FakeAnswer | 'throw')[]) => {
    const texts: string[] = [];
    for (const answer of answers) {
      const { outcome } = await runNotifier(notifier, diskNotification('firing'), { answers: [answer], memo: { channel: 'C1', ts: '1.1', status: 'firing' } });
      texts.push(JSON.stringify(outcome));
    }
    return texts.join('\n');
  };
  const failures: (FakeAnswer | 'throw')[] = [
    { status: 500, body: `upstream ${HOOK} ${TOKEN}` },
    { status: 400, body: `invalid_token ${TOKEN}` },
    { status: 429, body: HOOK },
    'throw',
    json({ ok: false, error: TOKEN }),
    json({ ok: false, error: 'invalid_auth', token: TOKEN }),
  ];

  it('never puts the webhook URL (or its token part) in an outcome', async () => {
    const text = await outcomes(webhookSlack(), failures);
    expect(text).not.toContain(HOOK);
    expect(text).not.toContain('XXXXsecretXXXX');
  });

  it('never puts the bot token in an outcome', async () => {
    expect(await outcomes(appSlack(), failures)).not.toContain(TOKEN);
  });

  it('sends the bot token only in the Authorization header, never in the body', async () => {
    const { calls } = await runNotifier(appSlack(), diskNotification('firing'), { answers: [posted] });
    expect(calls[0]?.body).not.toContain(TOKEN);
  });
});
