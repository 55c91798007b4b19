/**
 * Heartbeats (dead-man's switches), driven by the Heartbeats object's alarm
 * and the cron trigger on the fake clock: a missed heartbeat pages its
 * receiver once (then only as repeat_interval says), a ping resolves it, the
 * cron sweep catches a missed alarm, and the ping and list endpoints.
 */
import { describe, expect, it } from 'vitest';
import { api, getJson, useConfig } from '../support/edgealert.js';
import { advanceAllTo, freshPingThrottlePerTest, heartbeatAlarm, loseHeartbeatAlarm, ping, runCron, sentTo } from '../support/heartbeats.js';
import { firing, freshStatePerTest, push, setClock } from '../support/timeline.js';
import { useIngestSecrets } from '../support/upstream-webhook.js';

useConfig(`
route:
  receiver: default
  group_by: [alertname]
  group_wait: 1s
  group_interval: 1m
  repeat_interval: 2h
  routes:
    - matchers: [alertname="Watchdog"]
      receiver: blackhole
receivers:
  - name: default
    webhook_configs: [{ url: http://receiver.test/default }]
  - name: pager
    webhook_configs: [{ url: http://receiver.test/pager }]
  - name: blackhole
heartbeats:
  - name: prometheus
    matchers: [alertname="Watchdog"]
    timeout: 5m
    receiver: pager
    labels: { severity: critical }
  - name: nightly-backup
    timeout: 1h
    receiver: pager
`);
freshStatePerTest();
freshPingThrottlePerTest();

const MIN = 60_000;

describe('a heartbeat fed by alerts (Watchdog)', () => {
  it('pages its receiver once when nothing arrives within the timeout, and not again before repeat_interval', async () => {
    await push([firing('Watchdog')]);
    expect(await heartbeatAlarm()).toBe(5 * MIN);
    await advanceAllTo(5 * MIN - 1);
    expect(await sentTo('/pager')).toEqual([]);
    await advanceAllTo(119 * MIN);
    const prometheus = async () => (await sentTo('/pager')).filter((p) => p.alerts[0] === 'prometheus:firing');
    expect(await prometheus()).toEqual([{ at: 5 * MIN, status: 'firing', alerts: ['prometheus:firing'] }]);
    // The alert is refreshed while missing (it never resolves by itself), and repeat_interval (2h) repeats it.
    await advanceAllTo(5 * MIN + 2 * 60 * MIN + MIN);
    const pages = await prometheus();
    expect(pages.map((p) => p.status)).toEqual(['firing', 'firing']);
    expect(pages[1]!.at).toBeGreaterThan(5 * MIN + 2 * 60 * MIN);
    expect(pages[1]!.at).toBeLessThanOrEqual(5 * MIN + 2 * 60 * MIN + MIN);
  });

  it('sends the HeartbeatMissing alert with its labels and a summary', async () => {
    await push([firing('Watchdog')]);
    await advanceAllTo(6 * MIN);
    const [page] = await getJson<{ labels: Record<string, string>; annotations: Record<string, string> }[]>('/api/v2/alerts?filter=alertname%3D%22HeartbeatMissing%22');
    expect(page?.labels).toEqual({ alertname: 'HeartbeatMissing', heartbeat: 'prometheus', severity: 'critical' });
    expect(page?.annotations.summary).toBe('Heartbeat prometheus missing: nothing arrived within 5m');
  });

  it('stays quiet while the Watchdog keeps arriving', async () => {
    for (let t = 0; t <= 30 * MIN; t += MIN) {
      await advanceAllTo(t);
      await push([firing('Watchdog')]);
    }
    await advanceAllTo(34 * MIN);
    expect(await sentTo('/pager')).toEqual([]);
  });

  it('resolves when pings resume', async () => {
    await push([firing('Watchdog')]);
    await advanceAllTo(10 * MIN + 30_000);
    await push([firing('Watchdog')]);
    await advanceAllTo(12 * MIN);
    // The resolved notice goes out at the group's next group_interval tick (1m).
    expect(await sentTo('/pager')).toEqual([
      { at: 5 * MIN, status: 'firing', alerts: ['prometheus:firing'] },
      { at: 11 * MIN, status: 'resolved', alerts: ['prometheus:resolved'] },
    ]);
    const [listed] = await getJson<{ name: string; state: string }[]>('/api/v1/heartbeats');
    expect(listed).toMatchObject({ name: 'prometheus', state: 'ok' });
  });

  it('is not pinged by a resolved Watchdog', async () => {
    await push([firing('Watchdog')]);
    await advanceAllTo(4 * MIN);
    await push([{ labels: { alertname: 'Watchdog' }, endsAt: new Date(Date.now()).toISOString() }]);
    await advanceAllTo(6 * MIN);
    expect((await sentTo('/pager')).map((p) => p.at)).toEqual([5 * MIN]);
  });
});

