/**
 * Notification templates, Alertmanager 0.25 against edgealert's renderer:
 * the real Alertmanager runs a Slack receiver whose every field is a
 * template (Alertmanager's defaults, and the realistic custom templates of
 * a `templates:` file: define blocks, range over .Alerts.Firing,
 * SortedPairs, printf, whitespace trimming, the string and regexp
 * functions), an email receiver (default subject and HTML, a custom text
 * part) and a webhook receiver. The webhook body gives the data the
 * notification was rendered from; edgealert renders the same templates
 * from it and must produce every field byte for byte.
 *
 * Scenarios: a group going firing -> partly resolved -> resolved; a
 * receiver name with regex metacharacters and an alert without annotations
 * or source; a group without group labels.
 *
 * `UPDATE_TEMPLATE_GOLDEN=1` rewrites
 * src/template/alertmanager/testdata/golden-recorded.json from this run, so
 * the unit suite checks the same outputs without Alertmanager.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseTime, ZERO_TIME } from '../../src/alert/time.js';
import type { Notification } from '../../src/notify/notification.js';
import { loadTemplates, renderOrFallback, templateData } from '../../src/template/alertmanager/index.js';
import {
  CUSTOM_TEMPLATES,
  EMAIL_OUTPUTS,
  goldenOutputs,
  SLACK_FIELD_OUTPUTS,
  SLACK_OUTPUTS,
} from '../../src/template/alertmanager/testdata/golden-templates.js';
import { alertmanagerAvailable, startAlertmanager } from './harness/alertmanager.js';
import { startCaptureServer, type CapturedRequest, type CaptureServer } from './harness/capture-server.js';
import type { RunningPeer } from './harness/peer-process.js';
import { pushAlerts, type AlertToPush } from './harness/push-alerts.js';
import { decodeMimeHeader, startSmtpCapture, type CapturedMail, type SmtpCapture } from './harness/smtp-capture.js';

const EXTERNAL_URL = 'http://am.example:9093/alertmanager';
const SCENARIOS = ['lifecycle', 'quoted', 'ungrouped'] as const;
type Scenario = (typeof SCENARIOS)[number];

/** One notification: the data it was rendered from and what Alertmanager rendered. */
export interface GoldenCase {
  readonly name: string;
  readonly externalURL: string;
  readonly notification: Notification;
  readonly outputs: Record<string, string>;
}

const yamlString = (s: string): string => JSON.stringify(s);

function receiverYaml(name: string, scenario: Scenario, capture: CaptureServer, smtpPort: number): string {
  const slackFields = Object.entries(SLACK_OUTPUTS)
    .filter(([field]) => field !== 'username' && field !== 'color') // left to Alertmanager's defaults
    .map(([field, text]) => `        ${field}: ${yamlString(text)}`);
  const fields = SLACK_FIELD_OUTPUTS.map(([title, value]) => `          - { title: ${yamlString(title)}, value: ${yamlString(value)} }`);
  return [
    `  - name: ${yamlString(name)}`,
    `    webhook_configs: [{ url: ${yamlString(capture.url(`/hook/${scenario}`))} }]`,
    '    slack_configs:',
    `      - api_url: ${yamlString(capture.url(`/slack/${scenario}`))}`,
    '        send_resolved: true',
    ...slackFields,
    '        fields:',
    ...fields,
    '    email_configs:',
    `      - to: ${scenario}@example.com`,
    '        from: alertmanager@example.com',
    `        smarthost: 127.0.0.1:${smtpPort}`,
    '        require_tls: false',
    '        send_resolved: true',
    `        text: ${yamlString(EMAIL_OUTPUTS.text)}`,
  ].join('\n');
}

