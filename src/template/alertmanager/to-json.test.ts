import { describe, expect, it } from 'vitest';
import { float64 } from '../values.js';
import { GoDuration } from './go-duration.js';
import { GoTime } from './go-time.js';
import { KV, Pair, stringSlice } from './kv.js';
import { alert, dataOf, notification } from './testdata/render.js';
import { toJson } from './to-json.js';

// Go's json.Marshal of the same values.
describe('toJson', () => {
  it.each([
    ['a<b> & "c"', '"a\\u003cb\\u003e \\u0026 \\"c\\""', 'strings with Go escapes'],
    [42, '42', 'int'],
    [float64(2), '2', 'an integral float'],
    [1.5, '1.5', ''],
    [1e21, '1e+21', 'exponent from 1e21, as Go'],
    [1e-7, '1e-7', 'and below 1e-6'],
    [true, 'true', ''],
    [null, 'null', 'nil'],
    [stringSlice(['a', 'b']), '["a","b"]', '[]string'],
    [KV.of({ b: '2', B: '1' }), '{"B":"1","b":"2"}', 'maps sort keys bytewise'],
    [{ z: 1, a: [1, 2] }, '{"a":[1,2],"z":1}', 'plain maps too'],
    [new Pair('n', 'v'), '{"Name":"n","Value":"v"}', 'untagged structs use field names'],
    [new GoTime(Date.UTC(2023, 0, 2, 3, 4, 5, 670)), '"2023-01-02T03:04:05.67Z"', 'times as RFC 3339'],
    [new GoTime(Number.NEGATIVE_INFINITY), '"0001-01-01T00:00:00Z"', 'the zero time'],
    [new GoDuration(1500), '1500000000', 'durations in nanoseconds'],
  ])('%s -> %s (%s)', (value: unknown, want: string, _why: string) => {
    expect(toJson(value)).toBe(want);
  });

  it('writes Data and Alert with their json tags', () => {
    const data = dataOf(notification([alert({ alertname: 'A' }, { annotations: { s: 'x' } })], { alertname: 'A' }));
    expect(toJson(data)).toBe(
      '{"receiver":"r","status":"firing","alerts":[{"status":"firing","labels":{"alertname":"A"},"annotations":{"s":"x"},' +
        '"startsAt":"2023-01-02T03:04:05.67Z","endsAt":"0001-01-01T00:00:00Z","generatorURL":"","fingerprint":"0123456789abcdef"}],' +
        '"groupLabels":{"alertname":"A"},"commonLabels":{"alertname":"A"},"commonAnnotations":{"s":"x"},"externalURL":"http://am.example"}',
    );
  });

  it.each([
    [Number.NaN, 'json: unsupported value: NaN'],
    [-Infinity, 'json: unsupported value: -Inf'],
    [() => 1, 'json: unsupported type: func()'],
  ])('refuses %s: %s', (value, message) => {
    expect(() => toJson(value)).toThrow(message);
  });
});
