import { describe, expect, it } from 'vitest';
import { render } from './testdata/render.js';
import { SLACK_MESSAGE_OUTPUT, SLACK_MESSAGE_TEMPLATE } from './testdata/slack-message.js';

// Every row here was also rendered by the real Alertmanager 0.25 (Go
// 1.19.8) as a Slack `text:` against the same two firing alerts
// (testdata/alertmanager-data.ts); the expected text is its output.

describe('actions and pipelines', () => {
  it.each([
    ['plain text', 'plain text', 'text outside actions is copied'],
    ['{{ .Status }}', 'firing', 'a field of dot'],
    ['{{ .CommonLabels.alertname }}', 'A', 'a map key read like a field'],
    ['{{ .Status | printf "%s-%s" "pre" }}', 'pre-firing', 'the piped value is the last argument'],
    ['{{ "x" | printf "%s-%s" "y" }}|{{ 3 | printf "%d" }}|{{ .Status | len }}', 'y-x|3|6', 'pipes into builtins'],
    ['{{ printf "%d %d" 1 2 | printf "%s!" }}', '1 2!', 'pipes chain'],
    ['{{ .Receiver | eq "r" }}|{{ eq .Receiver "r" "x" }}|{{ "firing" | eq .Status }}', 'true|true|true', 'eq as a pipe stage'],
    ['{{ .Status | }}', 'firing', 'Go 1.19 accepts a trailing pipe'],
    ['{{ (index .Alerts 1).Labels.instance }}', 'h2', 'fields of a parenthesized pipeline'],
    ['{{ .CommonLabels.SortedPairs.Names }}|{{ .CommonLabels.Names }}', '[alertname]|[alertname]', 'zero-argument methods, chained'],
    ['{{ .Alerts.Firing | len }}', '2', 'a method result piped on'],
    ["{{ 'a' }} {{ 0x1F }} {{ 1e3 }} {{ 1_000 }} {{ 0b101 }} {{ 0o17 }} {{ 017 }} {{ -0 }} {{ 1.0 }} {{ 1.5e300 }}", '97 31 1000 1000 5 15 15 0 1 1.5e+300', 'number literals in every Go syntax'],
    ['{{ -9223372036854775808 }}', '-9223372036854775808', 'the smallest int64 is exact'],
    ['{{ $ }}', String.raw`{r firing [{firing map[alertname:A instance:h1 severity:critical] map[summary:disk full] 2023-01-02 03:04:05 +0000 UTC 0001-01-01 00:00:00 +0000 UTC http://prom/graph 8ab28391aca212f1} {firing map[alertname:A instance:h2 severity:warning] map[summary:disk full] 2023-01-02 03:04:05 +0000 UTC 0001-01-01 00:00:00 +0000 UTC  d272dda83c15ef35}] map[alertname:A] map[alertname:A] map[summary:disk full] http://am.example}`, 'structs, slices, maps and Stringers print like fmt %v'],
    ['{{ .CommonLabels }}|{{ (index .Alerts 0).StartsAt }}|{{ (index .Alerts 0).Labels.SortedPairs }}', 'map[alertname:A]|2023-01-02 03:04:05 +0000 UTC|[{alertname A} {instance h1} {severity critical}]', 'printing values of each kind'],
  ])('%s', (text, want, _why) => {
    expect(render(text)).toBe(want);
  });
});