describe('the cron sweep', () => {
  it('catches a missed alarm: the heartbeat pages at the next sweep', async () => {
    await push([firing('Watchdog')]);
    await loseHeartbeatAlarm();
    await advanceAllTo(10 * MIN);
    expect(await sentTo('/pager')).toEqual([]);
    await runCron();
    expect(await heartbeatAlarm()).not.toBeNull();
    await advanceAllTo(11 * MIN);
    expect(await sentTo('/pager')).toEqual([{ at: 10 * MIN, status: 'firing', alerts: ['prometheus:firing'] }]);
  });

  it('re-arms the alarm without sending anything when nothing is due', async () => {
    await push([firing('Watchdog')]);
    await loseHeartbeatAlarm();
    await runCron();
    expect(await heartbeatAlarm()).toBe(5 * MIN);
    await advanceAllTo(MIN);
    expect(await sentTo('/pager')).toEqual([]);
  });

  it('starts tracking heartbeats never pinged: their deadline counts from the first sweep', async () => {
    await runCron();
    await advanceAllTo(61 * MIN);
    expect(await sentTo('/pager')).toEqual([
      { at: 5 * MIN, status: 'firing', alerts: ['prometheus:firing'] },
      { at: 60 * MIN, status: 'firing', alerts: ['nightly-backup:firing'] },
    ]);
  });
});

describe('the ping endpoint', () => {
  it('pings a heartbeat by name and answers with its state', async () => {
    setClock(MIN);
    const res = await ping('nightly-backup');
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ name: 'nightly-backup', state: 'ok', lastPingAt: new Date(Date.now()).toISOString() });
    // The other heartbeat starts being tracked at once: due 5m after this ping.
    expect(await heartbeatAlarm()).toBe(6 * MIN);
  });

  it('is 404 for an unknown heartbeat', async () => {
    const res = await ping('nope');
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ code: 404, message: 'heartbeat "nope" not found' });
  });

  it('resolves a missing heartbeat', async () => {
    await ping('nightly-backup');
    await advanceAllTo(70 * MIN + 30_000);
    await ping('nightly-backup');
    await advanceAllTo(72 * MIN);
    expect((await sentTo('/pager')).filter((p) => p.alerts[0]?.startsWith('nightly-backup'))).toEqual([
      { at: 60 * MIN, status: 'firing', alerts: ['nightly-backup:firing'] },
      { at: 71 * MIN, status: 'resolved', alerts: ['nightly-backup:resolved'] },
    ]);
  });

  describe('with ingest credentials set', () => {
    useIngestSecrets({ INGEST_TOKEN: 'hb-token' });
    it('requires them', async () => {
      expect((await ping('nightly-backup')).status).toBe(401);
      expect((await ping('nightly-backup', { Authorization: 'Bearer hb-token' })).status).toBe(200);
    });
  });
});

describe('GET /api/v1/heartbeats', () => {
  it('lists every heartbeat with its last ping, deadline and state', async () => {
    await push([firing('Watchdog')]);
    await advanceAllTo(6 * MIN);
    const listed = await getJson('/api/v1/heartbeats');
    expect(listed).toEqual([
      {
        name: 'prometheus',
        state: 'missing',
        timeout: '5m',
        receiver: 'pager',
        lastPingAt: '2040-01-01T12:00:00.000Z',
        deadline: '2040-01-01T12:05:00.000Z',
        missingSince: '2040-01-01T12:05:00.000Z',
      },
      {
        name: 'nightly-backup',
        state: 'waiting',
        timeout: '1h',
        receiver: 'pager',
        lastPingAt: null,
        deadline: '2040-01-01T13:00:00.000Z',
        missingSince: null,
      },
    ]);
  });

  it('answers for a config without heartbeats too', async () => {
    expect((await api('/api/v1/heartbeats')).status).toBe(200);
  });
});
