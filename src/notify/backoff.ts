/**
 * How long to wait before the next delivery attempt: exponential from 500 ms
 * (Alertmanager's first retry comes about 500 ms after the failure), doubled
 * each time, with +-20% jitter so that shards do not retry in lockstep,
 * capped at one minute, and never sooner than a receiver's Retry-After.
 */

export const FIRST_RETRY_MS = 500;
export const MAX_RETRY_MS = 60_000;

/**
 * The delay after failed attempt number `attempt` (1-based). `random` is a
 * number in [0, 1) supplied by the caller so the function stays pure.
 */
export function retryDelay(attempt: number, random: number, retryAfterMs?: number): number {
  const base = Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** Math.max(0, attempt - 1));
  const jittered = Math.round(base * (0.8 + 0.4 * random));
  return Math.max(jittered, retryAfterMs ?? 0);
}
