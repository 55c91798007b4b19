import { describe, expect, it } from 'vitest';
import { FailureLimiter } from './failure-limiter.js';

describe('FailureLimiter', () => {
  it('lets a client fail 10 times in a minute, then refuses it until the oldest failure is a minute old', () => {
    const limiter = new FailureLimiter();
    for (let t = 0; t < 10; t++) {
      expect(limiter.retryAfter('ip', t * 1000)).toBe(0);
      limiter.fail('ip', t * 1000);
    }
    expect(limiter.retryAfter('ip', 10_000)).toBe(50);
    expect(limiter.retryAfter('ip', 59_999)).toBe(1);
    expect(limiter.retryAfter('ip', 60_000)).toBe(0);
    expect(limiter.retryAfter('other', 10_000)).toBe(0);
  });

  it('forgets the oldest client beyond maxClients', () => {
    const limiter = new FailureLimiter({ maxFailures: 1, maxClients: 2 });
    for (const ip of ['a', 'b', 'c']) limiter.fail(ip, 0);
    expect(['a', 'b', 'c'].map((ip) => limiter.retryAfter(ip, 0) > 0)).toEqual([false, true, true]);
  });
});
