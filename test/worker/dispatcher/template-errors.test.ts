/**
 * A templated field that fails at render time: the notification still goes
 * out, with "template error: ..." in that field, and the error is counted
 * (Alertmanager drops the whole notification instead).
 */
import { describe, expect, it } from 'vitest';
import { api, useConfig } from '../support/edgealert.js';
import { advanceTo, deliveries, firing, freshStatePerTest, push } from '../support/timeline.js';

useConfig(`
route:
  receiver: slack
  group_wait: 1s
receivers:
  - name: slack
    slack_configs:
      - api_url: \${SLACK_API_URL}
        channel: '#ops'
        title: '{{ .CommonLabels.nope.deeper }}'
        text: 'fine: {{ .CommonLabels.alertname }}'
`);
freshStatePerTest();

async function templateErrors(): Promise<number> {
  const text = await (await api('/metrics')).text();
  const line = text.split('\n').find((l) => l.startsWith('edgealert_template_errors_total{integration="slack"}'));
  return line ? Number(line.slice(line.lastIndexOf(' ') + 1)) : 0;
}

describe('a template that fails at render time', () => {
  it('still sends the message, with the error text in place of the field, and counts it', async () => {
    expect(await templateErrors()).toBe(0);
    await push([firing('DiskFull')]);
    await advanceTo(1000);
    const [sent] = await deliveries();
    const attachment = (JSON.parse(sent?.body ?? '{}') as { attachments: { title: string; text: string }[] }).attachments[0];
    expect(attachment?.title).toMatch(/^template error: template: :1:\d+: executing "" at <\.CommonLabels\.nope\.deeper>: /);
    expect(attachment?.text).toBe('fine: DiskFull');
    expect(await templateErrors()).toBe(1);
  });
});
