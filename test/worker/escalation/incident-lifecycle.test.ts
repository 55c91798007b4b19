/**
 * A full incident on the fake clock: the group's first notification opens
 * it and pages step 1, step 2 follows after its delay when nobody
 * acknowledges, an acknowledgement stops step 3, and the alerts resolving
 * resolve it with a resolved notice to everyone paged. Also repeat loops and
 * acting by hand through the API.
 */
import { describe, expect, it } from 'vitest';
import { api, getJson, useConfig } from '../support/edgealert.js';
import { act, advanceWithIncidentsTo, pagesSoFar } from '../support/oncall.js';
import { firing, freshStatePerTest, iso, push, resolved } from '../support/timeline.js';

const MIN = 60_000;

useConfig(`
global:
  resolve_timeout: 2h   # the alerts are pushed once and must keep firing
route:
  receiver: team
  group_by: [alertname]
  group_wait: 1s
  group_interval: 1m
  repeat_interval: 4h
  routes:
    - matchers: [severity="critical"]
      receiver: team
      escalation: critical
    - matchers: [severity="looping"]
      receiver: team
      escalation: looping
receivers:
  - name: team
    webhook_configs: [{ url: 'http://receiver.test/team', send_resolved: true }]
  - name: chat
    webhook_configs: [{ url: 'http://receiver.test/chat' }]
  - name: alice-phone
    webhook_configs: [{ url: 'http://receiver.test/alice' }]
  - name: bob-phone
    webhook_configs: [{ url: 'http://receiver.test/bob' }]
  - name: managers
    webhook_configs: [{ url: 'http://receiver.test/managers' }]
people:
  alice: { receivers: [alice-phone] }
  bob: { receivers: [bob-phone] }
schedules:
  - name: primary
    time_zone: UTC
    rotations:
      - participants: [alice, bob]
        length: 1d
        start: 2040-01-01T00:00
escalation_policies:
  - name: critical
    steps:
      - notify: [chat]
      - after: 5m
        notify: [schedule:primary]
      - after: 15m
        notify: [managers]
  - name: looping
    repeat: 2
    repeat_after: 10m
    steps:
      - notify: [person:bob]
`);
freshStatePerTest();

interface IncidentBody {
  id: string;
  openedAt: string;
  nextStepAt: string | null;
  status: string;
  paged: string[];
  timeline: { event: string; actor?: { name: string; via: string }; detail?: string }[];
}

const incidents = () => getJson<IncidentBody[]>('/api/v1/incidents');

describe('an incident escalates until acknowledged and resolves with its alerts', () => {
  it('pages step 1, then step 2 after its delay; an ack stops step 3; resolving notifies everyone paged', async () => {
    await push([firing('DiskFull', { severity: 'critical' })]);
    await advanceWithIncidentsTo(1000);
    // The route's own notification and the first step, at the group's first flush.
    expect(await pagesSoFar()).toEqual(['1000 /team firing', '1000 /chat firing']);
    const [incident] = await incidents();
    expect(incident).toMatchObject({ id: '1', status: 'triggered', paged: ['chat'], openedAt: iso(1000), nextStepAt: iso(1000 + 5 * MIN) });
    expect(incident).not.toHaveProperty('seenFiring');

    await advanceWithIncidentsTo(1000 + 5 * MIN - 1);
    expect(await pagesSoFar()).toHaveLength(2);
    await advanceWithIncidentsTo(1000 + 5 * MIN);
    // alice is on call on the rotation's first day.
    expect((await pagesSoFar()).slice(2)).toEqual([`${1000 + 5 * MIN} /alice firing`]);

    const ack = await act('1', 'ack', { by: 'alice' });
    expect(ack.status).toBe(200);
    expect(await ack.json()).toMatchObject({ status: 'acknowledged', acknowledged: { by: { name: 'alice', via: 'api' } } });
    await advanceWithIncidentsTo(1000 + 30 * MIN);
    expect((await pagesSoFar()).some((p) => p.includes('/managers'))).toBe(false);

    await push([resolved('DiskFull', { severity: 'critical' })]);
    await advanceWithIncidentsTo(1000 + 31 * MIN);
    const after = (await pagesSoFar()).slice(3);
    expect(after).toEqual([`${1000 + 31 * MIN} /team resolved`, `${1000 + 31 * MIN} /chat resolved`, `${1000 + 31 * MIN} /alice resolved`]);
    const [done] = await incidents();
    expect(done?.status).toBe('resolved');
    expect(done?.timeline.map((e) => e.event)).toEqual(['opened', 'step', 'paged', 'step', 'paged', 'acknowledged', 'resolved', 'paged', 'paged']);
  });

  it('without an ack, step 3 pages the managers 15 minutes in', async () => {
    await push([firing('DiskFull', { severity: 'critical' })]);
    await advanceWithIncidentsTo(1000 + 15 * MIN);
    expect(await pagesSoFar()).toEqual(['1000 /team firing', '1000 /chat firing', `${1000 + 5 * MIN} /alice firing`, `${1000 + 15 * MIN} /managers firing`]);
  });

  it('repeat loops the steps every repeat_after, then stops', async () => {
    await push([firing('Loop', { severity: 'looping' })]);
    await advanceWithIncidentsTo(1000 + 60 * MIN);
    expect((await pagesSoFar()).filter((p) => p.includes('/bob'))).toEqual([`1000 /bob firing`, `${1000 + 10 * MIN} /bob firing`, `${1000 + 20 * MIN} /bob firing`]);
  });

  it('un-acknowledging starts over; resolving by hand sends the resolved notice', async () => {
    await push([firing('DiskFull', { severity: 'critical' })]);
    await advanceWithIncidentsTo(1000);
    expect((await act('1', 'ack')).status).toBe(200);
    await advanceWithIncidentsTo(10 * MIN);
    expect((await act('1', 'unack', { by: 'bob' })).status).toBe(200);
    await advanceWithIncidentsTo(10 * MIN);
    expect((await pagesSoFar()).slice(2)).toEqual([`${10 * MIN} /chat firing`]);
    const resolvedByHand = await act('1', 'resolve', { by: 'bob' });
    expect(resolvedByHand.status).toBe(200);
    await advanceWithIncidentsTo(11 * MIN);
    // The alert still fires: the resolved notice carries it as it is, flagged by the incident's status.
    expect((await pagesSoFar()).slice(3)).toEqual([`${10 * MIN} /chat firing`]);
    const [incident] = await incidents();
    expect(incident?.timeline.filter((e) => e.actor?.via === 'api').map((e) => `${e.event} by ${e.actor?.name}`)).toEqual([
      'acknowledged by API client',
      'unacknowledged by bob',
      'resolved by bob',
    ]);
  });

  it('refuses what the incident state does not allow, and unknown incidents, changing nothing', async () => {
    await push([firing('DiskFull', { severity: 'critical' })]);
    await advanceWithIncidentsTo(1000);
    expect((await act('1', 'unack')).status).toBe(409);
    expect((await act('1', 'ack')).status).toBe(200);
    const twice = await act('1', 'ack');
    expect(twice.status).toBe(409);
    expect(await twice.json()).toMatchObject({ message: 'incident 1 is already acknowledged by API client' });
    expect((await act('42', 'ack')).status).toBe(404);
    expect((await act('1', 'resolve', { by: 7 })).status).toBe(400);
    const [incident] = await incidents();
    expect(incident?.status).toBe('acknowledged');
    expect((await api('/api/v1/incidents?status=bogus')).status).toBe(400);
    expect(await getJson('/api/v1/incidents?status=resolved')).toEqual([]);
  });
});
