import { describe, expect, it } from 'vitest';
import { increment, mergeCounters, seriesKey, type CounterValues } from './counters.js';
import { renderExposition } from './exposition.js';

describe('metrics exposition', () => {
  it('prints HELP and TYPE for every family, then its series sorted', () => {
    const values: CounterValues = {};
    increment(values, 'b_total', { reason: 'z' });
    increment(values, 'b_total', { reason: 'a' }, 2);
    const text = renderExposition(
      [
        { name: 'a', type: 'gauge', help: 'A gauge.' },
        { name: 'b_total', type: 'counter', help: 'B.' },
      ],
      values,
    );
    expect(text).toBe('# HELP a A gauge.\n# TYPE a gauge\n# HELP b_total B.\n# TYPE b_total counter\nb_total{reason="a"} 2\nb_total{reason="z"} 1\n');
  });

  it('does not mix families that share a prefix', () => {
    const text = renderExposition([{ name: 'x', type: 'counter', help: 'X.' }], { x: 1, x_total: 5 });
    expect(text).not.toContain('x_total');
  });

  it.each([
    ['sorts labels', { b: '1', a: '2' }, 'm{a="2",b="1"}'],
    ['escapes quotes, backslashes and newlines in values', { v: 'a"b\\c\nd' }, 'm{v="a\\"b\\\\c\\nd"}'],
    ['prints a bare name without labels', {}, 'm'],
  ])('%s', (_why, labels, expected) => {
    expect(seriesKey('m', labels)).toBe(expected);
  });

  it('sums counters from several isolates and shards', () => {
    expect(mergeCounters({ a: 1, b: 2 }, { a: 3 }, {})).toEqual({ a: 4, b: 2 });
  });
});
