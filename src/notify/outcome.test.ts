import { describe, expect, it } from 'vitest';
import { outcomeOfNetworkError, outcomeOfStatus, type FailureReason } from './outcome.js';

describe('outcomeOfStatus', () => {
  it.each([[200], [201], [202], [204], [299]])('treats %i as delivered', (status) => {
    expect(outcomeOfStatus(status, 'webhook')).toEqual({ ok: true });
  });

  it.each([
    [500, true, 'serverError', 'a 5xx may be temporary: retried (the binary retried 500, 500, then got 200)'],
    [502, true, 'serverError', 'a bad gateway in front of the receiver'],
    [503, true, 'serverError', 'unavailable'],
    [599, true, 'serverError', 'the top of the 5xx range'],
    [429, true, 'rateLimited', 'rate limited: retried after a pause (Alertmanager gives up on the webhook; REFERENCE lists honouring 429 as a user request, #2111)'],
    [400, false, 'clientError', 'the receiver refuses this body: sending it again cannot help'],
    [401, false, 'clientError', 'bad credentials will stay bad'],
    [403, false, 'clientError', 'forbidden'],
    [404, false, 'clientError', 'wrong URL'],
    [413, false, 'clientError', 'body too large will stay too large'],
    [302, false, 'other', 'a redirect that was not followed: not retried, as the binary does'],
    [304, false, 'other', 'another 3xx'],
  ] as [number, boolean, FailureReason, string][])('classifies %i as retry=%s, %s (%s)', (status, retry, reason) => {
    expect(outcomeOfStatus(status, 'webhook')).toMatchObject({ ok: false, retry, reason });
  });

  it('says what failed and the status in its message, and nothing else', () => {
    expect(outcomeOfStatus(503, 'webhook')).toMatchObject({ message: 'webhook: unexpected status code 503' });
  });

  describe('Retry-After on 429', () => {
    it.each([
      ['120', 120_000, 'delay-seconds'],
      ['0', 0, 'zero: retry at once'],
      [' 7 ', 7_000, 'surrounding whitespace is ignored'],
    ])('reads %j as %i ms (%s)', (header, ms) => {
      expect(outcomeOfStatus(429, 'slack', header)).toMatchObject({ retry: true, reason: 'rateLimited', retryAfterMs: ms });
    });

    it.each([
      ['Wed, 21 Oct 2026 07:28:00 GMT', 'an HTTP-date is not used by our receivers and is ignored'],
      ['-5', 'a negative number'],
      ['1.5', 'a fraction'],
      ['soon', 'not a number'],
      ['', 'empty'],
      [null, 'no header'],
      [undefined, 'not passed at all'],
    ] as [string | null | undefined, string][])('ignores %j (%s), leaving the normal backoff', (header) => {
      const outcome = outcomeOfStatus(429, 'slack', header);
      expect(outcome).toMatchObject({ ok: false, retry: true, reason: 'rateLimited' });
      expect(outcome).not.toHaveProperty('retryAfterMs');
    });

    it.each([[503], [500], [400]])('ignores Retry-After on %i', (status) => {
      expect(outcomeOfStatus(status, 'slack', '30')).not.toHaveProperty('retryAfterMs');
    });
  });
});

describe("a receiver's own status rules (Alertmanager's Retrier.RetryCodes)", () => {
  it('treats listed statuses as rate limits: retried, honouring Retry-After', () => {
    expect(outcomeOfStatus(403, 'pagerduty v1', '4', { rateLimited: [403] })).toMatchObject({ ok: false, retry: true, reason: 'rateLimited', retryAfterMs: 4000 });
    expect(outcomeOfStatus(403, 'pagerduty v2')).toMatchObject({ ok: false, retry: false, reason: 'clientError' });
  });

  it("appends the receiver's explanation to the message", () => {
    expect(outcomeOfStatus(400, 'pagerduty v2', null, { details: 'Event object is invalid: x' })).toMatchObject({
      message: 'pagerduty v2: unexpected status code 400: Event object is invalid: x',
    });
  });
});

describe('outcomeOfNetworkError', () => {
  it('retries a request that never got an answer, without leaking the URL', () => {
    const outcome = outcomeOfNetworkError('webhook');
    expect(outcome).toEqual({ ok: false, retry: true, reason: 'networkError', message: 'webhook: request failed before a response arrived' });
  });
});
