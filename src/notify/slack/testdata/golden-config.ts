/**
 * The config the Slack golden file was captured with (see
 * test/conformance/slack-golden.test.ts): one receiver per scenario, each
 * with a webhook (to learn what the notification held) next to its Slack
 * config. `${CAPTURE}` is the capture server's base URL; the real
 * Alertmanager gets the same text with it substituted.
 *
 * - defaults: nothing but channel and send_resolved; api_url from global.
 * - every-field: every Slack field templated, a receiver name with regexp
 *   metacharacters, HTML and Unicode in annotations, fields (short set,
 *   unset, empty value) and both kinds of action.
 * - limits: a title over 1024 characters, fields written as "".
 */
export const SLACK_GOLDEN_CONFIG = `
global:
  slack_api_url: \${CAPTURE}/slack/defaults
route:
  receiver: blackhole
  group_wait: 1s
  group_interval: 2s
  repeat_interval: 1h
  routes:
    - { matchers: [scenario="defaults"], receiver: defaults, group_by: [alertname] }
    - { matchers: [scenario="every-field"], receiver: "ops.eu (chat)", group_by: [alertname, cluster] }
    - { matchers: [scenario="limits"], receiver: limits, group_by: [alertname] }
receivers:
  - name: blackhole
  - name: defaults
    webhook_configs: [{ url: "\${CAPTURE}/hook/defaults" }]
    slack_configs:
      - channel: '#alerts'
        send_resolved: true
  - name: "ops.eu (chat)"
    webhook_configs: [{ url: "\${CAPTURE}/hook/every-field" }]
    slack_configs:
      - api_url: \${CAPTURE}/slack/every-field
        send_resolved: true
        channel: '#ops-{{ .CommonLabels.cluster }}'
        username: 'alerts for {{ .Receiver }}'
        color: '{{ if eq .Status "firing" }}{{ if eq .CommonLabels.severity "critical" }}#d00000{{ else }}warning{{ end }}{{ else }}good{{ end }}'
        title: '{{ .Status | toUpper }}: {{ .GroupLabels.alertname }} in {{ .GroupLabels.cluster }}'
        title_link: '{{ .ExternalURL }}/#/alerts?receiver={{ .Receiver | urlquery }}'
        pretext: '{{ len .Alerts.Firing }} firing, {{ len .Alerts.Resolved }} resolved'
        text: |-
          {{ range .Alerts }}*{{ .Labels.instance }}* ({{ .Status }}): {{ .Annotations.summary }}
          {{ end }}
        fields:
          - { title: Severity, value: '{{ .CommonLabels.severity }}', short: true }
          - { title: Description, value: '{{ .CommonAnnotations.description }}', short: false }
          - { title: 'Runbook <{{ .GroupLabels.alertname }}>', value: '{{ .CommonAnnotations.runbook }}' }
          - { title: Empty, value: '{{ .CommonAnnotations.nothing }}' }
        short_fields: true
        footer: 'edgealert & Alertmanager'
        fallback: '{{ template "slack.default.fallback" . }}'
        callback_id: 'cb-{{ .GroupLabels.alertname }}'
        icon_emoji: ':fire:'
        icon_url: 'https://example.com/icon.png?a=1&b=<2>'
        image_url: '{{ .CommonAnnotations.graph }}'
        thumb_url: 'https://example.com/thumb.png'
        link_names: true
        mrkdwn_in: [text, title, fields]
        actions:
          - { type: button, text: 'Runbook for {{ .GroupLabels.alertname }}', url: '{{ .CommonAnnotations.runbook }}', style: primary, name: ignored, value: ignored }
          - type: button
            text: Silence
            name: silence
            value: '{{ .GroupLabels.alertname }}'
            style: danger
            confirm: { text: 'Silence {{ len .Alerts }} alerts?', title: 'Are you sure?', ok_text: 'Yes', dismiss_text: 'No' }
  - name: limits
    webhook_configs: [{ url: "\${CAPTURE}/hook/limits" }]
    slack_configs:
      - api_url: \${CAPTURE}/slack/limits
        title: '{{ range .Alerts }}{{ .Annotations.summary }}{{ end }}'
        username: ''
        text: ''
        color: ''
        footer: ''
        mrkdwn_in: []
`;

/** The secrets of the config when loaded by edgealert outside a capture (the URLs are not in the bodies). */
export const SLACK_GOLDEN_ENV = { CAPTURE: 'http://capture.test' } as const;
