import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AggregationGroup } from './aggregation-group.js';
import { FirstDueGroup } from './first-due-group.js';

const group = (id: string, nextFlushAt: number): AggregationGroup => ({
  id,
  routeId: '0',
  groupKey: `{}:{g="${id}"}`,
  labels: { g: id },
  createdAt: 0,
  nextFlushAt,
  hasFlushed: false,
  anchorAt: 0,
  members: new Set(),
});

/** Every group's next flush, the slow way. */
function scan(groups: ReadonlyMap<string, AggregationGroup>): number | undefined {
  const times = [...groups.values()].map((g) => g.nextFlushAt);
  return times.length === 0 ? undefined : Math.min(...times);
}

describe('FirstDueGroup', () => {
  it('is undefined without groups, then the earliest of the groups', () => {
    const groups = new Map<string, AggregationGroup>();
    const first = new FirstDueGroup(groups);
    expect(first.firstDueAt()).toBeUndefined();
    for (const [id, at] of [['a', 300], ['b', 100], ['c', 200]] as const) {
      groups.set(id, group(id, at));
      first.inserted(groups.get(id)!);
    }
    expect(first.firstDueAt()).toBe(100);
  });

  it('follows a new group due sooner, a first flush brought forward, a flush moving on and a group dropped', () => {
    const groups = new Map([['a', group('a', 300)], ['b', group('b', 100)]]);
    const first = new FirstDueGroup(groups);
    expect(first.firstDueAt()).toBe(100);
    groups.set('c', group('c', 50));
    first.inserted(groups.get('c')!);
    expect(first.firstDueAt()).toBe(50);
    groups.get('a')!.nextFlushAt = 10; // an old alert arrived: a's first flush is now
    first.inserted(groups.get('a')!);
    expect(first.firstDueAt()).toBe(10);
    Object.assign(groups.get('a')!, { nextFlushAt: 1_000, hasFlushed: true }); // a flushed
    first.inserted(groups.get('a')!); // and then got an alert (its flush stays where it is)
    expect(first.firstDueAt()).toBe(50);
    groups.delete('c');
    expect(first.firstDueAt()).toBe(100);
  });

  it('answers as a scan of every group would, whatever the shard does in between', () => {
    const op = fc.oneof(
      fc.record({ kind: fc.constant('create' as const), id: fc.integer({ min: 0, max: 3 }), at: fc.integer({ min: 0, max: 1000 }) }),
      fc.record({ kind: fc.constant('insert' as const), id: fc.integer({ min: 0, max: 3 }), at: fc.integer({ min: 0, max: 1000 }) }),
      fc.record({ kind: fc.constant('flush' as const), id: fc.integer({ min: 0, max: 3 }), at: fc.integer({ min: 1, max: 1000 }) }),
      fc.record({ kind: fc.constant('drop' as const), id: fc.integer({ min: 0, max: 3 }), at: fc.constant(0) }),
      fc.record({ kind: fc.constant('ask' as const), id: fc.constant(0), at: fc.constant(0) }),
    );
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 1000 }), { maxLength: 3 }), fc.array(op, { maxLength: 40 }), (loaded, ops) => {
        // Groups loaded from storage are there before anything is reported.
        const groups = new Map(loaded.map((at, i) => [`loaded${i}`, group(`loaded${i}`, at)]));
        const first = new FirstDueGroup(groups);
        for (const { kind, id, at } of ops) {
          const key = String(id);
          const existing = groups.get(key);
          if (kind === 'create' && !existing) {
            groups.set(key, group(key, at));
            first.inserted(groups.get(key)!);
          } else if (kind === 'insert' && existing) {
            // insertAlert: only a group not flushed yet has its first flush brought forward, never back.
            if (!existing.hasFlushed) existing.nextFlushAt = Math.min(existing.nextFlushAt, at);
            first.inserted(existing);
          } else if (kind === 'flush' && existing) {
            // advanceTimer: the next tick comes after the one that ran.
            Object.assign(existing, { nextFlushAt: existing.nextFlushAt + at, hasFlushed: true });
          } else if (kind === 'drop') {
            groups.delete(key);
          } else if (kind === 'ask') {
            expect(first.firstDueAt()).toBe(scan(groups));
          }
        }
        expect(first.firstDueAt()).toBe(scan(groups));
      }),
      { seed: 20_261_125, numRuns: 5000 },
    );
  });
});
