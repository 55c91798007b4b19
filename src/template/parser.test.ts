import { describe, expect, it } from 'vitest';
import { nodeString } from './node-string.js';
import { parseSource } from './parser.js';
import { BUILTINS } from './builtins.js';
import { render } from './testdata/render.js';

const hasFunction = (name: string): boolean => BUILTINS.has(name) || ['toUpper', 'join', 'stringSlice'].includes(name);

function parseError(text: string, name = ''): string {
  const result = parseSource(name, text, hasFunction);
  return result.ok ? 'parsed' : result.error.message;
}

// Messages as Alertmanager 0.25 (Go 1.19.8) reports them, for inline text
// (name "") and for a templates: file t.tmpl. Go prints no column here.
describe('parse errors', () => {
  it.each([
    ['{{ .X', 'template: :1: unclosed action', 'action not closed'],
    ['{{ .Status\n\n', 'template: :3: unclosed action started at :1', 'the line where a multi-line action started'],
    ['{{ if .Status }}a', 'template: :1: unexpected EOF', 'if without end'],
    ['{{ if\n .Status\n }}a', 'template: :3: unexpected EOF', 'the line of the last token read'],
    ['{{ end }}', 'template: :1: unexpected {{end}}', 'end without a block'],
    ['{{ else }}', 'template: :1: unexpected {{else}}', 'else without a block'],
    ['{{ if 1 }}{{ else }}{{ else }}{{ end }}', 'template: :1: expected end; found {{else}}', 'two elses'],
    ['{{ with .A }}x{{ else with .B }}w{{ end }}', 'template: :1: unexpected <with> in else', 'no else-with in Go 1.19'],
    ['{{ $x }}', 'template: :1: undefined variable "$x"', 'variables must be declared'],
    ['{{ with $x := .Status }}{{ $x }}{{ end }}{{ $x }}', 'template: :1: undefined variable "$x"', 'variables end with their block'],
    ['{{ nofunc }}', 'template: :1: function "nofunc" not defined', 'functions are checked when parsing'],
    ['{{ 1.2.3 }}', 'template: :1: unexpected ".3" in operand', 'a number followed by another'],
    ['{{ "abc }}', 'template: :1: unterminated quoted string', 'string not closed'],
    ['\n\n{{ "abc\n" }}', 'template: :3: unterminated quoted string', 'strings cannot span lines'],
    ['a\n{{ if }}', 'template: :2: missing value for if', 'if needs a pipeline'],
    ['{{ (1 }}', 'template: :1: unclosed left paren', 'paren not closed'],
    ['{{ ) }}', 'template: :1: unexpected ")" in command', 'stray right paren'],
    ['{{ 1 | 2 }}', 'template: :1: non executable command in pipeline stage 2', 'a literal after a pipe'],
    ['{{ range $a, $b, $c := . }}{{end}}', 'template: :1: too many declarations in range', 'range declares two variables at most'],
    ['{{ range $i, 1 }}{{ end }}', 'template: :1: range can only initialize variables', 'range declarations are variables'],
    ['{{ define "x" }}a{{ end }}{{ define "x" }}b{{ end }}', 'template: :1: template: multiple definition of template "x"', 'a template defined twice in one source'],
    ['{{ range .Alerts }}{{ end }}{{ break }}', 'template: :1: {{break}} outside {{range}}', 'break outside range'],
    ['{{ range . }}{{ break 1 }}{{ end }}', 'template: :1: unexpected "1" in {{break}}', 'break takes nothing'],
    ['{{/* x */ }}', 'template: :1: comment ends before closing delimiter', 'comment must end at the delimiter'],
    ['{{/* x', 'template: :1: unclosed comment', 'comment not closed'],
    ['{{ true.Foo }}', 'template: :1: unexpected . after term "true"', 'fields of a literal'],
    ['{{ template .Status }}', 'template: :1: unexpected ".Status" in template clause', 'template names are literals'],
    ['{{ template "x" | printf }}', 'template: :1: unexpected "|" in template clause', 'template pipeline cannot start with |'],
    ['{{ "\\z" }}', 'template: :1: invalid syntax', 'unknown escape'],
    ["{{ 'ab' }}", "template: :1: malformed character constant: 'ab'", 'one character per constant'],
    ['{{ 0x }}', 'template: :1: illegal number syntax: "0x"', 'a prefix alone'],
    ['{{ 1a }}', 'template: :1: bad number syntax: "1a"', 'letters after digits'],
    ['{{ .X$ }}', "template: :1: bad character U+0024 '$'", 'bad character after a field'],
    ['{{ @ }}', 'template: :1: unexpected "@" in command', 'a stray character'],
    ['{{ if . }}{{ define "x" }}{{ end }}{{ end }}', 'template: :1: unexpected <define> in command', 'define only at top level'],
  ])('%j', (text, want, _why) => {
    expect(parseError(text)).toBe(want);
  });

  it.each([
    ['{{ define "a" }}\nx\n{{ if }}{{ end }}', 'template: t.tmpl:3: missing value for if', 'inside a define'],
    ['{{ define "a" }}\n\nx', 'template: t.tmpl:3: unexpected EOF', 'define without end'],
    ['line1\n{{ .X\n\n', 'template: t.tmpl:4: unclosed action started at t.tmpl:2', 'the file name in both places'],
    ['{{ define "a" }}{{ else }}{{ end }}', 'template: t.tmpl:1: unexpected {{else}} in define clause', 'else in a define'],
    ['{{ define 1 }}{{ end }}', 'template: t.tmpl:1: unexpected "1" in define clause', 'define names are strings'],
    ['{{ define "a" "b" }}{{ end }}', 'template: t.tmpl:1: unexpected "\\"b\\"" in define clause', 'one name per define'],
    ['{{ template "a" 1 2 }}\n{{ with }}', 'template: t.tmpl:2: missing value for with', 'with needs a pipeline'],
    ['{{ block "b" }}{{ end }}', 'template: t.tmpl:1: missing value for block clause', 'block needs a pipeline'],
    ['{{ $x := 1 }}{{ define "d" }}{{ $x }}{{ end }}', 'template: t.tmpl:1: undefined variable "$x"', 'defines do not see outer variables'],
    ['{{ define "a" }}{{ break }}{{ end }}', 'template: t.tmpl:1: {{break}} outside {{range}}', 'break in a define'],
    ['{{ `a\nb` }}\n{{ nofunc }}', 'template: t.tmpl:3: function "nofunc" not defined', 'raw strings count their newlines'],
    ['{{ define "a" }}A1{{ end }}\n{{ define "a" }}A2{{ end }}', 'template: t.tmpl:2: template: multiple definition of template "a"', 'the line of the second definition'],
  ])('in a file: %j', (text, want, _why) => {
    expect(parseError(text, 't.tmpl')).toBe(want);
  });

  it('gives the column of the offending token in the structured error', () => {
    const result = parseSource('t', 'ab\n  {{ if }}', hasFunction);
    expect(result.ok ? undefined : { line: result.error.line, column: result.error.column }).toEqual({ line: 2, column: 8 });
  });

  it('rejects complex constants, which this engine does not support', () => {
    expect(parseError('{{ 1+2i }}')).toBe('template: :1: complex numbers are not supported: 1+2i');
  });

  it('treats break and continue as functions when the function map has them', () => {
    expect(render('{{ break }}', { funcs: { break: () => 'b' } })).toBe('b');
  });
});

