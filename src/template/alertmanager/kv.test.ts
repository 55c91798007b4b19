import { describe, expect, it } from 'vitest';
import { KV, Pairs } from './kv.js';
import { render } from './testdata/render.js';

describe('KV.SortedPairs', () => {
  it.each([
    [{ b: '2', a: '1' }, ['a', 'b'], 'names in order'],
    [{ zeta: '1', alertname: 'X', beta: '2' }, ['alertname', 'beta', 'zeta'], 'alertname first, whatever its place in the order'],
    [{ B: '1', a: '2', _: '3' }, ['B', '_', 'a'], "Go's byte order: upper case before _ before lower case"],
    [{ a0: '1', a: '2' }, ['a', 'a0'], 'a prefix sorts first'],
    [{}, [], 'an empty set has no pairs'],
  ])('%j -> %j (%s)', (labels: Record<string, string>, names: string[], _why: string) => {
    expect(KV.of(labels).SortedPairs().map((p) => p.Name)).toEqual(names);
  });

  it('pairs carry the values', () => {
    expect(KV.of({ b: '2', a: '1' }).SortedPairs().map((p) => [p.Name, p.Value])).toEqual([['a', '1'], ['b', '2']]);
  });
});

describe('KV methods', () => {
  const kv = KV.of({ severity: 'critical', alertname: 'DiskFull', instance: 'h1' });

  it('Names and Values follow SortedPairs', () => {
    expect([kv.Names(), kv.Values()]).toEqual([['alertname', 'instance', 'severity'], ['DiskFull', 'h1', 'critical']]);
  });

  it('Remove returns a copy without the keys and leaves the original alone', () => {
    expect([...kv.Remove(['instance', 'nope']).keys()].sort()).toEqual(['alertname', 'severity']);
    expect(kv.size).toBe(3);
  });

  it('Remove refuses what is not a []string', () => {
    expect(() => kv.Remove('instance' as unknown as string[])).toThrow('wrong type for value; expected []string; got string');
  });

  it('Pairs.Names and Pairs.Values', () => {
    const pairs: Pairs = kv.SortedPairs();
    expect([pairs.Names(), pairs.Values()]).toEqual([kv.Names(), kv.Values()]);
  });
});

describe('KV in templates', () => {
  const data = { Labels: KV.of({ severity: 'critical', alertname: 'DiskFull', instance: 'h1' }) };

  it.each([
    ['{{ range .Labels.SortedPairs }}{{ .Name }}={{ .Value }} {{ end }}', 'alertname=DiskFull instance=h1 severity=critical ', 'SortedPairs with alertname first'],
    ['{{ range $k, $v := .Labels }}{{ $k }} {{ end }}', 'alertname instance severity ', 'ranging over the map visits keys in byte order'],
    ['{{ .Labels.Names }} {{ .Labels.Values | join "," }}', '[alertname instance severity] DiskFull,h1,critical', 'Names and Values are []string'],
    ['{{ .Labels.Remove (stringSlice "instance") }}', 'map[alertname:DiskFull severity:critical]', 'Remove, printed as a Go map'],
    ['[{{ .Labels.nope }}][{{ index .Labels "nope" }}]', '[][]', 'a missing key is "" (missingkey=zero)'],
    ['{{ len .Labels }} {{ printf "%T %T %T" .Labels .Labels.SortedPairs (index .Labels.SortedPairs 0) }}', '3 template.KV template.Pairs template.Pair', "Go's type names"],
  ])('%s -> %j (%s)', (text, want) => {
    expect(render(text, data)).toBe(want);
  });
});