describe('whitespace trimming and comments', () => {
  it.each([
    ['a  {{- "b" }}  c', 'ab  c', '{{- trims spaces before'],
    ['a  {{ "b" -}}  \n\t c', 'a  bc', '-}} trims spaces, tabs and newlines after'],
    ['a\n\n{{- /* comment */ -}}\n\nb', 'ab', 'a trimmed comment leaves nothing'],
    ['a {{/* comment */}} b', 'a  b', 'a comment prints nothing'],
    ['{{/* multi\nline */}}ok', 'ok', 'comments may span lines'],
    ['{{ 1 }}{{/**/}}{{ 2 }}', '12', 'an empty comment'],
    ['x {{- 3 -}} y', 'x3y', 'trim markers around a number'],
    ['x {{-3}} y', 'x -3 y', 'without a space, {{-3 is the number -3'],
    ['{{ "a" -}}\n{{- "b" }}', 'ab', 'trimming from both sides'],
    ['{{ "a" }}{{- "b" -}} c {{- /* x */ -}} d {{/* y */}}', 'abcd ', 'trims and comments together'],
  ])('%j', (text, want, _why) => {
    expect(render(text)).toBe(want);
  });
});

describe('variables', () => {
  it.each([
    ['{{ $x := "a" }}{{ $y := $x }}{{ $x = "b" }}{{ $x }}{{ $y }}', 'ba', 'declare, copy, assign'],
    ['{{ $x := 1 }}{{ $x := 2 }}{{ $x }}', '2', 'redeclaring shadows'],
    ['{{ $x := 1 }}{{ if true }}{{ $x = 2 }}{{ end }}{{ $x }}', '2', 'assignment reaches the outer variable'],
    ['{{ $n := 0 }}{{ range .Alerts }}{{ $n = 1 }}{{ end }}{{ $n }}', '1', 'assignment inside range persists'],
    ['{{ range $i, $a := .Alerts }}{{ $i }}{{ $.Status }}{{ end }}', '0firing1firing', '$ is the data everywhere'],
    ['{{ with $x := 0 }}a{{ else }}{{ $x }}{{ end }}', '0', 'a with variable is visible in its else'],
    ['{{ define "t2" }}{{ $ }}{{ end }}{{ $x := 1 }}{{ template "t2" 5 }}', '5', 'a called template gets a new $'],
  ])('%s', (text, want, _why) => {
    expect(render(text)).toBe(want);
  });
});

describe('if, with and else', () => {
  it.each([
    ['{{ if eq .Status "resolved" }}R{{ else if eq .Status "firing" }}F{{ else }}?{{ end }}', 'F', 'else if chains'],
    ['{{ if 0 }}y{{ else if "" }}z{{ else }}n{{ end }}', 'n', '0 and "" are false'],
    ['{{ if .CommonLabels }}y{{ end }}', 'y', 'a non-empty map is true'],
    ['{{ if .Alerts.Resolved }}r{{ else }}nr{{ end }}', 'nr', 'an empty slice is false'],
    ['{{ if .CommonLabels.nope }}x{{ else }}no{{ end }}', 'no', 'a missing label is ""'],
    ['{{ if and .Alerts (not .Alerts.Resolved) }}yes{{ end }}', 'yes', 'and/not in a condition'],
    ['{{ if or .Alerts.Resolved .Receiver }}{{ or .Alerts.Resolved .Receiver }}{{ end }}', 'r', 'or returns the first true operand'],
    ['{{ with .Status }}{{ . }}{{ end }}', 'firing', 'with sets dot'],
    ['{{ with .Alerts.Resolved }}x{{ else }}none{{ end }}', 'none', 'with else'],
    ['{{ with .CommonLabels.nope }}x{{ else }}[{{ . | printf "%T" }}]{{ end }}', '[*template.Data]', 'else keeps the outer dot'],
  ])('%s', (text, want, _why) => {
    expect(render(text)).toBe(want);
  });
});

