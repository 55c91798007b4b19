import { describe, expect, it } from 'vitest';
import { newMatcher } from './new-matcher.js';

describe('newMatcher', () => {
  it.each(['=', '!=', '=~', '!~'] as const)('builds a %s matcher', (type) => {
    expect(newMatcher(type, 'job', 'api')).toEqual({ ok: true, value: { name: 'job', type, value: 'api' } });
  });

  it('rejects an invalid regex for =~ with the Go-style message', () => {
    expect(newMatcher('=~', 'job', 'x(')).toEqual({
      ok: false,
      error: 'invalid regular expression "x(": missing closing ): `x(`',
    });
  });

  it('rejects an invalid regex for !~ too', () => {
    expect(newMatcher('!~', 'job', '[').ok).toBe(false);
  });

  it('does not treat the value of = as a regex', () => {
    expect(newMatcher('=', 'job', 'x(').ok).toBe(true);
  });
});
