/**
 * Email, the real Alertmanager 0.25 against edgealert (wrangler dev, so
 * SMTP goes through the Worker's `cloudflare:sockets`), each delivering to
 * its own real SMTP server (npm smtp-server, test/support/smtp-sink.ts):
 *
 * - the MIME message: same config, same alerts, the messages compared byte
 *   for byte once the Message-Id, Date and boundary are taken out and the
 *   headers sorted (Go writes them in random order); Alertmanager's are
 *   also the golden files of src/notify/email/testdata (re-record them with
 *   EDGEALERT_RECORD_GOLDEN=1);
 * - STARTTLS with certificate verification and AUTH CRAM-MD5 / PLAIN: the
 *   Worker trusts the test CA through NODE_EXTRA_CA_CERTS (Miniflare adds
 *   it to workerd's trust store), Alertmanager through tls_config.ca_file;
 *   without it workerd refuses the certificate and nothing is sent;
 * - TLS from the first byte on port 465;
 * - what is retried: a 4xx reply is retried until it goes through, a 5xx is
 *   not, and both are counted with their reason; no credential in any
 *   output.
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { normalizeMail } from '../../src/notify/email/testing/normalize-mail.js';
import {
  DEFAULTS_ALERT,
  GOLDEN_EXTERNAL_URL,
  GOLDEN_FILES,
  goldenConfig,
  MAIL_ALERTS,
  type GoldenAlert,
} from '../../src/notify/email/testdata/golden-scenario.js';
import { startSmtpSink, TEST_CA_FILE, type ReceivedMail, type SmtpSink } from '../support/smtp-sink.js';
import { alertmanagerAvailable, startAlertmanager } from './harness/alertmanager.js';
import { startEdgealert } from './harness/edgealert.js';
import type { RunningPeer } from './harness/peer-process.js';
import { pushAlerts, type AlertToPush } from './harness/push-alerts.js';

const AVAILABLE = await alertmanagerAvailable();
const RECORD = process.env.EDGEALERT_RECORD_GOLDEN === '1';
const goldenPath = (file: string): string => fileURLToPath(new URL(`../../src/notify/email/testdata/${file}`, import.meta.url));

interface Peers {
  readonly am: RunningPeer;
  readonly edge: RunningPeer;
  readonly amSink: SmtpSink;
  readonly edgeSink: SmtpSink;
}

async function stopAll(peers: Partial<Peers> | undefined): Promise<void> {
  await Promise.all([peers?.am?.stop(), peers?.edge?.stop(), peers?.amSink?.close(), peers?.edgeSink?.close()]);
}

const pushed = (alert: GoldenAlert, endsAt: AlertToPush['endsAt']): AlertToPush => ({ ...alert, startsAt: 'now-1m', endsAt });

/** The mail whose envelope goes to `to` (first recipient). */
function mailTo(sink: SmtpSink, to: string, nth = 0): ReceivedMail {
  const found = sink.mails.filter((m) => m.envelopeTo[0] === to)[nth];
  if (!found) throw new Error(`no mail #${nth} to ${to}; got ${sink.mails.map((m) => m.envelopeTo.join(',')).join(' | ')}`);
  return found;
}

function expectSameMail(am: ReceivedMail, edge: ReceivedMail): void {
  expect({ from: edge.envelopeFrom, to: edge.envelopeTo, params: edge.mailParams, hello: edge.hello }).toEqual({
    from: am.envelopeFrom,
    to: am.envelopeTo,
    params: am.mailParams,
    hello: am.hello,
  });
  const [a, e] = [normalizeMail(am.raw), normalizeMail(edge.raw)];
  expect(e.headers).toEqual(a.headers);
  expect(e.body).toBe(a.body);
}

function checkGolden(file: string, am: ReceivedMail): void {
  const path = goldenPath(file);
  if (RECORD) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, am.raw);
    return;
  }
  const golden = normalizeMail(readFileSync(path, 'utf8'));
  const live = normalizeMail(am.raw);
  expect(live.headers).toEqual(golden.headers);
  expect(live.body).toBe(golden.body);
}

