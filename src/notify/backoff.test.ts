import { describe, expect, it } from 'vitest';
import { FIRST_RETRY_MS, MAX_RETRY_MS, retryDelay } from './backoff.js';

/** random = 0.5 is the middle of the jitter range: no jitter. */
const MID = 0.5;

describe('retryDelay', () => {
  it.each([
    [1, 500, 'the first retry comes about 500 ms after the failure, like Alertmanager'],
    [2, 1_000, 'doubled'],
    [3, 2_000, 'doubled again'],
    [7, 32_000, 'still growing'],
    [8, 60_000, '64 s is capped at one minute'],
    [30, 60_000, 'stays at the cap'],
    [5000, 60_000, 'a huge attempt count does not overflow to Infinity or NaN'],
  ])('waits %i attempts -> %i ms without jitter (%s)', (attempt, want) => {
    expect(retryDelay(attempt, MID)).toBe(want);
  });

  it.each([[0], [-1]])('treats attempt %i like the first', (attempt) => {
    expect(retryDelay(attempt, MID)).toBe(FIRST_RETRY_MS);
  });

  it.each([
    [1, 0, 400, 'random 0: 20% early'],
    [1, 0.999999, 600, 'random just under 1: 20% late'],
    [3, 0, 1_600, 'the range scales with the delay'],
    [3, 0.25, 1_800, 'linear in between'],
    [20, 0, 48_000, 'jitter also applies around the cap, so shards do not retry in lockstep'],
    [20, 0.999999, 72_000, 'so a capped delay can reach 72 s'],
  ])('attempt %i with random %f -> %i ms (%s)', (attempt, random, want) => {
    expect(retryDelay(attempt, random)).toBe(want);
  });

  it('keeps every jittered delay within +-20% of the base', () => {
    for (let attempt = 1; attempt <= 12; attempt++) {
      const base = Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** (attempt - 1));
      for (let r = 0; r < 1; r += 0.01) {
        const delay = retryDelay(attempt, r);
        expect(Number.isInteger(delay)).toBe(true);
        expect(delay).toBeGreaterThanOrEqual(base * 0.8);
        expect(delay).toBeLessThanOrEqual(base * 1.2);
      }
    }
  });

  it('never decreases from one attempt to the next for the same random value', () => {
    for (const r of [0, 0.3, 0.99]) {
      for (let attempt = 1; attempt < 15; attempt++) expect(retryDelay(attempt + 1, r)).toBeGreaterThanOrEqual(retryDelay(attempt, r));
    }
  });

  describe('Retry-After', () => {
    it.each([
      [1, 30_000, 30_000, 'a longer pause asked for by the receiver wins'],
      [20, 120_000, 120_000, 'even beyond the one-minute cap'],
      [3, 1_000, 2_000, 'a shorter Retry-After does not make us retry sooner than the backoff'],
      [1, 0, 500, 'Retry-After: 0 leaves the backoff'],
      [1, undefined, 500, 'no Retry-After'],
    ] as [number, number | undefined, number, string][])('attempt %i with Retry-After %s ms -> %i ms (%s)', (attempt, retryAfter, want) => {
      expect(retryDelay(attempt, MID, retryAfter)).toBe(want);
    });
  });
});
