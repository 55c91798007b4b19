import { describe, expect, it } from 'vitest';
import { increment, mergeCounters, seriesKey, type CounterValues } from './counters.js';
import { renderExposition } from './exposition.js';
import { observe } from './histogram.js';

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

describe('histograms', () => {
  const h = { name: 'lat_seconds', buckets: [0.1, 1] };

  it('counts an observation in every bucket it fits, +Inf, _sum and _count', () => {
    const values: CounterValues = {};
    observe(values, h, { integration: 'webhook' }, 0.5);
    observe(values, h, { integration: 'webhook' }, 3);
    expect(values).toEqual({
      'lat_seconds_bucket{integration="webhook",le="0.1"}': 0,
      'lat_seconds_bucket{integration="webhook",le="1"}': 1,
      'lat_seconds_bucket{integration="webhook",le="+Inf"}': 2,
      'lat_seconds_sum{integration="webhook"}': 3.5,
      'lat_seconds_count{integration="webhook"}': 2,
    });
  });

  it('renders buckets by ascending bound, then _sum and _count, per label set', () => {
    const values: CounterValues = {};
    observe(values, h, { integration: 'slack' }, 0.05);
    observe(values, h, {}, 2);
    const text = renderExposition([{ name: 'lat_seconds', type: 'histogram', help: 'L.' }], values);
    expect(text).toBe(
      [
        '# HELP lat_seconds L.',
        '# TYPE lat_seconds histogram',
        'lat_seconds_bucket{le="0.1"} 0',
        'lat_seconds_bucket{le="1"} 0',
        'lat_seconds_bucket{le="+Inf"} 1',
        'lat_seconds_sum 2',
        'lat_seconds_count 1',
        'lat_seconds_bucket{integration="slack",le="0.1"} 1',
        'lat_seconds_bucket{integration="slack",le="1"} 1',
        'lat_seconds_bucket{integration="slack",le="+Inf"} 1',
        'lat_seconds_sum{integration="slack"} 0.05',
        'lat_seconds_count{integration="slack"} 1',
        '',
      ].join('\n'),
    );
  });

  it('keeps the buckets of each histogram apart, even under one name', () => {
    const values: CounterValues = {};
    observe(values, h, { integration: 'webhook' }, 0.5);
    observe(values, { name: 'lat_seconds', buckets: [5] }, { integration: 'webhook' }, 0.5);
    expect(values['lat_seconds_bucket{integration="webhook",le="5"}']).toBe(1);
    expect(values['lat_seconds_bucket{integration="webhook",le="1"}']).toBe(1);
    expect(values['lat_seconds_count{integration="webhook"}']).toBe(2);
  });

  it('escapes label values in the keys it reuses', () => {
    const values: CounterValues = {};
    for (let i = 0; i < 2; i++) observe(values, h, { route: 'a"b\\c\nd' }, 0.05);
    expect(values['lat_seconds_count{route="a\\"b\\\\c\\nd"}']).toBe(2);
  });

  it('merges like counters', () => {
    const a: CounterValues = {};
    const b: CounterValues = {};
    observe(a, h, {}, 0.05);
    observe(b, h, {}, 0.5);
    const merged = mergeCounters(a, b);
    expect(merged['lat_seconds_count']).toBe(2);
    expect(merged['lat_seconds_bucket{le="1"}']).toBe(2);
    expect(merged['lat_seconds_bucket{le="0.1"}']).toBe(1);
  });
});
