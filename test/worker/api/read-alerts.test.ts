/**
 * GET /api/v2/alerts and GET /api/v2/alerts/groups: Alertmanager's shapes
 * (test/conformance/README.md, section e) and the query parameters clients
 * filter with (filter=, receiver=, active=, silenced=).
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { api, getJson, useConfig } from '../support/edgealert.js';
import { freshStatePerTest, iso, push } from '../support/timeline.js';

useConfig(`
route:
  receiver: web
  group_by: [alertname]
  group_wait: 1h
  routes:
    - receiver: ops
      matchers: [team="ops"]
    - receiver: ops-pager
      matchers: [severity="page"]
receivers:
  - name: web
  - name: ops
  - name: ops-pager
`);
freshStatePerTest();

interface ListedAlert {
  fingerprint: string;
  labels: Record<string, string>;
  receivers: { name: string }[];
  status: { state: string; silencedBy: string[]; inhibitedBy: string[] };
}

/** GET `path` (with `query` encoded) and the alertnames it lists, sorted. */
async function names(path: string, query: Record<string, string | string[]> = {}): Promise<string[]> {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) for (const v of [value].flat()) params.append(key, v);
  const listed = await getJson<(ListedAlert | { alerts: ListedAlert[] })[]>(`${path}?${params}`);
  return listed.flatMap((item) => ('alerts' in item ? item.alerts : [item])).map((a) => a.labels.alertname ?? '').sort();
}

describe('GET /api/v2/alerts/groups', () => {
  it("answers Alertmanager's document for a pushed alert", async () => {
    await push([
      {
        labels: { alertname: 'Disk', team: 'ops', instance: 'h1' },
        annotations: { summary: 'full' },
        startsAt: '2026-11-25T06:00:00.123Z',
        generatorURL: 'http://prom/graph',
      },
    ]);
    const res = await api('/api/v2/alerts/groups');
    expect(res.status).toBe(200);
    const text = await res.text();
    // endsAt: updatedAt (the push, at T0) + resolve_timeout.
    expect(text).toBe(
      `[{"alerts":[{"annotations":{"summary":"full"},"endsAt":"${iso(300_000)}","fingerprint":"8b3414ae5e6701ce",` +
        `"receivers":[{"name":"ops"}],"startsAt":"2026-11-25T06:00:00.123Z",` +
        `"status":{"inhibitedBy":[],"silencedBy":[],"state":"active"},"updatedAt":"${iso(0)}",` +
        `"generatorURL":"http://prom/graph","labels":{"alertname":"Disk","instance":"h1","team":"ops"}}],` +
        `"labels":{"alertname":"Disk"},"receiver":{"name":"ops"}}]`,
    );
  });

  it('lists one group per route and group labels, filtered like the alerts', async () => {
    await push([
      { labels: { alertname: 'Disk', team: 'ops', instance: 'h1' } },
      { labels: { alertname: 'Disk', team: 'ops', instance: 'h2' } },
      { labels: { alertname: 'Cpu', team: 'web' } },
    ]);
    const groups = await getJson<{ labels: Record<string, string>; receiver: { name: string }; alerts: ListedAlert[] }[]>(
      '/api/v2/alerts/groups',
    );
    expect(groups.map((g) => [g.receiver.name, g.labels, g.alerts.map((a) => a.labels.instance ?? '-')])).toEqual([
      ['web', { alertname: 'Cpu' }, ['-']],
      ['ops', { alertname: 'Disk' }, ['h1', 'h2']],
    ]);
    expect(await names('/api/v2/alerts/groups', { filter: 'instance="h2"' })).toEqual(['Disk']);
    expect(await names('/api/v2/alerts/groups', { receiver: 'web' })).toEqual(['Cpu']);
  });
});

describe('GET /api/v2/alerts', () => {
  beforeEach(async () => {
    await push([
      { labels: { alertname: 'Disk', team: 'ops', instance: 'h1' } },
      { labels: { alertname: 'Cpu', team: 'web' } },
      { labels: { alertname: 'Page', severity: 'page' } },
      // Resolved a minute ago: stored, but never listed.
      { labels: { alertname: 'Old' }, startsAt: iso(-120_000), endsAt: iso(-60_000) },
    ]);
  });

  it('lists the active alerts with their receivers and status, and leaves resolved ones out', async () => {
    const listed = await getJson<ListedAlert[]>('/api/v2/alerts');
    const byName = Object.fromEntries(listed.map((a) => [a.labels.alertname, a]));
    expect(Object.keys(byName).sort()).toEqual(['Cpu', 'Disk', 'Page']);
    expect(byName.Disk).toMatchObject({
      receivers: [{ name: 'ops' }],
      status: { state: 'active', silencedBy: [], inhibitedBy: [] },
      startsAt: iso(0),
      updatedAt: iso(0),
      endsAt: iso(300_000),
    });
    expect(byName.Page?.receivers).toEqual([{ name: 'ops-pager' }]);
    expect(listed.map((a) => a.fingerprint)).toEqual(listed.map((a) => a.fingerprint).sort());
  });

  it.each([
    [['alertname="Disk"'], ['Disk']],
    [['alertname=~"Disk|Cpu"'], ['Cpu', 'Disk']],
    [['alertname!="Disk"'], ['Cpu', 'Page']],
    [['{team="ops", instance="h1"}'], ['Disk']],
    [['team="ops"', 'instance="h2"'], []],
    [['team=""'], ['Page']],
    [['alertname=~"Dis"'], []],
  ])('filter=%j lists %j (matchers ANDed, regexes anchored, a missing label is "")', async (filter, want) => {
    expect(await names('/api/v2/alerts', { filter })).toEqual(want);
  });

  it.each([
    ['ops', ['Disk']],
    ['ops.*', ['Disk', 'Page']],
    ['web|ops-pager', ['Cpu', 'Page']],
    ['nobody', []],
  ])('receiver=%s lists %j (an anchored regex on receiver names)', async (receiver, want) => {
    expect(await names('/api/v2/alerts', { receiver })).toEqual(want);
  });

  it('active=false leaves out active alerts, and lists silenced ones', async () => {
    expect(await names('/api/v2/alerts', { active: 'false' })).toEqual([]);

    const silence = await api('/api/v2/silences', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        matchers: [{ name: 'alertname', value: 'Cpu', isRegex: false, isEqual: true }],
        startsAt: iso(0),
        endsAt: iso(3_600_000),
        createdBy: 'worker test',
        comment: 'quiet',
      }),
    });
    expect(silence.status).toBe(200);
    const { silenceID } = await silence.json<{ silenceID: string }>();

    expect(await names('/api/v2/alerts', { active: 'false' })).toEqual(['Cpu']);
    expect(await names('/api/v2/alerts', { silenced: 'false' })).toEqual(['Disk', 'Page']);
    const cpu = (await getJson<ListedAlert[]>('/api/v2/alerts')).find((a) => a.labels.alertname === 'Cpu');
    expect(cpu?.status).toEqual({ inhibitedBy: [], silencedBy: [silenceID], state: 'suppressed' });
  });

  it.each([
    ['filter', 'not a matcher'],
    ['receiver', '('],
    ['active', 'maybe'],
  ])('answers 400 for a bad %s parameter (%j)', async (name, value) => {
    const res = await api(`/api/v2/alerts?${new URLSearchParams({ [name]: value })}`);
    expect(res.status).toBe(400);
  });
});
