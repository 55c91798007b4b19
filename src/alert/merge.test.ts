import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergeAlerts, mergeIncoming } from './merge.js';
import type { Alert } from './types.js';

const M = 60_000;
const NOW = Date.UTC(2026, 0, 2, 12, 0, 0);

/** An alert with the same labels each time (so the same fingerprint); times relative to NOW in minutes. */
function alert(fields: { starts: number; ends: number; updated: number; timeout?: boolean; note?: string }): Alert {
  return {
    fingerprint: 'ae4f4d061fbfe4b8',
    labels: { alertname: 'DiskFull' },
    annotations: { note: fields.note ?? '' },
    startsAt: NOW + fields.starts * M,
    endsAt: NOW + fields.ends * M,
    generatorURL: fields.note ? `http://prom/${fields.note}` : '',
    updatedAt: NOW + fields.updated * M,
    timeout: fields.timeout ?? false,
  };
}

describe('mergeIncoming (provider/mem Put: merge only when the active ranges overlap)', () => {
  it('stores the incoming alert as it is when nothing is stored yet', () => {
    const incoming = alert({ starts: -5, ends: 4, updated: 0 });
    expect(mergeIncoming(undefined, incoming, NOW)).toBe(incoming);
  });

  // stored: active from -10 to +4 (minutes relative to now).
  const stored = alert({ starts: -10, ends: 4, updated: -1, note: 'old' });

  it.each([
    [-10, 2, true, 'endsAt inside the stored range (a resolve or a shorter timeout): merged'],
    [-5, 10, true, 'startsAt inside the stored range: merged'],
    [-12, 2, true, 'starts before, ends inside: merged by the endsAt clause'],
    [-10, 8, false, 'same startsAt, later endsAt (a Prometheus re-send): replaced, the clauses are strict'],
    [-10, 4, false, 'an identical range: replaced'],
    [-12, 8, false, 'a range covering the stored one entirely: neither bound is inside, replaced'],
    [-20, -10, false, 'ends exactly when the stored one starts: not after it, replaced'],
    [-30, -15, false, 'a late copy entirely before the stored range: replaced (Alertmanager does the same)'],
    [4, 9, false, 'starts exactly when the stored one ends: a new incident, replaced'],
    [6, 9, false, 'starts after the stored one ended: a new incident, replaced'],
  ])('incoming %i..%i min: merged = %s (%s)', (starts, ends, merged) => {
    const incoming = alert({ starts, ends, updated: 0, note: 'new' });
    const result = mergeIncoming(stored, incoming, NOW);
    if (merged) {
      // Merging keeps the earliest start; replacing keeps the incoming one's.
      expect(result.startsAt).toBe(Math.min(stored.startsAt, incoming.startsAt));
      expect(result).not.toBe(incoming);
    } else {
      expect(result).toBe(incoming);
    }
    expect(result.annotations).toEqual({ note: 'new' });
  });
});

describe('mergeAlerts (types.Alert.Merge)', () => {
  it('takes the younger (later updatedAt) alert, whichever argument it is', () => {
    const older = alert({ starts: -10, ends: 4, updated: -1, note: 'old' });
    const younger = alert({ starts: -10, ends: 4, updated: 0, note: 'new' });
    for (const merged of [mergeAlerts(older, younger, NOW), mergeAlerts(younger, older, NOW)]) {
      expect(merged.annotations).toEqual({ note: 'new' });
      expect(merged.generatorURL).toBe('http://prom/new');
      expect(merged.updatedAt).toBe(younger.updatedAt);
    }
  });

  it('takes the second argument as the younger when both were updated at the same instant (Go: !o.Before(a))', () => {
    const a = alert({ starts: -10, ends: 4, updated: 0, note: 'a' });
    const b = alert({ starts: -10, ends: 4, updated: 0, note: 'b' });
    expect(mergeAlerts(a, b, NOW).annotations).toEqual({ note: 'b' });
    expect(mergeAlerts(b, a, NOW).annotations).toEqual({ note: 'a' });
  });

  it.each([
    [-20, -10, -20, 'the older one started first: its startsAt is kept, the incident began then'],
    [-10, -20, -20, 'the younger one started first: its own startsAt'],
  ])('keeps the earliest startsAt (older %i, younger %i -> %i)', (olderStarts, youngerStarts, want) => {
    const older = alert({ starts: olderStarts, ends: 4, updated: -1 });
    const younger = alert({ starts: youngerStarts, ends: 4, updated: 0 });
    expect(mergeAlerts(older, younger, NOW).startsAt).toBe(NOW + want * M);
  });

  // endsAt: each row is one branch of Merge. "resolved" means endsAt <= now.
  it.each([
    // younger resolved
    [{ ends: -1 }, { ends: -3 }, -1, 'both resolved, the older later: the latest explicit resolve time wins'],
    [{ ends: -3 }, { ends: -1 }, -1, 'both resolved, the younger later: the younger one'],
    [{ ends: 0 }, { ends: -3 }, 0, 'resolved exactly now counts as resolved (endsAt <= now)'],
    [{ ends: 10 }, { ends: -3 }, -3, 'the older still firing: the younger resolve wins, the alert resolves'],
    [{ ends: 10, timeout: true }, { ends: -3 }, -3, 'even against a later timeout endsAt'],
    // younger firing
    [{ ends: 60 }, { ends: 5, timeout: true }, 60, 'an explicit later endsAt beats a younger timeout one'],
    [{ ends: 60 }, { ends: 5 }, 60, 'an explicit later endsAt beats a younger explicit earlier one'],
    [{ ends: 60, timeout: true }, { ends: 5 }, 5, 'a later timeout endsAt never extends the alert'],
    [{ ends: 60, timeout: true }, { ends: 5, timeout: true }, 5, 'timeout against timeout: the younger one'],
    [{ ends: 2 }, { ends: 5 }, 5, 'the older endsAt is earlier: the younger one'],
    [{ ends: -3 }, { ends: 5 }, 5, 'the older one was resolved, the younger fires again: firing'],
    [{ ends: 5 }, { ends: 5 }, 5, 'equal endsAt: nothing to choose'],
  ] as [{ ends: number; timeout?: boolean }, { ends: number; timeout?: boolean }, number, string][])(
    'older %j, younger %j -> endsAt %i min (%s)',
    (older, younger, want) => {
      const merged = mergeAlerts(
        alert({ starts: -10, updated: -1, ...older }),
        alert({ starts: -10, updated: 0, ...younger }),
        NOW,
      );
      expect(merged.endsAt).toBe(NOW + want * M);
    },
  );

  it("keeps the younger alert's timeout flag even when the older explicit endsAt is taken (as Go copies *o)", () => {
    const merged = mergeAlerts(alert({ starts: -10, ends: 60, updated: -1 }), alert({ starts: -10, ends: 5, updated: 0, timeout: true }), NOW);
    expect(merged.endsAt).toBe(NOW + 60 * M);
    expect(merged.timeout).toBe(true);
  });

  it('does not modify its inputs', () => {
    const older = alert({ starts: -20, ends: 60, updated: -1 });
    const younger = alert({ starts: -10, ends: 5, updated: 0, timeout: true });
    const before = [structuredClone(older), structuredClone(younger)];
    mergeAlerts(older, younger, NOW);
    expect([older, younger]).toEqual(before);
  });
});

