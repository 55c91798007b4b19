import { describe, expect, it } from 'vitest';
import { parseTemplates } from './index.js';
import { alertmanagerFuncs, referenceData } from './testdata/alertmanager-data.js';
import { render } from './testdata/render.js';

// Expected messages are Alertmanager 0.25's (Go 1.19.8) for the same text
// and data: `template: NAME:LINE:COL: executing "TEMPLATE" at <NODE>: ...`,
// with COL counted in bytes from 0, and the node Go was evaluating.

describe('execution errors name the position and node, as Go does', () => {
  it.each([
    ['{{ .Nope }}', 'template: :1:3: executing "" at <.Nope>: can\'t evaluate field Nope in type *template.Data', 'unknown struct field'],
    ['a\nb {{ .Nope }}', 'template: :2:5: executing "" at <.Nope>: can\'t evaluate field Nope in type *template.Data', 'line and column on a later line'],
    ['é{{ .Nope }}', 'template: :1:5: executing "" at <.Nope>: can\'t evaluate field Nope in type *template.Data', 'columns count bytes'],
    ['{{ .CommonLabels.alertname.Foo.Bar.Baz.Qux }}', 'template: :1:16: executing "" at <.CommonLabels.alertname.Foo.Bar.Baz.Qux>: can\'t evaluate field Foo in type string', 'a field chain sits at its second field; the context is not truncated'],
    ['{{ .Alerts.Firing.Foo }}', 'template: :1:10: executing "" at <.Alerts.Firing.Foo>: can\'t evaluate field Foo in type []template.Alert', 'a field of a method result'],
    ['{{ .Alerts.Nope.X }}', 'template: :1:10: executing "" at <.Alerts.Nope.X>: can\'t evaluate field Nope in type template.Alerts', 'no method or field on a slice'],
    ['{{ (index .Alerts 0).Nope }}', 'template: :1:18: executing "" at <0>: can\'t evaluate field Nope in type template.Alert', 'a chain reports the last node evaluated'],
    ['{{ $.Nope }}', 'template: :1:4: executing "" at <$.Nope>: can\'t evaluate field Nope in type *template.Data', 'fields of $'],
    ['{{ .Alerts.Firing 1 }}', 'template: :1:10: executing "" at <.Alerts.Firing>: wrong number of args for Firing: want 0 got 1', 'arguments to a zero-argument method'],
    ['{{ .Status 1 }}', 'template: :1:3: executing "" at <.Status>: Status has arguments but cannot be invoked as function', 'arguments to a struct field'],
    ['{{ .CommonLabels.x 1 }}', 'template: :1:16: executing "" at <.CommonLabels.x>: x is not a method but has arguments', 'arguments to a map key'],
    ['{{ .Status | .Receiver }}', 'template: :1:13: executing "" at <.Receiver>: Receiver has arguments but cannot be invoked as function', 'a piped value is an argument too'],
    ['{{ $x := 1 }}{{ $x 2 }}', 'template: :1:16: executing "" at <$x>: can\'t give argument to non-function $x', 'arguments to a variable'],
    ['{{ 1 2 }}', 'template: :1:3: executing "" at <1>: can\'t give argument to non-function 1', 'arguments to a literal'],
    ['{{ "a" "b" | len }}', 'template: :1:3: executing "" at <"a">: can\'t give argument to non-function "a"', 'arguments to a string'],
    ['{{ range $i, $v := 1 2 }}{{ end }}', 'template: :1:19: executing "" at <1>: can\'t give argument to non-function 1', 'in a range pipeline'],
    ['{{ nil }}', 'template: :1:3: executing "" at <nil>: nil is not a command', 'nil alone'],
    ['{{ $y = 1 }}', 'template: :1:8: executing "" at <1>: undefined variable: $y', 'assigning an undeclared variable fails when run'],
    ['{{ 9223372036854775807 }} {{ 9223372036854775808 }}', 'template: :1:29: executing "" at <9223372036854775808>: 9223372036854775808 overflows int', 'a uint64 literal'],
    ['{{ range 3 }}x{{ end }}', 'template: :1:9: executing "" at <3>: range can\'t iterate over 3', 'range over an int (Go 1.19)'],
    ['{{ range "abc" }}x{{ end }}', 'template: :1:9: executing "" at <"abc">: range can\'t iterate over abc', 'range over a string'],
    ['{{ template "nope" . }}', 'template: :1:12: executing "" at <{{template "nope" .}}>: template "nope" not defined', 'unknown template'],
    ['{{ template "x" 1 2 }}', 'template: :1:12: executing "" at <{{template "x" 1 2}}>: template "x" not defined', 'the node prints its pipeline'],
    ['{{ define "t3" }}{{ .Nope }}{{ end }}{{ template "t3" . }}', 'template: :1:20: executing "t3" at <.Nope>: can\'t evaluate field Nope in type *template.Data', 'inside a define: its name'],
    ['{{ define "t4" }}\n\n  {{ .Nope }}{{ end }}{{ template "t4" . }}', 'template: :3:5: executing "t4" at <.Nope>: can\'t evaluate field Nope in type *template.Data', 'lines count from the start of the source'],
    ['{{ toUpper }}', 'template: :1:3: executing "" at <toUpper>: wrong number of args for toUpper: want 1 got 0', 'too few arguments to a function'],
    ['{{ toUpper "a" "b" }}', 'template: :1:3: executing "" at <toUpper>: wrong number of args for toUpper: want 1 got 2', 'too many arguments'],
    ['{{ printf 1 }}', 'template: :1:10: executing "" at <1>: expected string; found 1', "printf's format must be a string literal..."],
    ['{{ printf .Alerts }}', 'template: :1:10: executing "" at <.Alerts>: wrong type for value; expected string; got template.Alerts', '...or a string value'],
  ])('%s', (text, want, _why) => {
    expect(render(text)).toBe(want);
  });

  it('reports errors in a file with the file name and the define being executed', () => {
    // Verified with a templates: file t.tmpl in Alertmanager.
    const text = '{{ define "a" }}A1{{ end }}\n{{ define "b" }}line1\n  {{ .Nope }}{{ end }}\n{{ define "c" }}{{ template "b" . }}{{ end }}';
    const set = parseTemplates([{ name: 't.tmpl', text }], alertmanagerFuncs, { missingKey: 'zero' });
    if (!set.ok) throw new Error(set.error.message);
    const result = set.value.executeString('{{ template "c" . }}', referenceData());
    expect(result).toEqual({
      ok: false,
      error: {
        kind: 'exec',
        message: 'template: t.tmpl:3:5: executing "b" at <.Nope>: can\'t evaluate field Nope in type *template.Data',
        reason: "can't evaluate field Nope in type *template.Data",
        source: 't.tmpl',
        template: 'b',
        line: 3,
        column: 5,
      },
    });
  });
});