describe.skipIf(!AVAILABLE)('email MIME: Alertmanager 0.25 and edgealert, same config and alerts', () => {
  let peers: Peers | undefined;

  beforeAll(async () => {
    const [amSink, edgeSink] = await Promise.all([startSmtpSink({ tls: 'none' }), startSmtpSink({ tls: 'none' })]);
    const [am, edge] = await Promise.all([
      startAlertmanager(goldenConfig(`127.0.0.1:${amSink.port}`), { extraArgs: [`--web.external-url=${GOLDEN_EXTERNAL_URL}`, '--web.route-prefix=/'] }),
      startEdgealert(goldenConfig(`127.0.0.1:${edgeSink.port}`), { externalUrl: GOLDEN_EXTERNAL_URL }),
    ]);
    peers = { am, edge, amSink, edgeSink };
  });
  afterAll(() => stopAll(peers));

  it('sends the same firing messages: custom subject and headers, text and HTML parts, two recipients; and all defaults', async () => {
    const { am, edge, amSink, edgeSink } = peers as Peers;
    const alerts = [...MAIL_ALERTS.map((a) => pushed(a, 'now+1h')), pushed(DEFAULTS_ALERT, 'now+1h')];
    const now = Date.now();
    await Promise.all([pushAlerts(am, alerts, now), pushAlerts(edge, alerts, now)]);
    await Promise.all([amSink.waitForMails(2, 20_000), edgeSink.waitForMails(2, 20_000)]);

    const [amFiring, edgeFiring] = [mailTo(amSink, 'ops@example.com'), mailTo(edgeSink, 'ops@example.com')];
    expectSameMail(amFiring, edgeFiring);
    expect(edgeFiring.envelopeTo).toEqual(['ops@example.com', 'dba@example.com']);
    expect(edgeFiring.parsed.subject).toBe('[FIRING] DiskFull sur dépôt – dépassé, un sujet assez long pour plusieurs mots encodés');
    expect(edgeFiring.parsed.text).toContain(' - summary = <b>disk</b> & "full" +1 = 100%');
    expect(edgeFiring.parsed.html).toContain('&lt;b&gt;disk&lt;/b&gt; &amp; &#34;full&#34; &#43;1 = 100%');
    checkGolden(GOLDEN_FILES.firing, amFiring);

    const [amDefaults, edgeDefaults] = [mailTo(amSink, 'defaults@example.com'), mailTo(edgeSink, 'defaults@example.com')];
    expectSameMail(amDefaults, edgeDefaults);
    expect(edgeDefaults.parsed.text).toBeUndefined(); // the default text template is empty: HTML only
    checkGolden(GOLDEN_FILES.defaults, amDefaults);
  });

  it('sends the same resolved message (send_resolved: true)', async () => {
    const { am, edge, amSink, edgeSink } = peers as Peers;
    const alerts = MAIL_ALERTS.map((a) => pushed(a, 'resolved'));
    const now = Date.now();
    await Promise.all([pushAlerts(am, alerts, now), pushAlerts(edge, alerts, now)]);
    await Promise.all([amSink.waitForMails(3, 20_000), edgeSink.waitForMails(3, 20_000)]);
    const [amResolved, edgeResolved] = [mailTo(amSink, 'ops@example.com', 1), mailTo(edgeSink, 'ops@example.com', 1)];
    expectSameMail(amResolved, edgeResolved);
    expect(edgeResolved.parsed.subject).toMatch(/^\[RESOLVED\] DiskFull/);
    checkGolden(GOLDEN_FILES.resolved, amResolved);
  });
});

const SMTP_USER = 'alerts';
const SMTP_PASSWORD = 'pl4in-passw0rd-never-logged';

/** Two receivers: `cram` has a CRAM-MD5 secret (chosen: the server lists it first), `plain` only a password. */
function authConfig(port: number, peer: 'am' | 'edge', security: string): string {
  const credential = (field: 'auth_secret' | 'auth_password'): string =>
    peer === 'am' ? `${field}: ${SMTP_PASSWORD}` : `${field}: \${${field === 'auth_secret' ? 'SMTP_SECRET' : 'SMTP_PASSWORD'}}`;
  const entry = (to: string, field: 'auth_secret' | 'auth_password'): string => `
      - to: ${to}
        from: am@example.com
        smarthost: 127.0.0.1:${port}
        auth_username: ${SMTP_USER}
        ${credential(field)}
${security}`;
  return `
route:
  receiver: cram
  group_by: [alertname]
  group_wait: 1s
  group_interval: 2s
  routes: [{ matchers: [mech="plain"], receiver: plain }]
receivers:
  - name: cram
    email_configs:${entry('cram@example.com', 'auth_secret')}
  - name: plain
    email_configs:${entry('plain@example.com', 'auth_password')}
`;
}

