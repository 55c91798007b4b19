/**
 * The golden suite's inputs: a `templates:` file of realistic custom
 * templates, and every output compared, each with the template text that
 * renders it. test/conformance/templates.test.ts puts them into a real
 * Alertmanager 0.25 (a Slack receiver whose fields are these templates, an
 * email receiver for the email ones) and compares what it sends with what
 * edgealert renders; golden-recorded.json holds one such run for the unit
 * suite.
 */

/** The custom templates file (loaded as `templates/custom.tmpl`). */
export const CUSTOM_TEMPLATES = `{{/* Realistic notification templates, as teams write them. */}}
{{ define "custom.title" -}}
[{{ .Status | toUpper }}{{ if eq .Status "firing" }}:{{ .Alerts.Firing | len }}{{ end }}] {{ .CommonLabels.alertname }}
{{- with .CommonLabels.job }} ({{ . }}){{ end }}
{{- end }}

{{ define "custom.alert" -}}
*{{ .Labels.alertname }}*{{ if .Labels.severity }} - \`{{ .Labels.severity }}\`{{ end }}
{{- with .Annotations.summary }}
*Summary:* {{ . }}{{ end }}
{{- with .Annotations.description }}
*Description:* {{ . }}{{ end }}
*Labels:*
{{- range .Labels.SortedPairs }}
  • *{{ .Name }}:* \`{{ .Value }}\`
{{- end }}
*Started:* {{ .StartsAt }} ({{ .StartsAt.Format "Mon, 02 Jan 2006 15:04:05 MST" }}, unix {{ .StartsAt.Unix }})
{{- if eq .Status "resolved" }}
*Ended:* {{ .EndsAt.Format "2006-01-02T15:04:05.000Z07:00" }}{{ else }}
*Ends:* {{ .EndsAt }}{{ end }}
*Fingerprint:* {{ .Fingerprint }}{{ if .GeneratorURL }} <{{ .GeneratorURL }}|:chart_with_upwards_trend:>{{ end }}
{{- end }}

{{ define "custom.text" -}}
{{ range .Alerts.Firing }}{{ template "custom.alert" . }}
{{ end -}}
{{ if .Alerts.Resolved -}}
:white_check_mark: Resolved ({{ len .Alerts.Resolved }}):
{{- range $i, $a := .Alerts.Resolved }}{{ if $i }},{{ end }} {{ $a.Labels.instance | printf "%q" }}{{ end }}
{{ end -}}
{{ printf "%d firing, %d resolved of %d" (len .Alerts.Firing) (len .Alerts.Resolved) (len .Alerts) }}
{{- end }}

{{ define "custom.pretext" -}}
{{ $first := index .Alerts 0 -}}
{{ .Receiver }} | group {{ range $k, $v := .GroupLabels }}{{ $k }}={{ $v }};{{ end }}
{{- " " }}| extra {{ .CommonLabels.Remove .GroupLabels.Names | len }} common label(s)
{{- " " }}| first {{ or $first.Labels.instance "?" }}
{{- end }}

{{ define "custom.summary" -}}
{{ with .CommonAnnotations.summary }}{{ . }}{{ else }}{{ range .Alerts }}{{ .Annotations.summary | printf "%-20s|" }}{{ end }}{{ end }}
{{- /* missing keys read as "" (missingkey=zero) */ -}}
[{{ .CommonLabels.nope }}][{{ index .CommonLabels "nope" }}]
{{- end }}

{{ define "custom.printf" -}}
{{ printf "%s|%q|%v|%x|%5.1f%%|%03d|%t" .Status .Receiver .GroupLabels 42 99.44 7 true }}
{{ printf "%v" .CommonLabels.SortedPairs }} {{ printf "%v" (index .Alerts 0).Labels | printf "%.30s" }}
{{ .ExternalURL | urlquery }} {{ html "<a href='x'>&</a>" }} {{ js "it's \\"quoted\\" <b>" }}
{{ len .Alerts }} {{ slice .Status 0 4 }} {{ index .Alerts 0 | printf "%T" }} {{ printf "%T %T %T" .CommonLabels (index .Alerts 0).StartsAt .Alerts.Firing }}
{{- end }}

{{ define "custom.functions" -}}
{{ range $s := stringSlice "hello world" "HELLO-WORLD" "o'neil mcdonald" "foo_bar baz.qux" "1st place 2ND" "ǆemal ǅ" "straße ß" "ÉCOLE été" "ΣΑΣ σσσ ὈΔΥΣΣΕΎΣ" "a..b a.b x:y" "İstanbul ﬁne" "tab\\tsep  nbsp\\u00a0x" "日本語 テスト" }}
{{ $s }} | {{ toUpper $s }} | {{ toLower $s }} | {{ title $s }}
{{- end }}
{{ range $p := stringSlice "^a.c$" "a|b" "(?i)HELLO" "[[:digit:]]+" "\\\\bfoo\\\\b" "x*" "é+" "^$" }}
match {{ printf "%q" $p }}: {{ match $p "hello abc foo 123 éé" }}
{{- end }}
{{ reReplaceAll "a*" "X" "baaac" }} {{ reReplaceAll "(\\\\w+)@(\\\\w+)" "$2 at \${1}x $1x $$" "joe@example bob@test" }} {{ reReplaceAll "(?P<host>[^:]+):(?P<port>\\\\d+)" "\${host} port $port" "db-1:5432" }}
{{ reReplaceAll "" "-" "abc" }} {{ reReplaceAll "b*" "-" "abbc" }} {{ reReplaceAll "(a)|b" "[$1]" "ab" }}
{{ join ", " (stringSlice "a" "b" "c") }} {{ .CommonLabels.Names | join "+" }} {{ .GroupLabels.Values | join "" }}
{{ safeHtml "<b>ok</b>" }} {{ toUpper .Status | printf "%s!" }} {{ (.CommonLabels.Remove (stringSlice "alertname" "job")).SortedPairs.Names }}
{{- end }}

{{ define "custom.email.text" -}}
{{ template "__subject" . }}

{{ template "__text_alert_list" .Alerts.Firing -}}
{{ if .Alerts.Resolved }}Resolved:
{{ template "__text_alert_list" .Alerts.Resolved }}{{ end -}}
-- {{ template "__alertmanagerURL" . }}
{{- end }}

{{/* Overrides a default: every Slack footer of this Alertmanager says this. */}}
{{ define "slack.default.footer" }}sent by {{ template "__alertmanager" . }} for {{ .Receiver }}{{ end }}
`;