// Alertmanager always runs with missingkey=zero; the other modes follow
// Go's exec.go (evalField) and its documented messages.
describe('missingkey', () => {
  const data = { m: { a: 'x' }, s: ['a'] };
  it.each([
    ['default', '{{ .m.nope }}', '<no value>', "Go's default: a missing key is an invalid value"],
    ['zero', '{{ .m.nope }}', '<no value>', 'zero of interface{} is nil: a plain object is map[string]interface{}'],
    ['error', '{{ .m.nope }}', 'template: :1:5: executing "" at <.m.nope>: map has no entry for key "nope"', 'missingkey=error'],
    ['error', '{{ .nope.x }}', 'template: :1:8: executing "" at <.nope.x>: map has no entry for key "nope"', 'the first missing key fails'],
    ['default', '{{ .CommonLabels.nope }}', '<no value>', 'default ignores the element zero of map[string]string'],
    ['zero', '{{ .CommonLabels.nope }}', '', "zero uses the map's element zero (Alertmanager's KV prints \"\")"],
  ] as const)('%s: %s', (missingKey, text, want, _why) => {
    const own = text.includes('CommonLabels') ? {} : { data };
    expect(render(text, { missingKey, ...own })).toBe(want);
  });

  it('missingkey=error also rejects fields of nil', () => {
    expect(render('{{ .a.b.c }}', { missingKey: 'error', data: { a: null } })).toBe(
      'template: :1:5: executing "" at <.a.b.c>: nil data; no entry for key "b"',
    );
  });
});
