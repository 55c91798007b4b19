/**
 * The config and alerts behind the golden emails in ./alertmanager-0.25/:
 * what the real Alertmanager 0.25 sent for them (recorded by
 * test/conformance/email.test.ts with EDGEALERT_RECORD_GOLDEN=1) is what
 * edgealert must send. Both the conformance test (which pushes these
 * alerts to both peers) and golden.test.ts (which renders them offline)
 * read this file.
 *
 * It exercises: a custom non-ASCII Subject long enough to need several
 * encoded-words, custom headers, a text part beside the default HTML,
 * quoted-printable soft breaks, `=`, trailing spaces and non-ASCII bodies,
 * HTML escaping, a display name and two recipients, a resolved mail
 * (send_resolved), and a receiver with every default.
 */

/** Where links point in both peers (Alertmanager's --web.external-url, edgealert's EXTERNAL_URL). */
export const GOLDEN_EXTERNAL_URL = 'http://am.example:9093';

/** The routing config, delivering to `smarthost`. */
export function goldenConfig(smarthost: string): string {
  return `
route:
  receiver: mail
  group_by: [alertname]
  group_wait: 1s
  group_interval: 2s
  repeat_interval: 1h
  routes:
    - matchers: [scenario="defaults"]
      receiver: defaults
receivers:
  - name: mail
    email_configs:
      - to: 'ops@example.com, "DB Team" <dba@example.com>'
        from: 'Alertmanager <am@example.com>'
        smarthost: ${smarthost}
        require_tls: false
        send_resolved: true
        text: '{{ template "__text_alert_list" .Alerts }}'
        headers:
          subject: '[{{ .Status | toUpper }}] {{ .CommonLabels.alertname }} sur {{ .CommonLabels.team }} – dépassé, un sujet assez long pour plusieurs mots encodés'
          X-Team: '{{ .CommonLabels.team }}'
          Reply-To: oncall@example.com
  - name: defaults
    email_configs:
      - to: defaults@example.com
        from: am@example.com
        smarthost: ${smarthost}
        require_tls: false
`;
}

/** An alert as pushed (times are set by whoever pushes). */
export interface GoldenAlert {
  readonly labels: Readonly<Record<string, string>>;
  readonly annotations: Readonly<Record<string, string>>;
  readonly generatorURL: string;
}

/** Two alerts of the `mail` receiver's group (alertname DiskFull). */
export const MAIL_ALERTS: readonly GoldenAlert[] = [
  {
    labels: { alertname: 'DiskFull', team: 'dépôt', instance: 'h1&"x"', severity: 'critical' },
    annotations: {
      summary: '<b>disk</b> & "full" +1 = 100%',
      description: `A line long enough to be folded by quoted-printable encoding, with ünïcödé and an = sign in it, ${'x'.repeat(40)}\nthen a trailing space \nand a tab\tend`,
    },
    generatorURL: 'http://prometheus:9090/graph?g0.expr=up%3D%3D0&g0.tab=1',
  },
  {
    labels: { alertname: 'DiskFull', team: 'dépôt', instance: 'h2', severity: 'warning' },
    annotations: { summary: 'second' },
    generatorURL: "javascript:alert('x')",
  },
];

/** The `defaults` receiver's one alert. */
export const DEFAULTS_ALERT: GoldenAlert = {
  labels: { alertname: 'Disk<Full>', scenario: 'defaults' },
  annotations: {},
  generatorURL: '',
};

/** The golden files, by what each holds. */
export const GOLDEN_FILES = {
  firing: 'alertmanager-0.25/firing.eml',
  resolved: 'alertmanager-0.25/resolved.eml',
  defaults: 'alertmanager-0.25/defaults.eml',
} as const;