const EDGE_SECRETS = { SMTP_PASSWORD, SMTP_SECRET: SMTP_PASSWORD };
const EDGE_ENV = { NODE_EXTRA_CA_CERTS: TEST_CA_FILE };
const AUTH = { username: SMTP_USER, password: SMTP_PASSWORD, methods: ['CRAM-MD5', 'PLAIN', 'LOGIN'] as const };

async function deliverBoth(peers: Peers): Promise<void> {
  const alerts: AlertToPush[] = [
    { labels: { alertname: 'ViaCram', mech: 'cram' }, startsAt: 'now-1m', endsAt: 'now+1h' },
    { labels: { alertname: 'ViaPlain', mech: 'plain' }, startsAt: 'now-1m', endsAt: 'now+1h' },
  ];
  await Promise.all([pushAlerts(peers.am, alerts), pushAlerts(peers.edge, alerts)]);
  await Promise.all([peers.amSink.waitForMails(2, 20_000), peers.edgeSink.waitForMails(2, 20_000)]);
}

describe.skipIf(!AVAILABLE)('email over STARTTLS with AUTH, through the Worker\'s cloudflare:sockets', () => {
  let peers: Peers | undefined;

  beforeAll(async () => {
    const [amSink, edgeSink] = await Promise.all([startSmtpSink({ tls: 'starttls', auth: AUTH }), startSmtpSink({ tls: 'starttls', auth: AUTH })]);
    const amTls = `        tls_config: { ca_file: ${TEST_CA_FILE} }`;
    const [am, edge] = await Promise.all([
      startAlertmanager(authConfig(amSink.port, 'am', amTls)),
      startEdgealert(authConfig(edgeSink.port, 'edge', ''), { secrets: EDGE_SECRETS, env: EDGE_ENV }),
    ]);
    peers = { am, edge, amSink, edgeSink };
  });
  afterAll(() => stopAll(peers));

  it('upgrades with STARTTLS, verifies the certificate, and authenticates with the mechanism Alertmanager picks', async () => {
    await deliverBoth(peers as Peers);
    for (const sink of [peers?.amSink, peers?.edgeSink] as SmtpSink[]) {
      expect(mailTo(sink, 'cram@example.com')).toMatchObject({ secure: true, authMethod: 'CRAM-MD5', username: SMTP_USER, hello: 'localhost' });
      expect(mailTo(sink, 'plain@example.com')).toMatchObject({ secure: true, authMethod: 'PLAIN', username: SMTP_USER, hello: 'localhost' });
    }
  });

  it('refuses a certificate workerd does not trust (no NODE_EXTRA_CA_CERTS): nothing sent, counted as networkError', async () => {
    const { edgeSink } = peers as Peers;
    const untrusting = await startEdgealert(authConfig(edgeSink.port, 'edge', ''), { secrets: EDGE_SECRETS });
    try {
      const before = edgeSink.mails.length;
      await pushAlerts(untrusting, [{ labels: { alertname: 'Untrusted', mech: 'plain' }, startsAt: 'now-1m', endsAt: 'now+1h' }]);
      await new Promise((r) => setTimeout(r, 4_000));
      expect(edgeSink.mails.length).toBe(before);
      const metrics = await (await fetch(`${untrusting.url}/metrics`)).text();
      expect(metrics).toMatch(/alertmanager_notifications_failed_total\{[^}]*integration="email"[^}]*reason="networkError"[^}]*\} [1-9]/);
    } finally {
      await untrusting.stop();
    }
  });

  it('keeps the password out of /api/v2/status, /metrics and its own logs', async () => {
    const { edge } = peers as Peers;
    const status = await (await fetch(`${edge.url}/api/v2/status`)).text();
    const metrics = await (await fetch(`${edge.url}/metrics`)).text();
    expect(status).toContain('auth_password: <secret>');
    for (const output of [status, metrics, edge.logs()]) expect(output).not.toContain(SMTP_PASSWORD);
  });
});

