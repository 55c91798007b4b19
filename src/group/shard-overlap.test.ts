import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config/index.js';
import { normalizeAlert } from '../alert/postable.js';
import { planDispatch } from '../route/dispatch-plan.js';
import { IN_FLIGHT_RECHECK_MS, Shard } from './shard.js';
import { memoryShardStorage } from './shard-storage.js';

/**
 * Overlapping runs of one shard: the Dispatcher starts a run from a push
 * (group_wait 0s) and another from its alarm, possibly while the first one's
 * deliveries are still waiting for the receiver.
 */
const T0 = Date.UTC(2026, 10, 25, 12, 0, 0);

const YAML = `
route:
  receiver: hook
  group_by: [alertname]
  group_wait: 0s
  group_interval: 1m
  repeat_interval: 1h
receivers:
  - name: hook
    webhook_configs:
      - url: http://receiver.test/hook
`;

/** A shard whose receiver answers only when the test says so. */
function heldReceiverShard() {
  const loaded = loadConfig(YAML, {});
  if (!loaded.ok) throw new Error('test config does not load');
  const config = loaded.value;
  let now = T0;
  const requests: { alertnames: string[]; answer: (status: number) => void }[] = [];
  const storage = memoryShardStorage();
  const host = {
    clock: () => now,
    random: () => 0.5,
    notify: {
      externalURL: 'http://edgealert.test',
      http: (_url: string, init: RequestInit) =>
        new Promise<Response>((resolve) => {
          const body = JSON.parse(String(init.body)) as { alerts: { labels: { alertname: string } }[] };
          requests.push({ alertnames: body.alerts.map((a) => a.labels.alertname), answer: (status) => resolve(new Response(null, { status })) });
        }),
    },
  };
  const shard = new Shard(config, storage, storage.snapshot(), now);
  return {
    shard,
    host,
    storage,
    requests,
    setClock: (ms: number) => void (now = T0 + ms),
    push(alertname: string) {
      const normalized = normalizeAlert({ labels: { alertname } }, { now, resolveTimeout: config.global.resolveTimeout });
      if (!normalized.ok) throw new Error(normalized.error);
      for (const items of planDispatch([normalized.value], config.route, 1).values()) shard.ingest(items, now);
    },
  };
}

/** Lets every pending promise callback run. */
const drain = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('overlapping runs of a shard', () => {
  it('do not attempt a delivery that is already under way', async () => {
    const s = heldReceiverShard();
    s.push('Disk');
    const first = s.shard.runDue(s.host); // the push's run: its request is held
    await drain();
    expect(s.requests).toHaveLength(1);
    expect(s.shard.attemptsUnderWay()).toBe(1);

    const second = s.shard.runDue(s.host); // the alarm's run, meanwhile
    await drain();
    expect(s.requests).toHaveLength(1);

    s.requests[0]!.answer(200);
    await Promise.all([first, second]);
    expect(s.shard.attemptsUnderWay()).toBe(0);
    expect(s.storage.snapshot().jobs).toEqual([]);
    expect(s.storage.snapshot().nflog).toHaveLength(1);
  });

  it('wake the object a recheck after an attempt started, not at once, while it is under way', async () => {
    const s = heldReceiverShard();
    s.push('Disk');
    expect(s.shard.nextDueAt()).toBe(T0); // group_wait 0s: due now
    const run = s.shard.runDue(s.host);
    await drain();
    // Due again at the recheck (should the object die meanwhile), not now: an alarm would only spin.
    expect(s.shard.nextDueAt()).toBe(T0 + IN_FLIGHT_RECHECK_MS);

    s.requests[0]!.answer(200);
    await run;
    expect(s.shard.nextDueAt()).toBe(T0 + 60_000); // the next group_interval tick
  });

  it('re-arm a recheck after the last run that found the attempt still under way, never in the past', async () => {
    const s = heldReceiverShard();
    s.push('Disk');
    const run = s.shard.runDue(s.host);
    await drain();
    s.setClock(11_000); // the alarm at the recheck: the receiver still holds the request
    await s.shard.runDue(s.host);
    expect(s.requests).toHaveLength(1);
    expect(s.shard.nextDueAt()).toBe(T0 + 11_000 + IN_FLIGHT_RECHECK_MS);

    s.requests[0]!.answer(200);
    await run;
  });

  it('end a flush at its deadline with its attempt under way; the group flushes at its next tick; a late answer is still logged', async () => {
    const s = heldReceiverShard();
    s.push('Disk');
    const first = s.shard.runDue(s.host); // held until after the deadline (the group_interval, 1m)
    await drain();
    s.setClock(30_000);
    s.push('Cpu'); // another group, flushed at once
    s.push('Disk'); // a re-send: same group, nothing new
    s.setClock(60_000); // the deadline of the first flush and the group's next tick
    const tick = s.shard.runDue(s.host);
    await drain();
    // The held flush is given up and the Disk group's tick flushes on time (the log has no record of the first yet).
    expect(s.requests.map((r) => r.alertnames)).toEqual([['Disk'], ['Disk'], ['Cpu']]);
    expect(s.storage.snapshot().jobs).toHaveLength(2); // the tick's two flushes; the held one is gone
    expect(s.shard.nextDueAt()).toBeGreaterThan(T0 + 60_000); // nothing left due now: no alarm spin

    s.requests[0]!.answer(200); // the receiver answers after all
    for (const request of s.requests.slice(1)) request.answer(200);
    await Promise.all([first, tick]);
    expect(s.storage.snapshot().nflog.size).toBeGreaterThanOrEqual(1); // what the receiver got is on record
    expect(s.storage.snapshot().jobs).toEqual([]);
  });
});
