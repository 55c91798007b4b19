/**
 * Incidents and escalation on /metrics: incidents held by state, steps fired
 * by policy, page attempts by integration and outcome, and the OnCall
 * object's own billed usage (requests by method, rows, its alarm), read in
 * one request per scrape.
 */
import { describe, expect, it } from 'vitest';
import { useConfig } from '../support/edgealert.js';
import { act, advanceWithIncidentsTo } from '../support/oncall.js';
import { receiver } from '../support/receiver.js';
import { around, doRequests, rowsWritten, scrape } from '../support/scrape.js';
import { firing, freshStatePerTest, push } from '../support/timeline.js';

const MIN = 60_000;

useConfig(`
global:
  resolve_timeout: 2h
route:
  receiver: team
  group_by: [alertname]
  group_wait: 1s
  routes:
    - matchers: [severity="critical"]
      receiver: team
      escalation: critical
receivers:
  - name: team
    webhook_configs: [{ url: 'http://receiver.test/team' }]
  - name: chat
    webhook_configs: [{ url: 'http://receiver.test/chat' }]
  - name: managers
    webhook_configs: [{ url: 'http://receiver.test/managers' }]
escalation_policies:
  - name: critical
    steps:
      - notify: [chat]
      - after: 5m
        notify: [managers]
`);
freshStatePerTest();

const incidents = (state: string) => `edgealert_incidents{state="${state}"}`;
const steps = 'edgealert_escalation_steps_total{policy="critical"}';
const pages = (outcome: string) => `edgealert_pages_total{integration="webhook",outcome="${outcome}"}`;

describe('incident metrics', () => {
  it('reports every incident state and the policy at 0 before anything happens', async () => {
    const series = await scrape();
    expect([incidents('triggered'), incidents('acknowledged'), incidents('resolved'), steps].map((key) => series.get(key))).toEqual([0, 0, 0, 0]);
  });

  it('counts the steps fired and the pages sent, and shows the incident as triggered, then acknowledged', async () => {
    const delta = await around(async () => {
      await push([firing('DiskFull', { severity: 'critical' })]);
      await advanceWithIncidentsTo(1000 + 5 * MIN);
    });
    expect(delta(steps)).toBe(2);
    expect(delta(pages('success'))).toBe(2);
    expect((await scrape()).get(incidents('triggered'))).toBe(1);
    expect((await act('1', 'ack')).status).toBe(200);
    const after = await scrape();
    expect([after.get(incidents('triggered')), after.get(incidents('acknowledged'))]).toEqual([0, 1]);
  });

  it('counts a page answered with an error as a retry', async () => {
    await push([firing('DiskFull', { severity: 'critical' })]);
    await receiver.answerNext({ status: 500, path: '/chat' });
    const delta = await around(() => advanceWithIncidentsTo(1000));
    expect(delta(pages('retry'))).toBe(1);
    expect(delta(pages('success'))).toBe(0);
  });

  it("meters the OnCall object's requests, rows and alarm, and reads it once per scrape", async () => {
    await push([firing('DiskFull', { severity: 'critical' })]);
    const delta = await around(() => advanceWithIncidentsTo(1000));
    expect(delta(doRequests('OnCall', 'update'))).toBe(1);
    expect(delta(doRequests('OnCall', 'alarm'))).toBeGreaterThanOrEqual(1);
    expect(delta(doRequests('OnCall', 'scrape'))).toBe(1);
    // At least the incident, its sequence number, the page job and the alarm for the page.
    expect(delta(rowsWritten('OnCall'))).toBeGreaterThanOrEqual(4);
  });
});
