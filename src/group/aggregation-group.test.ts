import { describe, expect, it } from 'vitest';
import type { Alert } from '../alert/types.js';
import { loadConfig, type Route } from '../config/index.js';
import {
  advanceTimer,
  fromRecord,
  groupRecordSchema,
  insertAlert,
  newGroup,
  nextTick,
  toRecord,
  type AggregationGroup,
} from './aggregation-group.js';

const S = 1000;
const T0 = Date.UTC(2026, 0, 2, 12);

/** A route with group_wait 1s, group_interval 2s (README section b), grouping by alertname. */
const ROUTE = (() => {
  const loaded = loadConfig(
    'route: {receiver: web, group_by: [alertname], group_wait: 1s, group_interval: 2s, repeat_interval: 1h}\nreceivers: [{name: web}]\n',
    {},
  );
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.error));
  return loaded.value.route;
})();

function alert(fp: string, startsAt: number): Alert {
  return { fingerprint: fp, labels: { alertname: 'X', i: fp }, annotations: {}, startsAt, endsAt: startsAt + 3600 * S, generatorURL: '', updatedAt: startsAt, timeout: true };
}

/** A group created at T0 holding one alert that started when it arrived. */
function freshGroup(route: Route = ROUTE): AggregationGroup {
  const group = newGroup(route, { alertname: 'X' }, T0);
  insertAlert(group, alert('a', T0), route, T0);
  return group;
}

describe('newGroup', () => {
  it('is empty, not flushed, due group_wait after its creation, with its Alertmanager key', () => {
    expect(newGroup(ROUTE, { alertname: 'X' }, T0)).toEqual({
      id: '0|{alertname="X"}',
      routeId: '0',
      groupKey: '{}:{alertname="X"}',
      labels: { alertname: 'X' },
      createdAt: T0,
      nextFlushAt: T0 + 1 * S,
      hasFlushed: false,
      anchorAt: 0,
      members: new Set(),
    });
  });
});

describe('insertAlert', () => {
  it('reports a change for a new member and none for a known one', () => {
    const group = newGroup(ROUTE, { alertname: 'X' }, T0);
    expect(insertAlert(group, alert('a', T0), ROUTE, T0)).toBe(true);
    expect(insertAlert(group, alert('a', T0), ROUTE, T0 + 100)).toBe(false);
    expect([...group.members]).toEqual(['a']);
  });

  // When the first flush happens, for a group created at T0 with group_wait 1s.
  it.each([
    [0, 1 * S, 'a fresh alert waits group_wait from the group creation'],
    [-0.5 * S, 1 * S, 'started 500 ms ago: still waits from the creation, not 500 ms (README b: 2 s, not 1.5 s)'],
    [-1 * S, 1 * S, 'startsAt + group_wait exactly now: not yet past (Go: Before, strict)'],
    [-1 * S - 1, 0, 'startsAt + group_wait already past: flushed at once (~10 ms in the binary)'],
    [-3600 * S, 0, 'an alert firing for an hour is flushed at once'],
    [5 * S, 1 * S, 'a future startsAt waits group_wait like any other'],
  ])('an alert starting %i ms from the group creation is first flushed %i ms after it (%s)', (startsAt, due) => {
    const group = newGroup(ROUTE, { alertname: 'X' }, T0);
    insertAlert(group, alert('a', T0 + startsAt), ROUTE, T0);
    expect(group.nextFlushAt).toBe(T0 + due);
  });

  it('brings the first flush forward when an old alert joins a waiting group later', () => {
    const group = freshGroup();
    const changed = insertAlert(group, alert('b', T0 - 3600 * S), ROUTE, T0 + 0.4 * S);
    expect(changed).toBe(true);
    expect(group.nextFlushAt).toBe(T0 + 0.4 * S);
  });

  it('reports the timer change even for a known member (it must be saved)', () => {
    const group = newGroup(ROUTE, { alertname: 'X' }, T0);
    insertAlert(group, alert('a', T0), ROUTE, T0);
    // The same alert re-sent with an earlier startsAt (a merge kept the earliest).
    expect(insertAlert(group, alert('a', T0 - 3600 * S), ROUTE, T0 + 100)).toBe(true);
    expect(group.nextFlushAt).toBe(T0 + 100);
  });

  it('never moves the timer once the group has flushed: later alerts wait for the next tick', () => {
    const group = freshGroup();
    advanceTimer(group, ROUTE, T0 + 1 * S);
    const changed = insertAlert(group, alert('b', T0 - 3600 * S), ROUTE, T0 + 1.5 * S);
    expect(changed).toBe(true); // a new member, but...
    expect(group.nextFlushAt).toBe(T0 + 3 * S); // ...README b: pushed at 1.5 s, sent at 3.0 s
  });

  it('does not move a first flush that is already due', () => {
    const group = freshGroup();
    expect(insertAlert(group, alert('a', T0 - 3600 * S), ROUTE, T0 + 2 * S)).toBe(false);
    expect(group.nextFlushAt).toBe(T0 + 1 * S);
  });
});

