/**
 * W3C trace context end to end: the trace id of the POST /api/v2/alerts that
 * first sent an alert is the trace id of the traceparent its notification
 * carries, each hop with its own span id.
 */
import { describe, expect, it } from 'vitest';
import { postAlerts, useConfig } from '../support/edgealert.js';
import { advanceTo, deliveries, firing, freshStatePerTest } from '../support/timeline.js';

useConfig(`
route:
  receiver: hook
  group_by: [alertname]
  group_wait: 1s
receivers:
  - name: hook
    webhook_configs:
      - url: http://receiver.test/hook
`);
freshStatePerTest();

const TRACE = '4bf92f3577b34da6a3ce929d0e0e4736';
const PARENT = `00-${TRACE}-00f067aa0ba902b7-01`;

describe('traceparent', () => {
  it('follows an alert from the POST that created it to its webhook', async () => {
    const response = await postAlerts([firing('Disk')], { 'Content-Type': 'application/json', traceparent: PARENT });
    expect(response.status).toBe(200);
    // A re-send in another trace does not take the alert over.
    await postAlerts([firing('Disk')], { 'Content-Type': 'application/json', traceparent: `00-${'1'.repeat(32)}-${'2'.repeat(16)}-01` });
    await advanceTo(1000);
    const [sent] = await deliveries();
    expect(sent?.headers.traceparent).toMatch(new RegExp(`^00-${TRACE}-[0-9a-f]{16}-01$`));
    expect(sent?.headers.traceparent).not.toBe(PARENT);
  });

  it('starts a trace when the POST carries none', async () => {
    await postAlerts([firing('Disk')]);
    await advanceTo(1000);
    const [sent] = await deliveries();
    expect(sent?.headers.traceparent).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);
  });
});
