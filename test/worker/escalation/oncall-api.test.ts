/**
 * Who is on call through the API, schedule overrides (created, listed,
 * removed, refused when wrong without changing anything), an override
 * taking a page, and handoff notices to the incoming person.
 */
import { describe, expect, it } from 'vitest';
import { api, getJson, useConfig } from '../support/edgealert.js';
import { runCron } from '../support/heartbeats.js';
import { advanceWithIncidentsTo, pagesSoFar } from '../support/oncall.js';
import { firing, freshStatePerTest, iso, push, T0 } from '../support/timeline.js';

const HOUR = 3_600_000;

useConfig(`
global:
  resolve_timeout: 2h
route:
  receiver: team
  group_by: [alertname]
  group_wait: 1s
  escalation: page-primary
receivers:
  - name: team
    webhook_configs: [{ url: 'http://receiver.test/team' }]
  - name: alice-phone
    webhook_configs: [{ url: 'http://receiver.test/alice' }]
  - name: bob-phone
    webhook_configs: [{ url: 'http://receiver.test/bob' }]
  - name: carol-phone
    webhook_configs: [{ url: 'http://receiver.test/carol' }]
people:
  alice: { receivers: [alice-phone] }
  bob: { receivers: [bob-phone] }
  carol: { receivers: [carol-phone] }
schedules:
  - name: primary
    time_zone: Europe/Berlin
    handoff_notices: true
    rotations:
      - participants: [alice, bob]
        length: 1d
        start: 2040-01-01T09:00
escalation_policies:
  - name: page-primary
    steps:
      - notify: [schedule:primary]
`);
freshStatePerTest();

// T0 is 2040-01-01 12:00 UTC, 13:00 in Berlin: alice's first day; bob from 2040-01-02 09:00 Berlin (08:00 UTC).
const BOB_FROM = Date.UTC(2040, 0, 2, 8, 0) - T0;

interface OnCallBody {
  schedule: string;
  oncall: { person: string; source: { kind: string }; from: string; until: string } | null;
  nextHandoffs: { at: string; to: { person: string } | null }[];
}

const postOverride = (body: unknown) => api('/api/v1/overrides', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });

describe('GET /api/v1/oncall', () => {
  it('answers who is on call now and at any instant, with the next handoffs', async () => {
    const now = await getJson<OnCallBody>('/api/v1/oncall?schedule=primary');
    expect(now.oncall).toMatchObject({ person: 'alice', source: { kind: 'rotation' }, from: '2040-01-01T08:00:00.000Z', until: '2040-01-02T08:00:00.000Z' });
    expect(now.nextHandoffs[0]).toMatchObject({ at: '2040-01-02T08:00:00.000Z', to: { person: 'bob' } });
    const later = await getJson<OnCallBody>(`/api/v1/oncall?schedule=primary&at=${iso(BOB_FROM + HOUR)}`);
    expect(later.oncall?.person).toBe('bob');
    expect(await getJson<OnCallBody[]>('/api/v1/oncall')).toHaveLength(1);
  });

  it('refuses an unknown schedule (404) and a bad instant (400)', async () => {
    expect((await api('/api/v1/oncall?schedule=nope')).status).toBe(404);
    const bad = await api('/api/v1/oncall?schedule=primary&at=tomorrow');
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ message: expect.stringContaining('bad at "tomorrow"') });
  });
});

describe('overrides', () => {
  it('an override puts someone else on call, pages them, and can be removed', async () => {
    const created = await postOverride({ schedule: 'primary', person: 'carol', start: iso(0), end: iso(2 * HOUR) });
    expect(created.status).toBe(201);
    const override = (await created.json()) as { id: string };
    expect((await getJson<OnCallBody>('/api/v1/oncall?schedule=primary')).oncall).toMatchObject({ person: 'carol', source: { kind: 'override' } });
    expect(await getJson<{ id: string }[]>('/api/v1/overrides?schedule=primary')).toEqual([expect.objectContaining({ id: override.id, person: 'carol' })]);

    await push([firing('Down')]);
    await advanceWithIncidentsTo(1000);
    expect(await pagesSoFar()).toEqual(['1000 /team firing', '1000 /carol firing']);

    expect((await api(`/api/v1/overrides/${override.id}`, { method: 'DELETE' })).status).toBe(204);
    expect((await api(`/api/v1/overrides/${override.id}`, { method: 'DELETE' })).status).toBe(404);
    expect((await getJson<OnCallBody>('/api/v1/oncall?schedule=primary')).oncall?.person).toBe('alice');
  });

  it.each([
    ['an unknown person', { schedule: 'primary', person: 'mallory', start: iso(0), end: iso(HOUR) }, 'mallory'],
    ['an unknown schedule', { schedule: 'nope', person: 'carol', start: iso(0), end: iso(HOUR) }, 'nope'],
    ['start not before end', { schedule: 'primary', person: 'carol', start: iso(HOUR), end: iso(0) }, 'before'],
    ['an end in the past', { schedule: 'primary', person: 'carol', start: iso(-2 * HOUR), end: iso(-HOUR) }, 'past'],
    ['a misspelt field', { schedule: 'primary', person: 'carol', start: iso(0), ends: iso(HOUR) }, 'ends'],
  ])('refuses %s with 400 and stores nothing', async (_why, body, mentioned) => {
    const res = await postOverride(body);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { message: string }).message).toContain(mentioned);
    expect(await getJson('/api/v1/overrides')).toEqual([]);
  });

  it('refuses a body that is not JSON', async () => {
    const res = await api('/api/v1/overrides', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{' });
    expect(res.status).toBe(400);
    expect(await getJson('/api/v1/overrides')).toEqual([]);
  });
});

describe('handoff notices', () => {
  it('tell the incoming person when their shift starts', async () => {
    await runCron(); // after a deploy, the cron trigger wakes the OnCall object, which arms the next handoff
    await advanceWithIncidentsTo(BOB_FROM);
    const notices = await pagesSoFar();
    expect(notices).toEqual([`${BOB_FROM} /bob firing`]);
  });
});
