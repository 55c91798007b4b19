/**
 * A receiver's rate limit (`rate_limit: 1/s`, edgealert extension): a token
 * bucket refilled at `count` per `perMs`, holding at most `count`, so a storm
 * of groups is spread out instead of getting a Slack app or a pager account
 * banned. Pure: the caller passes the clock.
 */
import { parseDuration } from '../config/duration.js';
import { err, ok, type Result } from '../util/result.js';

export interface RateLimit {
  readonly count: number;
  readonly perMs: number;
}

/** Parses `N/s`, `N/m`, `N/h` or `N/<duration>` (`10/1m`, `1/500ms`). */
export function parseRateLimit(text: string): Result<RateLimit> {
  const match = /^\s*(\d+)\s*\/\s*(\S+)\s*$/.exec(text);
  if (!match?.[1] || !match[2]) return err(`rate_limit must look like "1/s" or "10/1m", got "${text}"`);
  const count = Number(match[1]);
  const unit = match[2];
  const perMs = /^[smhd]$/.test(unit) ? parseDuration(`1${unit}`) : parseDuration(unit);
  if (!perMs.ok || perMs.value <= 0) return err(`rate_limit: bad period "${unit}"`);
  if (count < 1) return err('rate_limit: the count must be at least 1');
  return ok({ count, perMs: perMs.value });
}

export class TokenBucket {
  private tokens: number;
  private updatedAt: number;

  constructor(
    private readonly limit: RateLimit,
    now: number,
  ) {
    this.tokens = limit.count;
    this.updatedAt = now;
  }

  /** Takes a token if one is there (returns 0), else returns how long until one is. */
  take(now: number): number {
    const refill = ((now - this.updatedAt) * this.limit.count) / this.limit.perMs;
    this.tokens = Math.min(this.limit.count, this.tokens + Math.max(0, refill));
    this.updatedAt = now;
    if (this.tokens >= 1) {
      this.tokens -= 1;
      return 0;
    }
    // (The epsilon keeps floating-point dust from adding a millisecond.)
    return Math.ceil(((1 - this.tokens) * this.limit.perMs) / this.limit.count - 1e-9);
  }
}

/** The token buckets of every rate-limited receiver, created on first use. */
export class ReceiverRateLimits {
  private readonly buckets = new Map<string, TokenBucket>();

  /** 0 when a notification to this receiver may go now (taking a token), else how long to wait. */
  wait(receiver: { readonly name: string; readonly rateLimit?: RateLimit }, now: number): number {
    if (!receiver.rateLimit) return 0;
    let bucket = this.buckets.get(receiver.name);
    if (!bucket) this.buckets.set(receiver.name, (bucket = new TokenBucket(receiver.rateLimit, now)));
    return bucket.take(now);
  }
}
