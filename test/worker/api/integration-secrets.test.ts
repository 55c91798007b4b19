/**
 * Slack and PagerDuty credentials (`${NAME}` Worker secrets) are used for
 * delivery and shown nowhere else: not in /api/v2/status (redacted config),
 * not in any other answer of the API or /metrics, and not in the delivery
 * errors kept with a flush, even when the receiver echoes them back.
 */
import { describe, expect, it } from 'vitest';
import { api, storedRows, useConfig } from '../support/edgealert.js';
import { receiver } from '../support/receiver.js';
import { TEST_SECRETS } from '../support/secrets.js';
import { advanceTo, deliveries, freshStatePerTest, push } from '../support/timeline.js';

const CONFIG = `# Credentials come from Worker secrets.
global:
  slack_api_url: \${SLACK_API_URL}
route:
  receiver: chat-and-pager
  group_by: [alertname]
  group_wait: 1s
  group_interval: 1m
receivers:
  - name: chat-and-pager
    pagerduty_configs:
      - routing_key: \${PD_ROUTING_KEY}
        url: http://pagerduty.test/v2/enqueue
      - service_key: \${PD_SERVICE_KEY}
        url: http://pagerduty.test/v1
    slack_configs:
      - channel: '#ops'
      - app_token: \${SLACK_APP_TOKEN}
        app_url: http://slack.test/api/chat.postMessage
        channel: '#ops'
`;
useConfig(CONFIG);
freshStatePerTest();

const { SLACK_API_URL, SLACK_APP_TOKEN, PD_ROUTING_KEY, PD_SERVICE_KEY } = TEST_SECRETS;
/** Every secret, and the token part of the Slack webhook URL on its own. */
const SECRETS = [SLACK_API_URL, new URL(SLACK_API_URL).pathname.split('/').pop() ?? '', SLACK_APP_TOKEN, PD_ROUTING_KEY, PD_SERVICE_KEY];
const ECHO = SECRETS.join(' ');

describe('Slack and PagerDuty secrets', () => {
  it('reach the receivers they are for', async () => {
    await push([{ labels: { alertname: 'Disk' } }]);
    await advanceTo(1000);
    const sent = await deliveries();
    expect(sent.map((d) => d.url).sort()).toEqual(['http://pagerduty.test/v1', 'http://pagerduty.test/v2/enqueue', 'http://slack.test/api/chat.postMessage', SLACK_API_URL]);
    const bodyOf = (url: string) => sent.find((d) => d.url === url)?.body ?? '';
    expect(JSON.parse(bodyOf('http://pagerduty.test/v2/enqueue'))).toMatchObject({ routing_key: PD_ROUTING_KEY });
    expect(JSON.parse(bodyOf('http://pagerduty.test/v1'))).toMatchObject({ service_key: PD_SERVICE_KEY });
    expect(sent.find((d) => d.url.startsWith('http://slack.test/api/'))?.headers.authorization).toBe(`Bearer ${SLACK_APP_TOKEN}`);
  });

  it('are <secret> in /api/v2/status', async () => {
    const status = await (await api('/api/v2/status')).json<{ config: { original: string } }>();
    expect(status.config.original).toBe(CONFIG.replace(/\$\{(SLACK_API_URL|PD_ROUTING_KEY|PD_SERVICE_KEY|SLACK_APP_TOKEN)\}/g, '<secret>'));
  });

  it('appear in no answer of the API and in no kept delivery error, even when every receiver echoes them in a failure', async () => {
    await receiver.answerNext(
      { path: '/v2/enqueue', status: 400, body: JSON.stringify({ message: ECHO, errors: [ECHO] }) },
      { path: '/v1', status: 500, body: ECHO },
      { path: new URL(SLACK_API_URL).pathname, status: 429, body: ECHO, headers: { 'Retry-After': '30' } },
      { path: '/api/chat.postMessage', status: 200, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ ok: false, error: ECHO }) },
    );
    await push([{ labels: { alertname: 'Disk' } }]);
    await advanceTo(1000);
    expect((await deliveries()).map((d) => `${new URL(d.url).pathname} ${d.status}`).sort()).toEqual([
      '/api/chat.postMessage 200',
      `${new URL(SLACK_API_URL).pathname} 429`,
      '/v1 500',
      '/v2/enqueue 400',
    ]);

    const kept = JSON.stringify(await storedRows('jobs'));
    expect(kept.match(/lastError/g)).toHaveLength(4);
    for (const secret of SECRETS) expect(kept).not.toContain(secret);

    for (const path of ['/api/v2/status', '/api/v2/receivers', '/api/v2/alerts', '/api/v2/alerts/groups', '/api/v2/silences', '/metrics', '/-/ready', '/-/healthy']) {
      const res = await api(path);
      const shown = `${res.status} ${JSON.stringify([...res.headers])} ${await res.text()}`;
      expect(res.status, path).toBe(200);
      for (const secret of SECRETS) expect(shown, path).not.toContain(secret);
    }
  });
});