describe('advanceTimer', () => {
  it('anchors the schedule at the first flush and reports that the record changed', () => {
    const group = freshGroup();
    expect(advanceTimer(group, ROUTE, T0 + 1 * S + 4)).toBe(true);
    expect(group).toMatchObject({ hasFlushed: true, anchorAt: T0 + 1 * S + 4, nextFlushAt: T0 + 3 * S + 4 });
  });

  it('keeps later ticks on the anchored schedule without a storage write, even when a tick runs late', () => {
    const group = freshGroup();
    advanceTimer(group, ROUTE, T0 + 1 * S);
    expect(advanceTimer(group, ROUTE, T0 + 3 * S + 30)).toBe(false);
    expect(group.nextFlushAt).toBe(T0 + 5 * S); // not 5.03 s: lateness does not accumulate
    expect(group.anchorAt).toBe(T0 + 1 * S);
  });

  it('skips the ticks it slept through instead of running them back to back', () => {
    const group = freshGroup();
    advanceTimer(group, ROUTE, T0 + 1 * S);
    advanceTimer(group, ROUTE, T0 + 8.5 * S);
    expect(group.nextFlushAt).toBe(T0 + 9 * S);
  });

  it('moves past a tick that runs exactly on time', () => {
    const group = freshGroup();
    advanceTimer(group, ROUTE, T0 + 1 * S);
    advanceTimer(group, ROUTE, T0 + 3 * S);
    expect(group.nextFlushAt).toBe(T0 + 5 * S);
  });
});

describe('nextTick', () => {
  it.each([
    [0, 100, 0, 100, 'at the anchor itself: one interval later'],
    [0, 100, 1, 100, 'just after the anchor'],
    [0, 100, 99, 100, 'just before a tick: that tick'],
    [0, 100, 100, 200, 'exactly on a tick: the one after (strictly after now)'],
    [0, 100, 350, 400, 'several ticks slept through are skipped'],
    [1000, 300, 1000 + 300 * 1000 + 1, 1000 + 300 * 1001, 'far from the anchor'],
    [1000, 100, 950, 1000, 'before the anchor: the anchor is the first tick after now'],
  ])('anchor %i, interval %i, now %i -> %i (%s)', (anchor, interval, now, want) => {
    expect(nextTick(anchor, interval, now)).toBe(want);
  });
});

describe('toRecord / fromRecord', () => {
  it('round-trips a waiting group through a storable record', () => {
    const group = freshGroup();
    const record = groupRecordSchema.parse(JSON.parse(JSON.stringify(toRecord(group))));
    expect(record.members).toEqual(['a']);
    expect(fromRecord(record, ROUTE, T0 + 500)).toEqual(group);
  });

  it('does not share the members set or labels with the stored record', () => {
    const group = freshGroup();
    const record = toRecord(group);
    group.members.add('b');
    expect(record.members).toEqual(['a']);
    expect(record.labels).not.toBe(group.labels);
  });

  it('keeps a pending first flush as stored, even if overdue (it runs at once)', () => {
    const record = toRecord(freshGroup());
    expect(fromRecord(record, ROUTE, T0 + 60 * S).nextFlushAt).toBe(T0 + 1 * S);
  });

  it.each([
    [1.5 * S, 3 * S, 'woken between ticks: the next tick of the schedule'],
    [20.5 * S, 21 * S, 'after a long sleep with no alarm: the next tick, without catching up the missed ones'],
    [3 * S, 3 * S, 'exactly on a tick: that tick'],
  ])('after a first flush at 1 s, reloaded due from %i ms makes the tick at %i ms next (%s)', (now, want) => {
    const group = freshGroup();
    advanceTimer(group, ROUTE, T0 + 1 * S);
    expect(fromRecord(toRecord(group), ROUTE, T0 + now).nextFlushAt).toBe(T0 + want);
  });

  // An evicted Durable Object is rebuilt when its alarm wakes it, a few ms
  // after the tick: that tick must still run (it once was silently skipped).
  it('still runs the tick an alarm woke a reloaded shard for, a few ms late', () => {
    const group = freshGroup();
    advanceTimer(group, ROUTE, T0 + 1 * S); // first flush; next tick at T0 + 3 s
    // Evicted; the alarm stored for the 3 s tick wakes it 5 ms late, so it is due from 3 s.
    const reloaded = fromRecord(toRecord(group), ROUTE, Math.min(T0 + 3 * S + 5, T0 + 3 * S));
    expect(reloaded.nextFlushAt).toBe(T0 + 3 * S);
  });
});