describe('parse trees', () => {
  it.each([
    ['{{ .A.B | printf "%s" $.C (f 1) }}', '{{.A.B | printf "%s" $.C (f 1)}}', 'commands, fields, variables and parens'],
    ['{{ range $a, $b := . }}{{ $x = $b }}{{ end }}', '{{range $a, $b := .}}{{$x = $b}}{{end}}', 'declarations and assignments'],
    ['{{ if .A }}x{{ else if .B }}y{{ else }}z{{ end }}', '{{if .A}}x{{else}}{{if .B}}y{{else}}z{{end}}{{end}}', 'else if nests an if'],
    ['{{ range $i := . }}{{ break }}{{ continue }}{{ end }}', '{{range $i := .}}{{break}}{{continue}}{{end}}', 'range with break and continue'],
    ['{{ template `x` nil }}{{ with true }}{{ end }}', '{{template "x" nil}}{{with true}}{{end}}', 'template names print quoted'],
    ['{{ (.A).B }}{{ 1.5 }}{{ "q" }}', '{{(.A).B}}{{1.5}}{{"q"}}', 'chains and literals print as written'],
  ])('%s prints as %s', (text, want, _why) => {
    const result = parseSource('t', text, () => true);
    const root = result.ok ? result.value.get('t')?.root : undefined;
    expect(root ? nodeString(root) : result).toBe(want);
  });

  it('keeps every define and block as its own template, and the source as one', () => {
    const result = parseSource('f.tmpl', '{{ define "a" }}A{{ end }}top{{ block "b" . }}B{{ end }}', hasFunction);
    expect(result.ok ? [...result.value.keys()].sort() : result.error.message).toEqual(['a', 'b', 'f.tmpl']);
  });
});