describe('range', () => {
  it.each([
    ['{{ range .Alerts }}{{ .Labels.instance }}{{ end }}', 'h1h2', 'dot is each element'],
    ['{{ range $a := .Alerts }}{{ $a.Fingerprint }} {{ end }}', '8ab28391aca212f1 d272dda83c15ef35 ', 'one variable is the element'],
    ['{{ range $i, $v := .CommonLabels.Names }}{{ $i }}{{ $v }}{{ else }}none{{ end }}', '0alertname', '$i is the index'],
    ['{{ range $k, $v := .CommonLabels }}{{$k}}={{$v}};{{ end }}', 'alertname=A;', 'maps give key and value'],
    ['{{ range .CommonLabels }}{{ . }}{{ end }}', 'A', 'maps range over values'],
    ['{{ range $v := .Alerts.Resolved }}x{{ else }}none{{ end }}', 'none', 'else runs for an empty slice'],
    ['{{ range .Alerts }}{{ if eq .Labels.instance "h1" }}{{ continue }}{{ end }}{{ .Labels.instance }}{{ end }}', 'h2', 'continue'],
    ['{{ range .Alerts }}{{ range .Labels.SortedPairs }}{{ if eq .Name "severity" }}{{ break }}{{ end }}{{ .Name }},{{ end }};{{ end }}', 'alertname,instance,;alertname,instance,;', 'break leaves the inner range only'],
    ['{{ range $i, $e := .Alerts }}{{ if eq $i 0 }}{{ continue }}{{ end }}[{{ $i }}]{{ break }}{{ end }}', '[1]', 'continue then break'],
    ['{{ range $i, $e := .Alerts }}{{ range .Labels.Remove .Labels.Names }}{{ else }}{{ continue }}{{ end }}{{ $i }}{{ end }}', '', "a continue in an inner range's else continues the outer range"],
    ['{{ range $i, $e := .Alerts }}{{ range .Labels.Remove .Labels.Names }}{{ else }}{{ break }}{{ end }}{{ $i }}{{ end }}', '01', "a break in an inner range's else is swallowed (Go's quirk)"],
  ])('%s', (text, want, _why) => {
    expect(render(text)).toBe(want);
  });

  it('ranges over a plain object in sorted key order (Go sorts map keys)', () => {
    expect(render('{{ range $k, $v := . }}{{ $k }}{{ $v }} {{ end }}', { data: { b: 2, a: 1, B: 3 } })).toBe('B3 a1 b2 ');
  });

  it('ranges over nil as over an empty map', () => {
    expect(render('{{ range .missing }}x{{ else }}empty{{ end }}', { data: {} })).toBe('empty');
  });
});

describe('define, template and block', () => {
  it.each([
    ['{{ define "t1" }}<{{ . }}>{{ end }}{{ template "t1" .Status }}{{ template "t1" }}', '<firing><<no value>>', 'without a pipeline dot is nil'],
    ['{{ block "bl" .Receiver }}[{{ . }}]{{ end }}', '[r]', 'block defines and runs in place'],
    ['{{ template "x" }}{{ define "x" }}[{{ . }}]{{ end }}', '[<no value>]', 'a template may be used before its define'],
    ['{{ define "rec" }}{{ if . }}{{ len . }}{{ template "rec" (slice . 1) }}{{ end }}{{ end }}{{ template "rec" (stringSlice "a" "b" "c") }}', '321', 'recursion'],
    ['{{ template "t5" }}{{ define "t5" }}{{ $x := 1 }}{{ $x }}{{ end }}', '1', 'variables of a define'],
    ['{{ define "a" }}{{ end }}{{ define "a" }}x{{ end }}{{ template "a" }}', 'x', 'an empty define is replaced by a later one'],
    ['{{ define "a" }}{{ . }}{{ end }}{{ template "a" "x" }}{{ template "a" 1.5 }}', 'x1.5', 'the pipeline becomes dot'],
  ])('%s', (text, want, _why) => {
    expect(render(text)).toBe(want);
  });
});

describe('a realistic Slack message', () => {
  it('renders exactly as Alertmanager renders it', () => {
    const sources = [{ name: 'slack.tmpl', text: SLACK_MESSAGE_TEMPLATE }];
    expect(render('{{ template "ea.text" . }}', { sources })).toBe(SLACK_MESSAGE_OUTPUT);
  });
});
