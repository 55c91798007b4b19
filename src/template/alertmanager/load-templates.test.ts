import { describe, expect, it } from 'vitest';
import { loadTemplates } from './load-templates.js';

function errorsOf(...files: { name: string; text: string }[]) {
  const loaded = loadTemplates(files);
  return loaded.ok ? [] : loaded.error.map((e) => e.message);
}

describe('loadTemplates', () => {
  it('names each file template after its base name, as ParseGlob does', () => {
    const loaded = loadTemplates([{ name: 'templates/team/slack.tmpl', text: 'top {{ define "t" }}T{{ end }}' }]);
    if (!loaded.ok) throw new Error('parse');
    expect([loaded.value.has('slack.tmpl'), loaded.value.execute('slack.tmpl', null)]).toEqual([true, { ok: true, value: 'top ' }]);
  });

  it('lets a later file replace an earlier definition', () => {
    const loaded = loadTemplates([
      { name: 'a.tmpl', text: '{{ define "t" }}first{{ end }}' },
      { name: 'b.tmpl', text: '{{ define "t" }}second{{ end }}' },
    ]);
    expect(loaded.ok && loaded.value.execute('t', null)).toEqual({ ok: true, value: 'second' });
  });

  it.each([
    ['{{ nope }}', 'custom.tmpl:1:4: function "nope" not defined', 'an unknown function, column of the identifier (1-based)'],
    ['ok\n  {{ if }}', 'custom.tmpl:2:9: missing value for if', 'line and column (where the parser noticed) on a later line'],
    ['é✓ {{ .X ', 'custom.tmpl:1:10: unclosed action', 'columns count characters, not UTF-8 bytes (the end of the text)'],
    ['{{ define "a" }}x{{ end }}{{ define "a" }}y{{ end }}', 'custom.tmpl:1:51: template: multiple definition of template "a"', 'a name defined twice in one file'],
    ['{{ template "x" }', 'custom.tmpl:1:17: unexpected "}" in template clause', ''],
  ])('reports %j as %j (%s)', (text, message) => {
    expect(errorsOf({ name: 'custom.tmpl', text })).toEqual([message]);
  });

  it('reports the first error of every broken file, not just the first file', () => {
    expect(errorsOf({ name: 'a.tmpl', text: '{{ end }}' }, { name: 'b.tmpl', text: 'fine' }, { name: 'c.tmpl', text: 'x\n{{ if }}' })).toEqual([
      'a.tmpl:1:8: unexpected {{end}}',
      'c.tmpl:2:7: missing value for if',
    ]);
  });

  it('gives each error its file, position and reason', () => {
    const loaded = loadTemplates([{ name: 'dir/x.tmpl', text: '\n{{ nope }}' }]);
    expect(loaded.ok ? undefined : loaded.error[0]).toEqual({
      file: 'dir/x.tmpl',
      line: 2,
      column: 4,
      reason: 'function "nope" not defined',
      message: 'dir/x.tmpl:2:4: function "nope" not defined',
    });
  });
});
