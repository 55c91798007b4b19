/**
 * edgealert's default notification templates: every name Alertmanager
 * 0.25's default.tmpl and email.tmpl define, producing the same output
 * byte for byte (checked against the real binary, see
 * test/conformance/templates.test.ts). Written for edgealert; the call
 * graph is Alertmanager's (slack.default.fallback calls
 * slack.default.title, which calls __subject, ...), so a user file that
 * redefines one name changes every default built on it, as in
 * Alertmanager. Helpers of our own are named `__edgealert_*`.
 *
 * The email HTML lives in email-html.ts.
 */
import { EMAIL_HTML_TEMPLATE } from './email-html.js';

/** Name of the defaults as a template source (what error messages call it). */
export const DEFAULT_TEMPLATES_NAME = 'edgealert-defaults.tmpl';

const COMMON = `
{{- define "__alertmanager" -}} Alertmanager {{- end }}

{{- define "__alertmanagerURL" -}}
  {{ .ExternalURL }}/#/alerts?receiver={{ urlquery .Receiver }}
{{- end }}

{{- /* [FIRING:2] group label values (the other common label values) */ -}}
{{- define "__subject" -}}
  [{{ toUpper .Status }}{{ if eq .Status "firing" }}:{{ len .Alerts.Firing }}{{ end }}]
  {{- " " }}{{ join " " .GroupLabels.SortedPairs.Values }}{{ " " }}
  {{- if gt (len .CommonLabels) (len .GroupLabels) -}}
    ({{ join " " (.CommonLabels.Remove .GroupLabels.Names).Values }})
  {{- end }}
{{- end }}

{{- define "__description" }}{{ end }}

{{- define "__edgealert_pair_lines" -}}
  {{ range .SortedPairs }}{{ printf " - %s = %s\\n" .Name .Value }}{{ end }}
{{- end }}

{{- /* Dot is a list of alerts. */ -}}
{{- define "__text_alert_list" -}}
  {{ range . -}}
    Labels:{{ "\\n" }}
    {{- template "__edgealert_pair_lines" .Labels }}Annotations:{{ "\\n" }}
    {{- template "__edgealert_pair_lines" .Annotations }}Source: {{ .GeneratorURL }}{{ "\\n" }}
  {{- end }}
{{- end }}

{{- /* "Alerts Firing:" and "Alerts Resolved:" lists, each only when it has alerts, joined by a newline. */ -}}
{{- define "__edgealert_lists" -}}
  {{ with .Alerts.Firing }}Alerts Firing:{{ "\\n" }}{{ template "__text_alert_list" . }}{{ end }}{{ "\\n" }}
  {{- with .Alerts.Resolved }}Alerts Resolved:{{ "\\n" }}{{ template "__text_alert_list" . }}{{ end }}
{{- end }}

{{- /* The same lists, each set off by blank lines, and a final newline. */ -}}
{{- define "__edgealert_spaced_lists" -}}
  {{ with .Alerts.Firing }}{{ "\\n" }}Alerts Firing:{{ "\\n" }}{{ template "__text_alert_list" . }}{{ "\\n" }}{{ end }}{{ "\\n" }}
  {{- with .Alerts.Resolved }}{{ "\\n" }}Alerts Resolved:{{ "\\n" }}{{ template "__text_alert_list" . }}{{ "\\n" }}{{ end }}{{ "\\n" }}
{{- end }}

{{- define "__edgealert_common_annotations" -}}
  {{ join " " .CommonAnnotations.SortedPairs.Values }}
{{- end }}
`;

const SLACK = `
{{- define "slack.default.title" }}{{ template "__subject" . }}{{ end }}
{{- define "slack.default.username" }}{{ template "__alertmanager" . }}{{ end }}
{{- define "slack.default.fallback" -}}
  {{ template "slack.default.title" . }} | {{ template "slack.default.titlelink" . }}
{{- end }}
{{- define "slack.default.callbackid" }}{{ end }}
{{- define "slack.default.pretext" }}{{ end }}
{{- define "slack.default.titlelink" }}{{ template "__alertmanagerURL" . }}{{ end }}
{{- define "slack.default.iconemoji" }}{{ end }}
{{- define "slack.default.iconurl" }}{{ end }}
{{- define "slack.default.text" }}{{ end }}
{{- define "slack.default.footer" }}{{ end }}
`;

