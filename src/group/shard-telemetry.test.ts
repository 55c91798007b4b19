/**
 * What a shard tells the outside world about a delivery: a log line per
 * attempt (never a secret), the traceparent of the request that sent the
 * alert, and the latency histogram.
 */
import { describe, expect, it } from 'vitest';
import { formatConfigErrors, loadConfig } from '../config/load.js';
import { normalizeAlert } from '../alert/postable.js';
import { createLogger } from '../observability/log.js';
import { planDispatch } from '../route/dispatch-plan.js';
import { Shard } from './shard.js';
import { memoryShardStorage } from './shard-storage.js';

const HOOK = 'https://hooks.example.com/services/T000/B000/XXsecretXX';
const TOKEN = 'tok-9f8e7d6c5b4a';
const PASSWORD = 'hunter2-pässword';
const SLACK = 'https://hooks.slack.com/services/T1/B1/slack-secret-zz';
const SECRETS = [HOOK, TOKEN, PASSWORD, SLACK, 'XXsecretXX', 'slack-secret-zz'];
const TRACE = '4bf92f3577b34da6a3ce929d0e0e4736';

const CONFIG = `
route:
  receiver: secret-keeper
  group_wait: 1s
receivers:
  - name: secret-keeper
    webhook_configs:
      - url: \${HOOK}
        http_config:
          authorization:
            credentials: \${TOKEN}
      - url: https://example.com/hook?token=\${TOKEN}
        http_config:
          basic_auth:
            username: u
            password: \${PASSWORD}
    slack_configs:
      - api_url: \${SLACK}
        channel: '#ops'
`;

async function deliverOnce(answers: (number | 'network')[]) {
  const loaded = loadConfig(CONFIG, { HOOK, TOKEN, PASSWORD, SLACK });
  if (!loaded.ok) throw new Error(formatConfigErrors(loaded.error));
  const config = loaded.value;
  let now = 1_000_000;
  const lines: string[] = [];
  const requests: { url: string; headers: Headers }[] = [];
  const storage = memoryShardStorage();
  const shard = new Shard(config, storage, storage.snapshot(), now);
  const alert = normalizeAlert({ labels: { alertname: 'Disk' } }, { now, resolveTimeout: 300_000, traceId: TRACE });
  if (!alert.ok) throw new Error(alert.error);
  for (const items of planDispatch([alert.value], config.route, 1).values()) shard.ingest(items, now);
  now += 1000;
  await shard.runDue({
    clock: () => now,
    random: () => 0.5,
    log: createLogger({ level: 'debug', write: (line) => lines.push(line) }),
    notify: {
      externalURL: 'http://edgealert.test',
      http: async (url, init) => {
        requests.push({ url, headers: new Headers(init.headers) });
        now += 120;
        const answer = answers.shift() ?? 200;
        if (answer === 'network') throw new Error(`connect failed: ${url}`);
        return new Response('ok', { status: answer });
      },
    },
  });
  return { lines, requests, counters: shard.counters };
}

describe('shard telemetry', () => {
  it.each([
    ['all succeed', [200, 200, 200]],
    ['failures and retries', [500, 401, 'network' as const]],
  ])('logs each attempt without any secret (%s)', async (_why, answers) => {
    const { lines } = await deliverOnce([...answers]);
    expect(lines).toHaveLength(3);
    for (const line of lines) {
      for (const secret of SECRETS) expect(line).not.toContain(secret);
      expect(line).not.toMatch(/https?:/);
      expect(JSON.parse(line)).toMatchObject({ event: 'notification_attempt', service: 'edgealert', receiver: 'secret-keeper', trace_id: TRACE, attempt: 1 });
    }
  });

  it('logs the outcome and reason of a failed attempt', async () => {
    const { lines } = await deliverOnce([500, 400, 200]);
    const outcomes = lines.map((l) => JSON.parse(l) as Record<string, unknown>).map((l) => [l.integration, l.outcome, l.reason ?? null]);
    expect(outcomes).toEqual(expect.arrayContaining([['webhook', 'retry', 'serverError'], ['webhook', 'failed', 'clientError'], ['slack', 'success', null]]));
  });

  it('sends the traceparent of the request that sent the alert, with a new span per notification', async () => {
    const { requests } = await deliverOnce([]);
    const parents = requests.map((r) => r.headers.get('traceparent') ?? '');
    for (const parent of parents) expect(parent).toMatch(new RegExp(`^00-${TRACE}-[0-9a-f]{16}-01$`));
    expect(new Set(parents).size).toBe(3);
  });

  it('observes each attempt in the latency histogram', async () => {
    const { counters } = await deliverOnce([]);
    expect(counters['alertmanager_notification_latency_seconds_count{integration="webhook"}']).toBe(2);
    expect(counters['alertmanager_notification_latency_seconds_bucket{integration="slack",le="0.1"}']).toBeLessThanOrEqual(1);
    expect(counters['alertmanager_notification_latency_seconds_bucket{integration="slack",le="+Inf"}']).toBe(1);
  });
});

describe('suppressed notifications', () => {
  it('counts the alerts an inhibition mutes at a flush, by reason', async () => {
    const loaded = loadConfig(
      `route:\n  receiver: r\n  group_by: [alertname]\n  group_wait: 1s\nreceivers:\n  - name: r\n    webhook_configs:\n      - url: http://receiver.test/hook\ninhibit_rules:\n  - source_matchers: [alertname="Down"]\n    target_matchers: [alertname="Slow"]\n`,
      {},
    );
    if (!loaded.ok) throw new Error(formatConfigErrors(loaded.error));
    const config = loaded.value;
    let now = 1_000_000;
    const storage = memoryShardStorage();
    const shard = new Shard(config, storage, storage.snapshot(), now);
    const alerts = ['Down', 'Slow'].map((alertname) => {
      const alert = normalizeAlert({ labels: { alertname } }, { now, resolveTimeout: 300_000 });
      if (!alert.ok) throw new Error(alert.error);
      return alert.value;
    });
    for (const items of planDispatch(alerts, config.route, 1, config.inhibitRules.map((r) => r.sourceMatchers)).values()) shard.ingest(items, now);
    now += 1000;
    await shard.runDue({ clock: () => now, random: () => 0.5, notify: { externalURL: 'http://edgealert.test', http: async () => new Response(null, { status: 200 }) } });
    expect(shard.counters['alertmanager_notifications_suppressed_total{reason="inhibited"}']).toBe(1);
    expect(shard.counters['alertmanager_notifications_total{integration="webhook"}']).toBe(1);
  });
});
