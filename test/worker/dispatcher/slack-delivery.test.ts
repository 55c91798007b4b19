/**
 * Slack delivery through the Dispatcher, on the fake clock: an incoming
 * webhook that fails three times and recovers gets exactly one message; a
 * 429 with Retry-After: 2 is tried again 2 s later, not before; a Slack app
 * (bot token, update_message) posts the group's message once and edits it
 * with chat.update when the group resolves, so it turns green.
 */
import { describe, expect, it } from 'vitest';
import { api, storedRows, useConfig } from '../support/edgealert.js';
import { receiver } from '../support/receiver.js';
import { TEST_SECRETS } from '../support/secrets.js';
import { advanceTo, deliveries, firing, freshStatePerTest, nextAlarm, push, resolved } from '../support/timeline.js';

useConfig(`
route:
  receiver: slack-hook
  group_by: [alertname]
  group_wait: 1s
  group_interval: 1m
  repeat_interval: 1h
  routes:
    - matchers: [via="app"]
      receiver: slack-app
receivers:
  - name: slack-hook
    slack_configs:
      - api_url: \${SLACK_API_URL}
        channel: '#ops'
  - name: slack-app
    slack_configs:
      - app_token: \${SLACK_APP_TOKEN}
        app_url: http://slack.test/api/chat.postMessage
        channel: '#ops'
        update_message: true
        send_resolved: true
`);
freshStatePerTest();

const HOOK_PATH = new URL(TEST_SECRETS.SLACK_API_URL).pathname;
const attempts = async () => (await deliveries()).map((d) => ({ at: d.at, status: d.status }));

/** Counter values from GET /metrics. */
async function counters(): Promise<Map<string, number>> {
  const text = await (await api('/metrics')).text();
  return new Map(text.split('\n').filter((l) => l !== '' && !l.startsWith('#')).map((l) => [l.slice(0, l.lastIndexOf(' ')), Number(l.slice(l.lastIndexOf(' ') + 1))]));
}

describe('an incoming webhook that fails three times, then recovers', () => {
  it('is retried with backoff before the next tick and gets exactly one message; each failure is counted with its reason', async () => {
    const before = await counters();
    await receiver.answerNext(500, 500, 503);
    await push([firing('DiskFull')]);
    await advanceTo(59_999);
    const tries = await attempts();
    expect(tries.map((t) => t.status)).toEqual([500, 500, 503, 200]);
    // Exponential backoff with jitter: 500 ms, 1 s, 2 s (+-20%), all before the tick at 61 s.
    const gaps = tries.slice(1).map((t, i) => t.at - (tries[i]?.at ?? 0));
    expect(gaps[0]).toBeGreaterThanOrEqual(400);
    expect(gaps[0]).toBeLessThanOrEqual(600);
    expect(gaps[1]).toBeGreaterThanOrEqual(800);
    expect(gaps[2]).toBeGreaterThanOrEqual(1600);

    await advanceTo(240_000);
    const sent = await deliveries();
    expect(sent.filter((d) => d.status === 200)).toHaveLength(1);
    expect(sent.every((d) => d.url === TEST_SECRETS.SLACK_API_URL && d.body === sent[0]?.body)).toBe(true);
    const after = await counters();
    const delta = (key: string) => (after.get(key) ?? 0) - (before.get(key) ?? 0);
    expect(delta('alertmanager_notifications_total{integration="slack"}')).toBe(4);
    expect(delta('alertmanager_notifications_failed_total{integration="slack",reason="serverError"}')).toBe(3);
  });
});

describe('a 429 with Retry-After: 2', () => {
  it('is tried again 2 s later, not before', async () => {
    await receiver.answerNext({ status: 429, headers: { 'Retry-After': '2' }, path: HOOK_PATH });
    await push([firing('DiskFull')]);
    await advanceTo(1000);
    expect(await nextAlarm()).toBe(3000);
    await advanceTo(2999);
    expect(await attempts()).toEqual([{ at: 1000, status: 429 }]);
    await advanceTo(3000);
    expect(await attempts()).toEqual([
      { at: 1000, status: 429 },
      { at: 3000, status: 200 },
    ]);
  });
});

