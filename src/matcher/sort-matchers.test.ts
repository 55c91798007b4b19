import { describe, expect, it } from 'vitest';
import { compareGoStrings } from './go-compare.js';
import { formatMatchers } from './format-matcher.js';
import { sortMatchers } from './sort-matchers.js';
import type { Matcher } from './types.js';

const m = (name: string, type: Matcher['type'], value: string): Matcher => ({ name, type, value });

describe('sortMatchers', () => {
  it('orders by name, then value, then operator (= != =~ !~), as labels.Matchers.Less', () => {
    const sorted = sortMatchers([m('b', '=', '1'), m('a', '!~', 'x'), m('a', '=~', 'x'), m('a', '!=', 'x'), m('a', '=', 'x'), m('a', '=', 'w')]);
    expect(formatMatchers(sorted)).toBe('{a="w",a="x",a!="x",a=~"x",a!~"x",b="1"}');
  });

  it('compares values as Go does, by UTF-8 bytes (checked with amtool config routes show)', () => {
    const sorted = sortMatchers([m('a', '=', '\u{1F600}'), m('a', '=', '\ue000'), m('a', '=', 'z'), m('a', '=', 'é')]);
    expect(sorted.map((x) => x.value)).toEqual(['z', 'é', '\ue000', '\u{1F600}']);
  });

  it('returns a new array and leaves the input alone', () => {
    const input = [m('b', '=', ''), m('a', '=', '')];
    const sorted = sortMatchers(input);
    expect(sorted).not.toBe(input);
    expect(input.map((x) => x.name)).toEqual(['b', 'a']);
  });
});

describe('compareGoStrings', () => {
  it.each([
    ['a', 'b', -1, 'plain ASCII'],
    ['a', 'ab', -1, 'a prefix sorts first'],
    ['B', 'a', -1, 'uppercase before lowercase, by byte value'],
    ['\uffff', '\u{10000}', -1, 'BMP before astral, unlike UTF-16 order'],
    ['\u{10000}', '\u{10001}', -1, 'astral code points among themselves'],
    ['x', 'x', 0, 'equal strings'],
  ])('%j vs %j is %i (%s)', (a, b, sign) => {
    expect(Math.sign(compareGoStrings(a, b))).toBe(sign);
    expect(Math.sign(compareGoStrings(b, a)) + 0).toBe(-sign + 0);
  });
});
