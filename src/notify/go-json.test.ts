import { describe, expect, it } from 'vitest';
import { goJson, sortedKeys } from './go-json.js';

describe('goJson', () => {
  it.each([
    ['<b>disk</b> & "full"', '"\\u003cb\\u003edisk\\u003c/b\\u003e \\u0026 \\"full\\""\n', 'HTML characters escaped as Go does (README golden annotation)'],
    ['é 日本語 🔥', '"é 日本語 🔥"\n', 'non-ASCII is written raw as UTF-8, not \\u-escaped'],
    ['ls\u2028ps\u2029', '"ls\\u2028ps\\u2029"\n', 'U+2028 and U+2029 escaped (JavaScript line terminators)'],
    ['n\nt\tr\r', '"n\\nt\\tr\\r"\n', 'line feed, tab and carriage return use short escapes'],
    ['c\u0001\u001f', '"c\\u0001\\u001f"\n', 'other control characters as lowercase \\u00xx'],
    ['del\u007f', '"del\u007f"\n', 'DEL is written raw (the binary did)'],
    ['back\\slash /', '"back\\\\slash /"\n', 'backslash doubled; slash not escaped'],
    [42, '42\n', 'numbers (truncatedAlerts)'],
    [[], '[]\n', 'an empty list'],
    [{}, '{}\n', 'an empty map (commonAnnotations with no annotations)'],
  ] as [unknown, string, string][])('encodes %j as %j (%s)', (value, want) => {
    expect(goJson(value)).toBe(want);
  });

  it('keeps the key order it is given (struct field order)', () => {
    expect(goJson({ receiver: 'r', status: 'firing', alerts: [] })).toBe('{"receiver":"r","status":"firing","alerts":[]}\n');
  });

  it('ends with exactly one newline, like json.Encoder.Encode', () => {
    expect(goJson({ a: 1 }).endsWith('}\n')).toBe(true);
    expect(goJson({ a: 1 }).endsWith('\n\n')).toBe(false);
  });

  // BUG (go-json.ts): Go 1.19's encoding/json (Alertmanager 0.25) has short
  // escapes only for \n, \r and \t and writes backspace and form feed as
  // \u0008 and \u000c; JSON.stringify writes \b and \f. The 0.25 binary sent
  // the annotation "b\bf\f" as "b\u0008f\u000c". (Go 1.22 switched to \b \f,
  // so this follows the pinned 0.25 binary.)
  it('writes backspace and form feed as \\u0008 and \\u000c like Go 1.19', () => {
    expect(goJson('b\bf\f')).toBe('"b\\u0008f\\u000c"\n');
  });
});

describe('sortedKeys', () => {
  it('orders keys as Go orders map keys, byte-wise', () => {
    expect(Object.keys(sortedKeys({ severity: 'x', Zeta: 'x', alertname: 'x', _x: 'x', a0: 'x', a: 'x' }))).toEqual(['Zeta', '_x', 'a', 'a0', 'alertname', 'severity']);
  });

  it('keeps the values and does not modify its input', () => {
    const input = { b: '2', a: '1' };
    expect(sortedKeys(input)).toEqual({ a: '1', b: '2' });
    expect(Object.keys(input)).toEqual(['b', 'a']);
  });

  it('gives the bytes Go gives for a label map', () => {
    expect(goJson(sortedKeys({ severity: 'critical', env: 'prod', alertname: 'DiskFull' }))).toBe('{"alertname":"DiskFull","env":"prod","severity":"critical"}\n');
  });
});