describe('stale re-opening (edgealert rule)', () => {
  const NOW = 1_000_000;
  const base = {
    fingerprint: 'f',
    labels: { alertname: 'A' },
    annotations: {},
    generatorURL: '',
  };
  const resolved = { ...base, startsAt: 100, endsAt: NOW - 10, updatedAt: NOW - 10, timeout: false };

  it.each([
    ['a timeout alert of the same episode is a stale retry: the resolution stands', { startsAt: 100 }, 'stored'],
    ['a timeout alert of an earlier episode is stale too', { startsAt: 50 }, 'stored'],
    ['a timeout alert that started after the resolution is a new episode', { startsAt: NOW - 5 }, 'incoming'],
  ])('%s', (_why, over, expected) => {
    const incoming = { ...base, endsAt: NOW + 300_000, updatedAt: NOW, timeout: true, ...over };
    const merged = mergeIncoming(resolved, incoming, NOW);
    expect(merged).toBe(expected === 'stored' ? resolved : incoming);
  });

  it('does not apply to alerts sent with an end (Prometheus): they re-open as in Alertmanager', () => {
    const incoming = { ...base, startsAt: 100, endsAt: NOW + 240_000, updatedAt: NOW, timeout: false };
    expect(mergeIncoming(resolved, incoming, NOW).endsAt).toBe(NOW + 240_000);
  });
});

/** mergeIncoming as it was before it made one object per merge: merge, then carry the stored trace on in a copy. */
function referenceMergeIncoming(stored: Alert | undefined, incoming: Alert, now: number): Alert {
  if (!stored) return incoming;
  if (incoming.timeout && !stored.timeout && stored.endsAt <= now && incoming.startsAt <= stored.startsAt) return stored;
  const overlaps =
    (incoming.endsAt > stored.startsAt && incoming.endsAt < stored.endsAt) ||
    (incoming.startsAt > stored.startsAt && incoming.startsAt < stored.endsAt);
  let next = incoming;
  if (overlaps) {
    const [older, younger] = incoming.updatedAt < stored.updatedAt ? [incoming, stored] : [stored, incoming];
    let endsAt = younger.endsAt;
    if (younger.endsAt <= now) {
      if (older.endsAt <= now && older.endsAt > younger.endsAt) endsAt = older.endsAt;
    } else if (older.endsAt > younger.endsAt && !older.timeout) {
      endsAt = older.endsAt;
    }
    next = { ...younger, startsAt: Math.min(older.startsAt, younger.startsAt), endsAt };
  }
  if (stored.traceId === undefined || stored.endsAt <= now || next.traceId === stored.traceId) return next;
  return { ...next, traceId: stored.traceId };
}

describe('mergeIncoming, one object per merge', () => {
  it('gives what merging and then carrying the trace on gave, on generated pairs', () => {
    const minutes = fc.integer({ min: -20, max: 20 });
    const generated = fc.record({
      starts: minutes,
      ends: minutes,
      updated: fc.integer({ min: -3, max: 1 }),
      timeout: fc.boolean(),
      note: fc.constantFrom('a', 'b'),
      traceId: fc.constantFrom(undefined, 'trace-1', 'trace-2'),
    });
    const withTrace = ({ traceId, ...fields }: { traceId: string | undefined; starts: number; ends: number; updated: number; timeout: boolean; note: string }) =>
      traceId === undefined ? alert(fields) : { ...alert(fields), traceId };
    fc.assert(
      fc.property(fc.option(generated, { nil: undefined }), generated, (stored, incoming) => {
        const [s, i] = [stored && withTrace(stored), withTrace(incoming)];
        expect(mergeIncoming(s, i, NOW)).toStrictEqual(referenceMergeIncoming(s, i, NOW));
      }),
      { seed: 20_261_125, numRuns: 3000 },
    );
  });
});
