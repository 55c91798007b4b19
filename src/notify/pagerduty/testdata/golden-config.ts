/**
 * The config the PagerDuty golden file was captured with (see
 * test/conformance/pagerduty-golden.test.ts): one receiver per scenario,
 * each with a webhook (to learn what the notification held) next to its
 * PagerDuty config. `${CAPTURE}` is the capture server's base URL.
 * Alertmanager 0.25 posts v1 events to PagerDuty's fixed https address
 * whatever `url` says, so for it the v1 entry also gets an http_config
 * through a TLS-intercepting proxy (`v1Transport`); edgealert honours `url`.
 *
 * - v2-defaults: routing_key and url only; trigger, trigger, resolve.
 * - v2-every-field: every field templated, details overriding a default,
 *   an empty detail, images and links some of which are dropped, a summary
 *   over 1024 characters, source falling back to client.
 * - v2-oversize: an annotation of 600 kB: details replaced by Alertmanager's note.
 * - v1: service_key; trigger (with client fields) and resolve (without).
 */
export function pagerdutyGoldenConfig(v1Transport = ''): string {
  return `
route:
  receiver: blackhole
  group_wait: 1s
  group_interval: 2s
  repeat_interval: 1h
  routes:
    - { matchers: [scenario="v2-defaults"], receiver: v2-defaults, group_by: [alertname] }
    - { matchers: [scenario="v2-every-field"], receiver: "pager+ops", group_by: [alertname, cluster] }
    - { matchers: [scenario="v2-oversize"], receiver: v2-oversize, group_by: [alertname] }
    - { matchers: [scenario="v1"], receiver: v1, group_by: [alertname] }
receivers:
  - name: blackhole
  - name: v2-defaults
    webhook_configs: [{ url: "\${CAPTURE}/hook/v2-defaults" }]
    pagerduty_configs:
      - routing_key: \${PD_ROUTING_KEY}
        url: \${CAPTURE}/pd/v2-defaults
  - name: "pager+ops"
    webhook_configs: [{ url: "\${CAPTURE}/hook/v2-every-field" }]
    pagerduty_configs:
      - routing_key: \${PD_ROUTING_KEY}
        url: \${CAPTURE}/pd/v2-every-field
        client: 'edgealert <{{ .Receiver }}>'
        client_url: '{{ .ExternalURL }}/#/alerts?receiver={{ .Receiver | urlquery }}'
        description: '{{ range .Alerts }}{{ .Annotations.summary }} {{ end }}'
        severity: '{{ .CommonLabels.severity }}'
        class: 'latency & errors'
        component: '{{ .CommonLabels.service }}'
        group: '{{ .GroupLabels.cluster }}'
        source: ''
        details:
          firing: 'custom: {{ .Alerts.Firing | len }} firing'
          runbook: '{{ .CommonAnnotations.runbook }}'
          empty: ''
          Zebra: 'capitals sort first'
        images:
          - { src: '{{ .CommonAnnotations.graph }}', alt: 'graph of {{ .GroupLabels.alertname }}', href: '{{ .CommonAnnotations.dashboard }}' }
          - { src: '{{ .CommonAnnotations.nothing }}', alt: 'dropped: no src' }
        links:
          - { href: '{{ .CommonAnnotations.runbook }}', text: 'Runbook <{{ .GroupLabels.alertname }}>' }
          - { href: '', text: 'dropped: no href' }
          - { href: 'https://status.example.com/?a=1&b=2' }
  - name: v2-oversize
    webhook_configs: [{ url: "\${CAPTURE}/hook/v2-oversize" }]
    pagerduty_configs:
      - routing_key: \${PD_ROUTING_KEY}
        url: \${CAPTURE}/pd/v2-oversize
  - name: v1
    webhook_configs: [{ url: "\${CAPTURE}/hook/v1" }]
    pagerduty_configs:
      - service_key: \${PD_SERVICE_KEY}
        url: \${CAPTURE}/generic/2010-04-15/create_event.json
${v1Transport}`;
}

/** Fake keys (32 characters, as PagerDuty's); they are sent in the bodies. */
export const PAGERDUTY_GOLDEN_ENV = {
  CAPTURE: 'http://capture.test',
  PD_ROUTING_KEY: 'R0UT1NGKEYfedcba9876543210abcdef',
  PD_SERVICE_KEY: 'SERV1CEKEYfedcba9876543210abcdef',
} as const;