function config(templatesDir: string, capture: CaptureServer, smtpPort: number): string {
  return `
templates: [${yamlString(`${templatesDir}/*.tmpl`)}]
route:
  receiver: blackhole
  # Longer than the alerts' age (startsAt is 1-2 s ago): otherwise Alertmanager flushes the
  # first alert of a batch at once and races the rest of the batch joining the group.
  group_wait: 3s
  group_interval: 2s
  repeat_interval: 1h
  routes:
    - { matchers: [scenario="lifecycle"], receiver: lifecycle, group_by: [alertname] }
    - { matchers: [scenario="quoted"], receiver: "team.x+y (ops)", group_by: [alertname, cluster] }
    - { matchers: [scenario="ungrouped"], receiver: ungrouped }
receivers:
  - name: blackhole
${receiverYaml('lifecycle', 'lifecycle', capture, smtpPort)}
${receiverYaml('team.x+y (ops)', 'quoted', capture, smtpPort)}
${receiverYaml('ungrouped', 'ungrouped', capture, smtpPort)}
`;
}

/** An ISO time `secondsAgo` before now with the given millisecond digits (Go prints .670 as .67, .000 not at all). */
const recent = (secondsAgo: number, millis: number): string => {
  const t = new Date(Date.now() - secondsAgo * 1000);
  t.setUTCMilliseconds(millis);
  return t.toISOString();
};

function lifecycleAlerts(): AlertToPush[] {
  const common = { alertname: 'DiskFull', job: 'node', scenario: 'lifecycle', team: 'storage' };
  return [
    {
      labels: { ...common, instance: 'db-1:9100', severity: 'critical' },
      annotations: {
        summary: 'Disk <b>/var</b> is 97% full & "rising" +3%/h',
        description: 'Only 1.2 GiB left on /var (été ✓).\nCleanup: `du -sh /var/*`',
        runbook: 'https://runbooks.example/disk-full?alert=DiskFull&sev=critical',
      },
      startsAt: recent(1, 670),
      generatorURL: 'http://prometheus:9090/graph?g0.expr=node_filesystem_avail_bytes%3C1e9&g0.tab=1',
    },
    {
      labels: { ...common, instance: 'db-2:9100', severity: 'warning' },
      annotations: { summary: 'Disk /var is 91% full', runbook: 'https://runbooks.example/disk-full?alert=DiskFull&sev=critical' },
      startsAt: recent(1, 0),
      generatorURL: 'http://prometheus:9090/graph?g0.expr=x&g0.tab=1',
    },
  ];
}

function quotedAlerts(): AlertToPush[] {
  return [{ labels: { alertname: 'Replication lag', cluster: 'eu-1', scenario: 'quoted', instance: 'pg-3', env: 'prod' }, startsAt: recent(1, 5) }];
}

function ungroupedAlerts(): AlertToPush[] {
  return [
    { labels: { alertname: 'HighLatency', scenario: 'ungrouped', service: 'api', instance: 'a' }, annotations: { summary: 'p99 > 1s' }, startsAt: recent(1, 120) },
    { labels: { alertname: 'ErrorRate', scenario: 'ungrouped', service: 'api', instance: 'b' }, annotations: { summary: '5xx > 2%' }, startsAt: recent(1, 999) },
  ];
}

/** Go's regexp.QuoteMeta undone: the webhook's receiver is the quoted name. */
const unquoteMeta = (s: string): string => s.replace(/\\(.)/g, '$1');

interface WebhookAlert {
  status: 'firing' | 'resolved';
  labels: Record<string, string>;
  annotations: Record<string, string>;
  startsAt: string;
  endsAt: string;
  generatorURL: string;
  fingerprint: string;
}
interface WebhookBody {
  receiver: string;
  groupKey: string;
  groupLabels: Record<string, string>;
  externalURL: string;
  alerts: WebhookAlert[];
}

function time(text: string): number {
  const t = parseTime(text);
  if (t === null) throw new Error(`bad time ${text}`);
  return t;
}

/** The notification a webhook body describes, as edgealert's flush would hand it over. */
function notificationOf(body: WebhookBody): Notification {
  return {
    receiver: unquoteMeta(body.receiver),
    groupKey: body.groupKey,
    groupLabels: body.groupLabels,
    alerts: body.alerts.map((a) => ({
      status: a.status,
      labels: a.labels,
      annotations: a.annotations,
      startsAt: time(a.startsAt),
      endsAt: a.status === 'firing' || time(a.endsAt) === ZERO_TIME ? null : time(a.endsAt),
      generatorURL: a.generatorURL,
      fingerprint: a.fingerprint,
      updatedAt: 0,
    })),
  };
}

interface SlackAttachment extends Record<string, unknown> {
  fields?: { title: string; value?: string }[];
}

/** Alertmanager's rendering of every golden output, from one Slack request and one mail. */
function alertmanagerOutputs(slack: CapturedRequest, mail: CapturedMail): Record<string, string> {
  const body = slack.body as { username?: string; attachments: SlackAttachment[] };
  const attachment = body.attachments[0] as SlackAttachment;
  const outputs: Record<string, string> = {};
  for (const field of Object.keys(SLACK_OUTPUTS)) {
    const value = field === 'username' ? body.username : attachment[field];
    outputs[`slack.${field}`] = typeof value === 'string' ? value : ''; // empty fields are omitted
  }
  for (const f of attachment.fields ?? []) outputs[`slack.fields.${f.title}`] = f.value ?? ''; // an empty value is omitted
  // Go's quoted-printable writer sends every \n as \r\n.
  const part = (type: string): string => (mail.parts.find((p) => p.contentType.startsWith(type))?.body ?? '').replace(/\r\n/g, '\n');
  outputs['email.subject'] = decodeMimeHeader(mail.headers.subject ?? '');
  outputs['email.html'] = part('text/html');
  outputs['email.text'] = part('text/plain');
  return outputs;
}

async function waitForCount(what: () => number, count: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (what() < count) {
    if (Date.now() > deadline) throw new Error(`expected ${count}, got ${what()} within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe.skipIf(!(await alertmanagerAvailable()))('templates: Alertmanager 0.25 and edgealert render the same text', () => {
  let capture: CaptureServer;
  let smtp: SmtpCapture;
  let am: RunningPeer;
  let templatesDir: string;
  const cases: GoldenCase[] = [];

  beforeAll(async () => {
    capture = await startCaptureServer();
    smtp = await startSmtpCapture();
    templatesDir = await mkdtemp(join(tmpdir(), 'edgealert-templates-'));
    await writeFile(join(templatesDir, 'custom.tmpl'), CUSTOM_TEMPLATES);
    am = await startAlertmanager(config(templatesDir, capture, smtp.port), {
      extraArgs: [`--web.external-url=${EXTERNAL_URL}`, '--web.route-prefix=/'],
    });
  });

  afterAll(async () => {
    await am?.stop();
    await smtp?.close();
    await capture?.close();
    if (templatesDir) await rm(templatesDir, { recursive: true, force: true });
    if (process.env.UPDATE_TEMPLATE_GOLDEN === '1' && cases.length > 0) await writeGolden(cases);
  });

  const sent = (scenario: Scenario) => ({
    hooks: () => capture.requests.filter((r) => r.path === `/hook/${scenario}`),
    slacks: () => capture.requests.filter((r) => r.path === `/slack/${scenario}`),
    mails: () => smtp.messages.filter((m) => m.to.includes(`${scenario}@example.com`)),
  });

  async function notified(scenario: Scenario, count: number): Promise<void> {
    const s = sent(scenario);
    await waitForCount(() => Math.min(s.hooks().length, s.slacks().length, s.mails().length), count, 10_000);
  }

  it('sends the firing, partly resolved and resolved notifications of the three scenarios', async () => {
    const lifecycle = lifecycleAlerts();
    const pushed = await Promise.all([pushAlerts(am, lifecycle), pushAlerts(am, quotedAlerts()), pushAlerts(am, ungroupedAlerts())]);
    expect(pushed.map((p) => p.status)).toEqual([200, 200, 200]);
    await Promise.all([notified('lifecycle', 1), notified('quoted', 1), notified('ungrouped', 1)]);
    const resolve = (alert: AlertToPush): AlertToPush => ({ ...alert, endsAt: 'resolved' });
    expect((await pushAlerts(am, [resolve(lifecycle[0] as AlertToPush)])).status).toBe(200);
    await notified('lifecycle', 2);
    expect((await pushAlerts(am, [resolve(lifecycle[1] as AlertToPush)])).status).toBe(200);
    await notified('lifecycle', 3);

    for (const scenario of SCENARIOS) {
      const s = sent(scenario);
      s.hooks().forEach((hook, i) => {
        const body = hook.body as WebhookBody;
        cases.push({
          name: `${scenario} #${i + 1} (${body.alerts.map((a) => a.status).join(', ')})`,
          externalURL: body.externalURL,
          notification: notificationOf(body),
          outputs: alertmanagerOutputs(s.slacks()[i] as CapturedRequest, s.mails()[i] as CapturedMail),
        });
      });
    }
    expect(cases.map((c) => c.name)).toEqual([
      'lifecycle #1 (firing, firing)',
      'lifecycle #2 (resolved, firing)',
      'lifecycle #3 (resolved)', // db-1's resolve was sent with #2, so it left the group
      'quoted #1 (firing)',
      'ungrouped #1 (firing, firing)',
    ]);
  });

  it('renders every output as Alertmanager did, byte for byte', () => {
    expect(cases.length).toBeGreaterThan(0);
    const set = loadTemplates([{ name: 'templates/custom.tmpl', text: CUSTOM_TEMPLATES }]);
    if (!set.ok) throw new Error(set.error.map((e) => e.message).join('\n'));
    const outputs = goldenOutputs();
    for (const c of cases) {
      const data = templateData(c.notification, { externalURL: c.externalURL });
      for (const [key, text] of Object.entries(outputs)) {
        expect(renderOrFallback(set.value, text, data).text, `${c.name}: ${key}`).toBe(c.outputs[key]);
      }
    }
  });
});

async function writeGolden(cases: readonly GoldenCase[]): Promise<void> {
  const file = new URL('../../src/template/alertmanager/testdata/golden-recorded.json', import.meta.url);
  await writeFile(file, `${JSON.stringify(cases, null, 2)}\n`);
}
