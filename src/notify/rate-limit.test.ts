import { describe, expect, it } from 'vitest';
import { parseRateLimit, ReceiverRateLimits, TokenBucket } from './rate-limit.js';

describe('parseRateLimit', () => {
  it.each([
    ['per second', '1/s', { count: 1, perMs: 1000 }],
    ['per minute with a count', '30/m', { count: 30, perMs: 60_000 }],
    ['a Prometheus duration as the period', '10/1m30s', { count: 10, perMs: 90_000 }],
    ['milliseconds', '1/500ms', { count: 1, perMs: 500 }],
  ])('reads %s', (_why, text, expected) => {
    expect(parseRateLimit(text)).toEqual({ ok: true, value: expected });
  });

  it.each([['no slash', '5'], ['a zero count', '0/s'], ['a fraction', '1.5/s'], ['a bad period', '1/fortnight'], ['a zero period', '1/0s']])(
    'refuses %s',
    (_why, text) => {
      expect(parseRateLimit(text).ok).toBe(false);
    },
  );
});

describe('TokenBucket', () => {
  it('allows a burst of count, then one per period/count', () => {
    const bucket = new TokenBucket({ count: 2, perMs: 1000 }, 0);
    expect([bucket.take(0), bucket.take(0), bucket.take(0)]).toEqual([0, 0, 500]);
    expect(bucket.take(499)).toBe(1);
    expect(bucket.take(500)).toBe(0);
  });

  it('never holds more than count tokens after a quiet spell', () => {
    const bucket = new TokenBucket({ count: 1, perMs: 1000 }, 0);
    expect([bucket.take(60_000), bucket.take(60_000)]).toEqual([0, 1000]);
  });
});

describe('ReceiverRateLimits', () => {
  it('limits only receivers with a rate_limit, each on its own bucket', () => {
    const limits = new ReceiverRateLimits();
    const limited = { name: 'slack', rateLimit: { count: 1, perMs: 1000 } };
    expect([limits.wait(limited, 0), limits.wait(limited, 0)]).toEqual([0, 1000]);
    expect([limits.wait({ name: 'hook' }, 0), limits.wait({ name: 'hook' }, 0)]).toEqual([0, 0]);
    expect(limits.wait({ ...limited, name: 'other' }, 0)).toBe(0);
  });
});
