import { describe, expect, it } from 'vitest';
import { answerDetails } from './answer-details.js';

const answer = (message: string, errors: string[] = []) => JSON.stringify({ status: 'invalid event', message, errors });

describe('answerDetails', () => {
  it.each([
    [answer('Event object is invalid', ["'payload.severity' is invalid", "'payload.summary' is missing"]), "Event object is invalid: 'payload.severity' is invalid,'payload.summary' is missing", 'as Alertmanager quotes it'],
    [answer('Event object is invalid'), 'Event object is invalid: ', 'no errors list'],
    ['not json', undefined, 'nothing useful'],
    [JSON.stringify({ status: 'x' }), undefined, 'neither message nor errors'],
    [answer('key OWNKEY is unknown'), 'key <secret> is unknown: ', 'its own key, whatever its shape'],
    [answer('unknown key R0UT1NGs3cr3t5e2b0123456789abcd'), 'unknown key <redacted>: ', 'a key-shaped run'],
    [answer('see http://slack.test/services/T0/B0/x for details'), 'see <url> for details: ', 'a URL'],
    [answer('token xoxb-0000-1111-b0t-s3cr3t-4c1a'), 'token <redacted>: ', 'a token'],
    [answer('deduplication_key_is_invalid'), 'deduplication_key_is_invalid: ', 'long words without digits stay'],
  ])('%s -> %j (%s)', (body, want, _why) => {
    expect(answerDetails(body, ['OWNKEY'])).toBe(want);
  });

  it('is bounded', () => {
    expect(answerDetails(answer('x '.repeat(1000)), [])?.length).toBe(301);
  });
});
