/**
 * What Alertmanager 0.25 renders for each templated field an integration's
 * config leaves out (config/notifiers.go), for the integrations edgealert
 * delivers to. Integrations render these with renderOrFallback.
 */

/** slack_configs defaults (DefaultSlackConfig). */
export const SLACK_FIELD_DEFAULTS = {
  color: '{{ if eq .Status "firing" }}danger{{ else }}good{{ end }}',
  username: '{{ template "slack.default.username" . }}',
  title: '{{ template "slack.default.title" . }}',
  titleLink: '{{ template "slack.default.titlelink" . }}',
  iconEmoji: '{{ template "slack.default.iconemoji" . }}',
  iconURL: '{{ template "slack.default.iconurl" . }}',
  pretext: '{{ template "slack.default.pretext" . }}',
  text: '{{ template "slack.default.text" . }}',
  fallback: '{{ template "slack.default.fallback" . }}',
  callbackID: '{{ template "slack.default.callbackid" . }}',
  footer: '{{ template "slack.default.footer" . }}',
} as const;

/** pagerduty_configs defaults (DefaultPagerdutyConfig, DefaultPagerdutyDetails). */
export const PAGERDUTY_FIELD_DEFAULTS = {
  description: '{{ template "pagerduty.default.description" .}}',
  client: '{{ template "pagerduty.default.client" . }}',
  clientURL: '{{ template "pagerduty.default.clientURL" . }}',
  details: {
    firing: '{{ template "pagerduty.default.instances" .Alerts.Firing }}',
    resolved: '{{ template "pagerduty.default.instances" .Alerts.Resolved }}',
    num_firing: '{{ .Alerts.Firing | len }}',
    num_resolved: '{{ .Alerts.Resolved | len }}',
  },
} as const;

/** email_configs defaults (DefaultEmailConfig, DefaultEmailSubject): no text part by default. */
export const EMAIL_FIELD_DEFAULTS = {
  subject: '{{ template "email.default.subject" . }}',
  html: '{{ template "email.default.html" . }}',
  text: '',
} as const;
