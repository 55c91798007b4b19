import { it, expect } from 'vitest';
import { parseTemplates } from './index.js';
it('smoke', () => {
  const set = parseTemplates([{ name: 'a', text: '{{ define "x" }}hi {{ . }}{{ end }}' }]);
  if (!set.ok) throw new Error(set.error.message);
  const cases = [
    '{{ template "x" "bob" }}',
    '{{ printf "%05.2f|%v|%d|%q" 3.14159 1e6 42 "a\\"b" }}',
    '{{ range $i, $v := . }}{{ $i }}={{ $v }};{{ end }}',
    '{{ .nope }}',
    '{{ eq 1 1.0 }}',
    '{{ if }}',
    '{{ 1 | printf "%d %d" 2 }}',
  ];
  for (const c of cases) console.log(JSON.stringify(c), JSON.stringify(set.value.executeString(c, { b: 2, a: 1 })));
});