const PAGERDUTY = `
{{- define "pagerduty.default.description" }}{{ template "__subject" . }}{{ end }}
{{- define "pagerduty.default.client" }}{{ template "__alertmanager" . }}{{ end }}
{{- define "pagerduty.default.clientURL" }}{{ template "__alertmanagerURL" . }}{{ end }}
{{- define "pagerduty.default.instances" }}{{ template "__text_alert_list" . }}{{ end }}
`;

/** Integrations edgealert does not deliver to (yet): defined so user templates that call them work. */
const OTHERS = `
{{- define "opsgenie.default.message" }}{{ template "__subject" . }}{{ end }}
{{- define "opsgenie.default.description" -}}
  {{ template "__edgealert_common_annotations" . }}{{ "\\n" }}{{ template "__edgealert_lists" . }}
{{- end }}
{{- define "opsgenie.default.source" }}{{ template "__alertmanagerURL" . }}{{ end }}

{{- define "wechat.default.message" -}}
  {{ template "__subject" . }}{{ "\\n" }}
  {{- template "__edgealert_common_annotations" . }}{{ "\\n" }}
  {{- template "__edgealert_lists" . }}{{ "\\n" }}
  {{- "AlertmanagerUrl:\\n" }}{{ template "__alertmanagerURL" . }}
{{- end }}
{{- define "wechat.default.to_user" }}{{ end }}
{{- define "wechat.default.to_party" }}{{ end }}
{{- define "wechat.default.to_tag" }}{{ end }}
{{- define "wechat.default.agent_id" }}{{ end }}

{{- define "victorops.default.state_message" -}}
  {{ template "__edgealert_common_annotations" . }}{{ "\\n" }}{{ template "__edgealert_lists" . }}
{{- end }}
{{- define "victorops.default.entity_display_name" }}{{ template "__subject" . }}{{ end }}
{{- define "victorops.default.monitoring_tool" }}{{ template "__alertmanager" . }}{{ end }}

{{- define "pushover.default.title" }}{{ template "__subject" . }}{{ end }}
{{- define "pushover.default.message" -}}
  {{ template "__edgealert_common_annotations" . }}{{ "\\n" }}{{ template "__edgealert_spaced_lists" . }}
{{- end }}
{{- define "pushover.default.url" }}{{ template "__alertmanagerURL" . }}{{ end }}

{{- define "sns.default.subject" }}{{ template "__subject" . }}{{ end }}
{{- define "sns.default.message" -}}
  {{ template "__edgealert_common_annotations" . }}{{ "\\n" }}{{ template "__edgealert_spaced_lists" . }}
{{- end }}

{{- define "telegram.default.message" -}}
  {{ "\\n" }}{{ template "__edgealert_spaced_lists" . }}
{{- end }}

{{- define "discord.default.title" }}{{ template "__subject" . }}{{ end }}
{{- define "discord.default.message" -}}
  {{ "\\n" }}{{ template "__edgealert_spaced_lists" . }}
{{- end }}

{{- define "webex.default.message" -}}
  {{ template "__edgealert_common_annotations" . }}{{ "\\n" }}{{ template "__edgealert_spaced_lists" . }}
{{- end }}
`;

const EMAIL = `
{{- define "email.default.subject" }}{{ template "__subject" . }}{{ end }}
${EMAIL_HTML_TEMPLATE}
`;

/** The default templates as one source, parsed before the user's files. */
export const DEFAULT_TEMPLATES: string = [COMMON, SLACK, PAGERDUTY, OTHERS, EMAIL].join('');
