/**
 * A Slack message template in the style of Alertmanager's default.tmpl
 * (subject line, one block per alert, common labels), written for the
 * engine tests. `SLACK_MESSAGE_OUTPUT` is what Alertmanager 0.25 rendered
 * from this file (as a templates: file) and the reference data, with
 * `text: '{{ template "ea.text" . }}'`.
 */
export const SLACK_MESSAGE_TEMPLATE = `{{- define "ea.title" -}}
[{{ .Status | toUpper }}{{ if eq .Status "firing" }}:{{ .Alerts.Firing | len }}{{ end }}] {{ range $i, $v := .GroupLabels.SortedPairs.Values }}{{ if $i }}, {{ end }}{{ $v }}{{ end }}
{{- end }}

{{- define "ea.alert" -}}
*{{ .Labels.alertname }}* on {{ or .Labels.instance "unknown" }} ({{ .Labels.severity | title }})
{{- with .Annotations.summary }}: {{ . }}{{ end }}
{{- range $k, $v := .Labels.Remove (stringSlice "alertname" "instance") }}
  • {{ $k }}={{ $v | printf "%q" }}{{ end }}
{{- if .GeneratorURL }} <{{ .GeneratorURL }}|graph>{{ end }}
{{- end }}

{{- define "ea.text" -}}
{{ template "ea.title" . }}
{{- range .Alerts.Firing }}
{{ template "ea.alert" . }}{{ end }}
{{- with .Alerts.Resolved }}
Resolved: {{ len . }}{{ end }}
Common: {{ range .CommonLabels.SortedPairs }}{{ .Name }}={{ .Value }} {{ end }}
{{- printf "| started %s | %s" (index .Alerts 0).StartsAt (.ExternalURL | urlquery) }}
{{- end }}
`;

export const SLACK_MESSAGE_OUTPUT = [
  '[FIRING:2] A',
  '*A* on h1 (Critical): disk full',
  '  • severity="critical" <http://prom/graph|graph>',
  '*A* on h2 (Warning): disk full',
  '  • severity="warning"',
  'Common: alertname=A | started 2023-01-02 03:04:05 +0000 UTC | http%3A%2F%2Fam.example',
].join('\n');
