import { describe, expect, it } from 'vitest';
import { templateData } from '../template/alertmanager/index.js';
import { formatConfigErrors, loadConfig } from './load.js';

const BASE = 'route: {receiver: a}\nreceivers: [{name: a}]';
const withGlobs = (...globs: string[]) => `${BASE}\ntemplates: [${globs.map((g) => JSON.stringify(g)).join(', ')}]`;
const file = (name: string, text: string) => ({ name, text });

function errorsOf(yaml: string, templates: { name: string; text: string }[]): string {
  const loaded = loadConfig(yaml, {}, { templates });
  return loaded.ok ? '' : formatConfigErrors(loaded.error);
}

const data = templateData({ receiver: 'a', groupKey: 'k', groupLabels: {}, alerts: [] }, { externalURL: 'http://am' });

describe('loadConfig with template files', () => {
  it('exposes the defaults and the files as one template set on the config', () => {
    const loaded = loadConfig(withGlobs('templates/*.tmpl'), {}, { templates: [file('templates/mine.tmpl', '{{ define "mine" }}{{ template "__alertmanager" . }}!{{ end }}')] });
    if (!loaded.ok) throw new Error(formatConfigErrors(loaded.error));
    expect(loaded.value.templates.executeString('{{ template "mine" . }}', data)).toEqual({ ok: true, value: 'Alertmanager!' });
  });

  it('loads the defaults alone without files, whatever the globs', () => {
    const loaded = loadConfig(withGlobs('/etc/alertmanager/*.tmpl'), {});
    expect(loaded.ok && loaded.value.templates.has('slack.default.title')).toBe(true);
  });

  it('parses files in glob order, each glob sorted, so later ones override', () => {
    const loaded = loadConfig(withGlobs('first/*.tmpl', 'second/*.tmpl'), {}, {
      templates: [
        file('second/a.tmpl', '{{ define "t" }}second{{ end }}'),
        file('first/b.tmpl', '{{ define "t" }}first-b{{ end }}'),
        file('first/a.tmpl', '{{ define "t" }}first-a{{ end }}'),
      ],
    });
    expect(loaded.ok && loaded.value.templates.execute('t', null)).toEqual({ ok: true, value: 'second' });
  });

  it.each([
    [
      'a parse error is reported at its glob with FILE:LINE:COL',
      withGlobs('a/*.tmpl', 'b/*.tmpl'),
      [file('a/ok.tmpl', 'fine'), file('b/bad.tmpl', '\n{{ nope }}')],
      'templates[1]: b/bad.tmpl:2:4: function "nope" not defined',
    ],
    [
      'every broken file is reported',
      withGlobs('t/*.tmpl'),
      [file('t/x.tmpl', '{{ end }}'), file('t/y.tmpl', '{{ if }}')],
      'templates[0]: t/x.tmpl:1:8: unexpected {{end}}\ntemplates[0]: t/y.tmpl:1:7: missing value for if',
    ],
    [
      'a file no glob matches means the bundle and the config disagree',
      withGlobs('t/*.tmpl'),
      [file('other/x.tmpl', 'x')],
      'templates: other/x.tmpl is not matched by any templates: glob',
    ],
    [
      'files without any templates: at all',
      BASE,
      [file('x.tmpl', 'x')],
      'templates: x.tmpl is not matched by any templates: glob',
    ],
  ])('%s', (_why, yaml, files, want) => {
    expect(errorsOf(yaml, files)).toBe(want);
  });

  it('lists template errors with the other config errors, in file order', () => {
    const yaml = `templates: ['t/*.tmpl']\nroute: {receiver: nope}\nreceivers: [{name: a}]`;
    expect(errorsOf(yaml, [file('t/x.tmpl', '{{ end }}')]).split('\n')).toEqual([
      'templates[0]: t/x.tmpl:1:8: unexpected {{end}}',
      'route.receiver: undefined receiver "nope" used in route',
    ]);
  });
});
