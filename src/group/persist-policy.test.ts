import { describe, expect, it } from 'vitest';
import type { Alert } from '../alert/types.js';
import { ENDS_AT_REFRESH_MARGIN_MS, mustPersistAlert } from './persist-policy.js';

const M = 60_000;
const NOW = Date.UTC(2026, 0, 2, 12);

/** A Prometheus-style firing alert as stored: endsAt = now + 4m, explicit. */
const stored: Alert = {
  fingerprint: 'ae4f4d061fbfe4b8',
  labels: { alertname: 'DiskFull' },
  annotations: { summary: 'disk 91% full' },
  startsAt: NOW - 30 * M,
  endsAt: NOW + 4 * M,
  generatorURL: 'http://prom/graph',
  updatedAt: NOW - M,
  timeout: false,
};

describe('mustPersistAlert', () => {
  it('writes an alert never stored before', () => {
    expect(mustPersistAlert(undefined, stored, undefined, NOW)).toBe(true);
  });

  it('writes when the stored endsAt is unknown (nothing in storage for it)', () => {
    expect(mustPersistAlert(stored, stored, undefined, NOW)).toBe(true);
  });

  // `next` is the merged alert after a re-send at NOW; the stored copy's endsAt is NOW + 4m.
  it.each([
    [{ endsAt: NOW + 5 * M, updatedAt: NOW }, false, 'a Prometheus re-send one minute later: only endsAt moves, the stored one is still 4 min away'],
    [{ updatedAt: NOW }, false, 'an identical re-send (only updatedAt differs)'],
    [{ endsAt: NOW + 5 * M, annotations: { summary: 'disk 92% full' } }, true, 'an annotation changed: the stored content would be stale after a restart'],
    [{ annotations: { summary: 'disk 91% full', runbook: 'x' } }, true, 'an annotation added'],
    [{ annotations: {} }, true, 'annotations removed'],
    [{ startsAt: NOW - 60 * M }, true, 'startsAt changed (a new incident replaced the stored one, or a merge moved it)'],
    [{ generatorURL: 'http://prom2/graph' }, true, 'generatorURL changed'],
    [{ timeout: true }, true, 'switched to a timeout endsAt: a merge must know after a restart'],
    [{ endsAt: NOW + 3 * M }, true, 'an earlier endsAt: resolving is written at once'],
    [{ endsAt: NOW }, true, 'resolved now'],
  ] as [Partial<Alert>, boolean, string][])('re-send changing %j: write = %s (%s)', (change, want) => {
    expect(mustPersistAlert(stored, { ...stored, ...change }, stored.endsAt, NOW)).toBe(want);
  });

  describe('refreshing a later endsAt before the stored one lapses', () => {
    it.each([
      [NOW + 4 * M, NOW + 8 * M, false, 'stored endsAt 4 min away: survives until the next re-send'],
      [NOW + ENDS_AT_REFRESH_MARGIN_MS, NOW + 6 * M, false, 'exactly at the margin: not yet (strict)'],
      [NOW + ENDS_AT_REFRESH_MARGIN_MS - 1, NOW + 6 * M, true, 'within the 2 min margin: refreshed'],
      [NOW + 30_000, NOW + 4 * M, true, 'about to lapse: refreshed'],
      [NOW - M, NOW + 4 * M, true, 'already lapsed in storage (e.g. after a long outage): refreshed'],
      [NOW + 30_000, NOW + 30_000, false, 'close to lapsing, but the new endsAt is the same: nothing to refresh'],
    ])('stored endsAt %i, new endsAt %i: write = %s (%s)', (storedEndsAt, endsAt, want) => {
      expect(mustPersistAlert({ ...stored, endsAt: storedEndsAt }, { ...stored, endsAt }, storedEndsAt, NOW)).toBe(want);
    });
  });

  it('over 15 minutes of Prometheus re-sends, writes every third minute (when the stored endsAt is within 2 min), never letting storage lapse', () => {
    let storedEndsAt = NOW + 4 * M;
    let previous = stored;
    const writes: number[] = [];
    for (let minute = 1; minute <= 15; minute++) {
      const now = NOW + minute * M;
      const next = { ...stored, endsAt: now + 4 * M, updatedAt: now };
      if (mustPersistAlert(previous, next, storedEndsAt, now)) {
        writes.push(minute);
        storedEndsAt = next.endsAt;
      }
      previous = next;
      // The stored copy still covers the next re-send a minute from now.
      expect(storedEndsAt).toBeGreaterThan(now + M);
    }
    expect(writes).toEqual([3, 6, 9, 12, 15]);
  });

  it('writes nothing for the 15 minutes of resolved re-sends that repeat the same endsAt', () => {
    const resolved = { ...stored, endsAt: NOW - M };
    for (let minute = 0; minute < 15; minute++) {
      expect(mustPersistAlert(resolved, { ...resolved, updatedAt: NOW + minute * M }, resolved.endsAt, NOW + minute * M)).toBe(false);
    }
  });
});
