/**
 * What the incident desk tells /metrics: escalation steps fired by policy,
 * page attempts by integration and outcome (plain in-memory counters, like
 * a shard's), and the incidents it holds by status.
 */
import { describe, expect, it } from 'vitest';
import { formatConfigErrors, loadConfig } from '../config/load.js';
import type { NotifyAlert } from '../notify/notification.js';
import { memoryDeskStorage } from './desk-storage.js';
import { IncidentDesk, type DeskHost } from './desk.js';

const MIN = 60_000;
const T0 = Date.UTC(2040, 0, 1, 12, 0, 0);

const CONFIG = `
route:
  receiver: chat
receivers:
  - name: chat
    webhook_configs: [{ url: 'https://chat.example.com/hook' }]
  - name: managers
    webhook_configs: [{ url: 'https://managers.example.com/hook' }]
escalation_policies:
  - name: critical
    steps:
      - notify: [chat]
      - after: 5m
        notify: [managers]
  - name: quiet
    steps:
      - notify: [chat]
`;

const alert = (status: 'firing' | 'resolved'): NotifyAlert => ({
  status,
  labels: { alertname: 'Down' },
  annotations: {},
  startsAt: T0,
  endsAt: status === 'firing' ? null : T0 + MIN,
  generatorURL: '',
  fingerprint: 'fp1',
  updatedAt: T0,
});

/** A desk on the config above, its clock, and an HTTP client answering the scripted statuses (200 once they run out). */
function deskWith(answers: number[] = []) {
  const loaded = loadConfig(CONFIG, {});
  if (!loaded.ok) throw new Error(formatConfigErrors(loaded.error));
  const storage = memoryDeskStorage();
  const clock = { now: T0 };
  const desk = new IncidentDesk(loaded.value, storage, storage.snapshot(), 'http://edgealert.test', T0);
  const host: DeskHost = {
    clock: () => clock.now,
    random: () => 0.5,
    randomBytes: (n) => new Uint8Array(n),
    notify: { externalURL: 'http://edgealert.test', http: async () => new Response('', { status: answers.shift() ?? 200 }) },
  };
  const update = (status: 'firing' | 'resolved') =>
    desk.update({ policy: 'critical', groupKey: '{}:{alertname="Down"}', receiver: 'chat', groupLabels: { alertname: 'Down' }, alerts: [alert(status)] }, clock.now);
  return { desk, host, clock, update };
}

describe('incident desk telemetry', () => {
  it("starts every policy's step counter and every integration's page counters at 0", () => {
    const { desk } = deskWith();
    expect(desk.counters).toEqual({
      'edgealert_escalation_steps_total{policy="critical"}': 0,
      'edgealert_escalation_steps_total{policy="quiet"}': 0,
      'edgealert_pages_total{integration="webhook",outcome="success"}': 0,
      'edgealert_pages_total{integration="webhook",outcome="retry"}': 0,
      'edgealert_pages_total{integration="webhook",outcome="failed"}': 0,
    });
  });

  it('counts each step fired under its policy', async () => {
    const { desk, host, clock, update } = deskWith();
    update('firing');
    expect(desk.counters['edgealert_escalation_steps_total{policy="critical"}']).toBe(1);
    clock.now = T0 + 5 * MIN;
    await desk.runDue(host);
    expect(desk.counters['edgealert_escalation_steps_total{policy="critical"}']).toBe(2);
    expect(desk.counters['edgealert_escalation_steps_total{policy="quiet"}']).toBe(0);
  });

  it('counts no step once the incident is acknowledged', async () => {
    const { desk, host, clock, update } = deskWith();
    update('firing');
    desk.act(desk.list()[0]?.id ?? '', 'ack', { name: 'alice', via: 'api' }, T0 + MIN);
    clock.now = T0 + 5 * MIN;
    await desk.runDue(host);
    expect(desk.counters['edgealert_escalation_steps_total{policy="critical"}']).toBe(1);
  });

  it('counts page attempts by integration and outcome', async () => {
    const { desk, host, clock, update } = deskWith([500]);
    update('firing');
    await desk.runDue(host);
    expect(desk.counters['edgealert_pages_total{integration="webhook",outcome="retry"}']).toBe(1);
    clock.now = desk.nextDueAt() ?? clock.now;
    await desk.runDue(host);
    expect(desk.counters['edgealert_pages_total{integration="webhook",outcome="success"}']).toBe(1);
  });

  it('counts a page given up after a non-retryable answer as failed', async () => {
    const { desk, host, update } = deskWith([400]);
    update('firing');
    await desk.runDue(host);
    expect(desk.counters['edgealert_pages_total{integration="webhook",outcome="failed"}']).toBe(1);
  });

  it('holds incidents by status: triggered, acknowledged, resolved', () => {
    const { desk, update } = deskWith();
    expect(desk.statusCounts()).toEqual({ triggered: 0, acknowledged: 0, resolved: 0 });
    update('firing');
    expect(desk.statusCounts()).toEqual({ triggered: 1, acknowledged: 0, resolved: 0 });
    const id = desk.list()[0]?.id ?? '';
    desk.act(id, 'ack', { name: 'alice', via: 'api' }, T0 + MIN);
    expect(desk.statusCounts()).toEqual({ triggered: 0, acknowledged: 1, resolved: 0 });
    update('resolved');
    expect(desk.statusCounts()).toEqual({ triggered: 0, acknowledged: 0, resolved: 1 });
  });
});
