import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { matcherSchema, matchersLineSchema } from './matcher-schema.js';

describe('matcherSchema', () => {
  it('transforms a matcher string into a Matcher', () => {
    expect(matcherSchema.parse('severity=~"crit|warn"')).toEqual({ name: 'severity', type: '=~', value: 'crit|warn' });
  });

  it('fails with the parse error as the issue message', () => {
    const r = matcherSchema.safeParse('a=~"("');
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toContain('invalid regular expression "(": missing closing )');
  });

  it('fails on non-strings', () => {
    expect(matcherSchema.safeParse(42).success).toBe(false);
  });

  it('reports the path when nested in an object', () => {
    const r = z.object({ filter: z.array(matcherSchema) }).safeParse({ filter: ['a=1', 'bad name=1'] });
    expect(r.error?.issues[0]?.path).toEqual(['filter', 1]);
  });
});

describe('matchersLineSchema', () => {
  it('reads a config matchers: line holding several matchers', () => {
    expect(matchersLineSchema.parse('{a="1", b=~"x|y"}')).toEqual([
      { name: 'a', type: '=', value: '1' },
      { name: 'b', type: '=~', value: 'x|y' },
    ]);
  });
});