describe('a Slack app with update_message', () => {
  const postAnswer = (ts: string) => ({
    status: 200,
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
    body: JSON.stringify({ ok: true, channel: 'C024BE91L', ts, message: {} }),
  });

  it('posts the message, then edits it with chat.update when the group resolves (green)', async () => {
    await receiver.answerNext(postAnswer('1700000000.000100'));
    await push([firing('DiskFull', { via: 'app', instance: 'h1' }), firing('DiskFull', { via: 'app', instance: 'h2' })]);
    await advanceTo(1000);
    await push([resolved('DiskFull', { via: 'app', instance: 'h1' })]);
    await receiver.answerNext(postAnswer('1700000000.000100'));
    await advanceTo(61_000);
    await push([resolved('DiskFull', { via: 'app', instance: 'h2' })]);
    await receiver.answerNext(postAnswer('1700000000.000100'));
    await advanceTo(121_000);

    const sent = await deliveries();
    expect(sent.map((d) => `${d.at} ${d.path}`)).toEqual(['1000 /api/chat.postMessage', '61000 /api/chat.update', '121000 /api/chat.update']);
    expect(sent.every((d) => d.headers.authorization === `Bearer ${TEST_SECRETS.SLACK_APP_TOKEN}`)).toBe(true);
    const bodies = sent.map((d) => JSON.parse(d.body) as { channel: string; ts?: string; attachments: { color: string; title: string }[] });
    expect(bodies.map((b) => [b.channel, b.ts, b.attachments[0]?.color, b.attachments[0]?.title])).toEqual([
      ['#ops', undefined, 'danger', '[FIRING:2] DiskFull (app)'],
      ['C024BE91L', '1700000000.000100', 'danger', '[FIRING:1] DiskFull (app)'],
      ['C024BE91L', '1700000000.000100', 'good', '[RESOLVED] DiskFull (h2 app)'],
    ]);
  });

  it('keeps the message reference with the notification log entry, and posts anew once the group fires again after resolving', async () => {
    await receiver.answerNext(postAnswer('1.1'));
    await push([firing('DiskFull', { via: 'app' })]);
    await advanceTo(1000);
    const [entry] = await storedRows('nflog');
    expect(entry?.doc).toMatchObject({ memo: { channel: 'C024BE91L', ts: '1.1', status: 'firing' } });

    await push([resolved('DiskFull', { via: 'app' })]);
    await receiver.answerNext(postAnswer('1.1'));
    await advanceTo(61_000);
    await push([firing('DiskFull', { via: 'app' })]);
    await receiver.answerNext(postAnswer('2.2'));
    await advanceTo(121_000);
    expect((await deliveries()).map((d) => `${d.at} ${d.path}`)).toEqual(['1000 /api/chat.postMessage', '61000 /api/chat.update', '121000 /api/chat.postMessage']);
  });

  it('retries a rate-limited chat.update after its Retry-After', async () => {
    await receiver.answerNext(postAnswer('1.1'));
    await push([firing('DiskFull', { via: 'app' })]);
    await advanceTo(1000);
    await push([resolved('DiskFull', { via: 'app' })]);
    await receiver.answerNext({ status: 429, headers: { 'Retry-After': '2', 'Content-Type': 'application/json' }, body: '{"ok":false,"error":"ratelimited"}' });
    await advanceTo(62_999);
    expect((await deliveries()).map((d) => `${d.at} ${d.path} ${d.status}`)).toEqual(['1000 /api/chat.postMessage 200', '61000 /api/chat.update 429']);
    await advanceTo(63_000);
    expect((await deliveries()).map((d) => `${d.at} ${d.path} ${d.status}`)).toEqual([
      '1000 /api/chat.postMessage 200',
      '61000 /api/chat.update 429',
      '63000 /api/chat.update 200',
    ]);
  });
});