/** Alertmanager 0.25's default template names (default.tmpl and email.tmpl). */
export const DEFAULT_TEMPLATE_NAMES = [
  '__alertmanager', '__alertmanagerURL', '__subject', '__description',
  'slack.default.title', 'slack.default.username', 'slack.default.fallback', 'slack.default.callbackid',
  'slack.default.pretext', 'slack.default.titlelink', 'slack.default.iconemoji', 'slack.default.iconurl',
  'slack.default.text', 'slack.default.footer',
  'pagerduty.default.description', 'pagerduty.default.client', 'pagerduty.default.clientURL',
  'opsgenie.default.message', 'opsgenie.default.description', 'opsgenie.default.source',
  'wechat.default.message', 'wechat.default.to_user', 'wechat.default.to_party', 'wechat.default.to_tag', 'wechat.default.agent_id',
  'victorops.default.state_message', 'victorops.default.entity_display_name', 'victorops.default.monitoring_tool',
  'pushover.default.title', 'pushover.default.message', 'pushover.default.url',
  'sns.default.subject', 'sns.default.message', 'telegram.default.message', 'discord.default.title', 'discord.default.message',
  'webex.default.message', 'email.default.subject',
] as const;

/** Slack attachment fields and what renders them (Alertmanager's defaults where the config leaves a field out). */
export const SLACK_OUTPUTS = {
  username: '{{ template "slack.default.username" . }}',
  color: '{{ if eq .Status "firing" }}danger{{ else }}good{{ end }}',
  title: '{{ template "slack.default.title" . }}',
  title_link: '{{ template "slack.default.titlelink" . }}',
  fallback: '{{ template "slack.default.fallback" . }}',
  footer: '{{ template "slack.default.footer" . }}',
  pretext: '{{ template "custom.pretext" . }}',
  text: '{{ template "custom.text" . }}',
  callback_id: '{{ template "custom.title" . }}',
} as const;

/** Slack `fields` entries: a title and the template of its value. */
export const SLACK_FIELD_OUTPUTS: readonly (readonly [title: string, value: string])[] = [
  ...DEFAULT_TEMPLATE_NAMES.map((name) => [name, `{{ template "${name}" . }}`] as const),
  ['__text_alert_list', '{{ template "__text_alert_list" .Alerts }}'],
  ['pagerduty.default.instances (firing)', '{{ template "pagerduty.default.instances" .Alerts.Firing }}'],
  ['pagerduty.default.instances (resolved)', '{{ template "pagerduty.default.instances" .Alerts.Resolved }}'],
  ['num_firing', '{{ .Alerts.Firing | len }}'],
  ['custom.summary', '{{ template "custom.summary" . }}'],
  ['custom.printf', '{{ template "custom.printf" . }}'],
  ['custom.functions', '{{ template "custom.functions" . }}'],
  ['inline', '{{ define "local" }}<{{ . }}>{{ end }}{{ template "local" .Status }} {{ .Receiver }} {{- " trimmed " -}} {{ .ExternalURL }}'],
];

/** Email parts and what renders them. */
export const EMAIL_OUTPUTS = {
  subject: '{{ template "email.default.subject" . }}',
  html: '{{ template "email.default.html" . }}',
  text: '{{ template "custom.email.text" . }}',
} as const;

/** Every output as `slack.title`, `slack.fields.NAME`, `email.html`, ... with its template text. */
export function goldenOutputs(): Record<string, string> {
  const outputs: Record<string, string> = {};
  for (const [field, text] of Object.entries(SLACK_OUTPUTS)) outputs[`slack.${field}`] = text;
  for (const [title, text] of SLACK_FIELD_OUTPUTS) outputs[`slack.fields.${title}`] = text;
  for (const [part, text] of Object.entries(EMAIL_OUTPUTS)) outputs[`email.${part}`] = text;
  return outputs;
}