async function canListenOn(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}

describe.skipIf(!AVAILABLE || !(await canListenOn(465)))('email over TLS from the first byte (port 465)', () => {
  let peers: { -readonly [K in keyof Peers]?: Peers[K] } | undefined;

  afterAll(() => stopAll(peers));

  it('connects with TLS on port 465; edgealert needs no STARTTLS inside it, Alertmanager needs require_tls: false', async () => {
    const sink = await startSmtpSink({ tls: 'implicit', port: 465, auth: { ...AUTH, methods: ['PLAIN'] } });
    peers = { amSink: sink };
    const amTls = `        require_tls: false\n        tls_config: { ca_file: ${TEST_CA_FILE} }`;
    const config = (peer: 'am' | 'edge', security: string) => authConfig(465, peer, security).replace(/cram@/g, `${peer}-cram@`).replace(/plain@/g, `${peer}-plain@`);
    peers.am = await startAlertmanager(config('am', amTls));
    peers.edge = await startEdgealert(config('edge', ''), { secrets: EDGE_SECRETS, env: EDGE_ENV });
    const alerts: AlertToPush[] = [{ labels: { alertname: 'ViaPlain', mech: 'plain' }, startsAt: 'now-1m', endsAt: 'now+1h' }];
    await Promise.all([pushAlerts(peers.am, alerts), pushAlerts(peers.edge, alerts)]);
    await sink.waitForMails(2, 20_000);
    expect(mailTo(sink, 'am-plain@example.com')).toMatchObject({ secure: true, authMethod: 'PLAIN' });
    expect(mailTo(sink, 'edge-plain@example.com')).toMatchObject({ secure: true, authMethod: 'PLAIN' });
  });
});

describe.skipIf(!AVAILABLE)('what edgealert retries (Alertmanager 0.25 retries every SMTP failure)', () => {
  let edge: RunningPeer | undefined;
  let sink: SmtpSink | undefined;

  beforeAll(async () => {
    sink = await startSmtpSink({ tls: 'none' });
    const entry = (to: string) => `    email_configs: [{ to: ${to}, from: am@example.com, smarthost: '127.0.0.1:${sink?.port}', require_tls: false }]`;
    edge = await startEdgealert(`
route:
  receiver: transient
  group_by: [alertname]
  group_wait: 1s
  group_interval: 1h
  routes: [{ matchers: [kind="permanent"], receiver: permanent }]
receivers:
  - name: transient
${entry('transient@example.com')}
  - name: permanent
${entry('permanent@example.com')}
`);
  });
  afterAll(async () => {
    await edge?.stop();
    await sink?.close();
  });

  it('retries a 451 until the server takes the message, gives up on a 550, and counts each failure with its reason', async () => {
    const server = sink as SmtpSink;
    server.refuseNext('rcpt', 451, 'try again later');
    await pushAlerts(edge as RunningPeer, [{ labels: { alertname: 'Transient' }, startsAt: 'now-1m', endsAt: 'now+1h' }]);
    const [delivered] = await server.waitForMails(1, 30_000);
    expect(delivered?.envelopeTo).toEqual(['transient@example.com']);

    server.refuseNext('rcpt', 550, 'no such user');
    await pushAlerts(edge as RunningPeer, [{ labels: { alertname: 'Permanent', kind: 'permanent' }, startsAt: 'now-1m', endsAt: 'now+1h' }]);
    await new Promise((r) => setTimeout(r, 8_000)); // several backoff periods: nothing more may arrive
    expect(server.mails).toHaveLength(1);

    const metrics = await (await fetch(`${(edge as RunningPeer).url}/metrics`)).text();
    expect(metrics).toMatch(/alertmanager_notifications_failed_total\{[^}]*integration="email"[^}]*reason="serverError"[^}]*\} 1/);
    expect(metrics).toMatch(/alertmanager_notifications_failed_total\{[^}]*integration="email"[^}]*reason="clientError"[^}]*\} 1/);
  });
});
