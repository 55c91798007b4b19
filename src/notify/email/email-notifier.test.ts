/**
 * The email integration end to end in Node, against a real SMTP server:
 * what each failure means for retrying, the send_email transport, and that
 * no credential reaches any output (outcome messages, config errors, the
 * redacted config, the message itself).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { startSmtpSink, TEST_CA, type SmtpSink, type SmtpSinkOptions } from '../../../test/support/smtp-sink.js';
import { formatConfigErrors, loadConfig } from '../../config/index.js';
import type { EmailIntegration } from '../../config/types.js';
import type { NotifyOutcome } from '../outcome.js';
import type { BindingMessage } from './email-io.js';
import { emailNotifier } from './email-notifier.js';
import { configOf, emailContext, emailIntegration, nodeEmailIO, notificationOf } from './testing/email-fixtures.js';
import { startScriptedServer, type ScriptedServer } from './testing/scripted-server.js';

const PASSWORD = 'Sup3r-s3cret-pw';
const SECRET = 'cram-md5-s3cret';
const ENV = { SMTP_PASSWORD: PASSWORD, SMTP_SECRET: SECRET, MAIL: {} };

let sink: SmtpSink | undefined;
let scripted: ScriptedServer | undefined;
afterEach(async () => {
  await sink?.close();
  await scripted?.close();
  sink = scripted = undefined;
});

const emailYaml = (entry: string, global = ''): string => `
${global}
route: { receiver: mail }
receivers:
  - name: mail
    email_configs:
      - ${entry}
`;

function integration(entry: string, global = ''): { config: EmailIntegration; templates: ReturnType<typeof configOf>['templates'] } {
  const config = configOf(emailYaml(entry, global), ENV);
  return { config: emailIntegration(config, 'mail'), templates: config.templates };
}

const NOTIFICATION = notificationOf('mail', { alertname: 'DiskFull' }, [{ labels: { alertname: 'DiskFull', instance: 'h1' } }]);

async function notify(entry: string, options: { ca?: string; timeoutMs?: number } = {}, global = ''): Promise<NotifyOutcome> {
  const { config, templates } = integration(entry, global);
  const io = nodeEmailIO({ ...(options.ca ? { ca: options.ca } : {}), ...(options.timeoutMs ? { smtpTimeoutMs: options.timeoutMs } : {}) });
  return emailNotifier(config, templates).notify(NOTIFICATION, emailContext(io));
}

async function sinkWith(options: SmtpSinkOptions): Promise<SmtpSink> {
  sink = await startSmtpSink(options);
  return sink;
}

const smtpEntry = (port: number, extra = ''): string =>
  `{ to: ops@example.com, from: am@example.com, smarthost: 'localhost:${port}', auth_username: alerts, auth_password: '\${SMTP_PASSWORD}'${extra} }`;

describe('retry classification', () => {
  it('sends, and reports success', async () => {
    const server = await sinkWith({ auth: { username: 'alerts', password: PASSWORD } });
    expect(await notify(smtpEntry(server.port), { ca: TEST_CA })).toEqual({ ok: true });
    expect(server.mails[0]).toMatchObject({ secure: true, authMethod: 'PLAIN', envelopeTo: ['ops@example.com'] });
  });

  it.each([
    ['rcpt', 451, true, 'serverError'],
    ['mail', 452, true, 'serverError'],
    ['data', 421, true, 'serverError'],
    ['rcpt', 550, false, 'clientError'],
    ['mail', 553, false, 'clientError'],
    ['data', 554, false, 'clientError'],
  ] as const)('a %s refused with %i: retry=%s, %s', async (stage, code, retry, reason) => {
    const server = await sinkWith({});
    server.refuseNext(stage, code);
    const entry = `{ to: ops@example.com, from: am@example.com, smarthost: 'localhost:${server.port}' }`;
    expect(await notify(entry, { ca: TEST_CA })).toMatchObject({ ok: false, retry, reason });
  });

  it('a refused login is final (535, clientError)', async () => {
    const server = await sinkWith({ auth: { username: 'alerts', password: 'other' } });
    expect(await notify(smtpEntry(server.port), { ca: TEST_CA })).toMatchObject({ ok: false, retry: false, reason: 'clientError', message: 'email: auth: 535 authentication failed' });
  });

  it('a server without STARTTLS while TLS is required is final (other)', async () => {
    const server = await sinkWith({ tls: 'none' });
    expect(await notify(smtpEntry(server.port), { ca: TEST_CA })).toMatchObject({ ok: false, retry: false, reason: 'other' });
  });

  it('an untrusted certificate is retried like any failed connection (networkError)', async () => {
    const server = await sinkWith({});
    expect(await notify(smtpEntry(server.port))).toMatchObject({ ok: false, retry: true, reason: 'networkError' });
  });

  it('a refused connection is retried (networkError)', async () => {
    const server = await sinkWith({});
    const port = server.port;
    await server.close();
    sink = undefined;
    expect(await notify(smtpEntry(port), { ca: TEST_CA })).toMatchObject({ ok: false, retry: true, reason: 'networkError', message: `email: connect: could not connect to localhost:${port}` });
  });

  it('a server that stops answering is retried (networkError)', async () => {
    scripted = await startScriptedServer('220 slow', () => undefined);
    expect(await notify(smtpEntry(scripted.port, ', require_tls: false'), { timeoutMs: 100 })).toMatchObject({ ok: false, retry: true, reason: 'networkError' });
  });

  it('a to template that renders no valid address is final, and nothing is sent', async () => {
    scripted = await startScriptedServer('220 x', () => '250 ok');
    const outcome = await notify(`{ to: '{{ .CommonLabels.instance }}', from: am@example.com, smarthost: 'localhost:${scripted.port}', require_tls: false }`);
    expect(outcome).toEqual({ ok: false, retry: false, reason: 'other', message: "email: parse 'to' addresses: mail: no angle-addr" });
    expect(scripted.received).toEqual([]);
  });

  it('still sends when a header template fails, with the error in its place (edgealert; Alertmanager drops the mail)', async () => {
    const server = await sinkWith({ tls: 'none' });
    const entry = `{ to: ops@example.com, from: am@example.com, smarthost: 'localhost:${server.port}', require_tls: false, headers: { Subject: '{{ .Nope }}' } }`;
    expect(await notify(entry)).toEqual({ ok: true });
    const [mail] = await server.waitForMails(1);
    expect(mail?.parsed.subject).toMatch(/^template error: template: :1:3: executing "" at <\.Nope>: can't evaluate field Nope/);
  });

  it('without an email runtime the notification fails for good', async () => {
    const { config, templates } = integration(smtpEntry(2525));
    expect(await emailNotifier(config, templates).notify(NOTIFICATION, emailContext(undefined))).toMatchObject({ ok: false, retry: false, reason: 'other' });
  });
});

describe('the send_email transport', () => {
  const bindingEntry = `{ to: 'ops@example.com, dba@example.com', from: 'Alertmanager <am@example.com>', transport: cloudflare, binding: MAIL }`;

  it('hands the binding one message per recipient, with the envelope sender and the full MIME text', async () => {
    const { config, templates } = integration(bindingEntry);
    const calls: [string, BindingMessage][] = [];
    const io = nodeEmailIO({ sendWithBinding: async (binding, message) => void calls.push([binding, message]) });
    expect(await emailNotifier(config, templates).notify(NOTIFICATION, emailContext(io))).toEqual({ ok: true });
    expect(calls.map(([binding, m]) => [binding, m.from, m.to])).toEqual([
      ['MAIL', 'am@example.com', 'ops@example.com'],
      ['MAIL', 'am@example.com', 'dba@example.com'],
    ]);
    expect(calls[0]?.[1].raw).toMatch(/^From: Alertmanager <am@example.com>\r\nTo: ops@example.com, dba@example.com\r\nSubject: \[FIRING:1\] DiskFull \(h1\)\r\nMessage-Id: <\d+\.\d+@example.com>\r\n/);
  });

  it('classifies what the binding throws', async () => {
    const { config, templates } = integration(bindingEntry);
    const io = nodeEmailIO({
      sendWithBinding: async () => {
        throw Object.assign(new Error('slow down'), { code: 'E_RATE_LIMIT_EXCEEDED' });
      },
    });
    expect(await emailNotifier(config, templates).notify(NOTIFICATION, emailContext(io))).toMatchObject({ ok: false, retry: true, reason: 'rateLimited' });
  });
});

describe('no secret in any output', () => {
  const echoing = (reply: (line: string) => string) => (line: string) => {
    if (line.startsWith('EHLO')) return '250-echo.test\r\n250 AUTH PLAIN LOGIN';
    if (line.startsWith('AUTH')) return reply(line);
    return '250 ok';
  };

  it.each([
    ['a server that quotes the AUTH PLAIN line back', (line: string) => `535 5.7.8 rejected: ${line}`],
    ['a server that quotes the password in clear', () => `535 5.7.8 password ${PASSWORD} is wrong`],
  ])('scrubs the outcome message of %s', async (_why, reply) => {
    scripted = await startScriptedServer('220 echo', echoing(reply));
    const outcome = await notify(smtpEntry(scripted.port, ', require_tls: false'));
    expect(outcome).toMatchObject({ ok: false, retry: false, reason: 'clientError' });
    const message = outcome.ok ? '' : outcome.message;
    expect(message).toContain('<secret>');
    for (const leaked of [PASSWORD, btoa(`\0alerts\0${PASSWORD}`), btoa(PASSWORD)]) expect(message).not.toContain(leaked);
  });

  it('keeps credentials out of the redacted config and of config errors', () => {
    const yaml = emailYaml(`{ to: ops@example.com, from: am@example.com, smarthost: 'mail.example.com:25', auth_username: alerts, auth_password: '\${SMTP_PASSWORD}', auth_secret: '\${SMTP_SECRET}' }`);
    const loaded = loadConfig(yaml, ENV);
    expect(loaded.ok).toBe(false);
    const printed = loaded.ok ? '' : formatConfigErrors(loaded.error);
    expect(printed).toContain('port 25 is blocked');
    const fixed = configOf(yaml.replace(':25', ':587'), ENV);
    for (const output of [printed, fixed.redactedOriginal]) {
      expect(output).not.toContain(PASSWORD);
      expect(output).not.toContain(SECRET);
    }
  });

  it('never echoes a credential written in the config when refusing it', () => {
    const loaded = loadConfig(emailYaml(`{ to: ops@example.com, from: am@example.com, smarthost: 'mail.example.com:587', auth_password: literal-pw-123 }`), {});
    const printed = loaded.ok ? '' : formatConfigErrors(loaded.error);
    expect(printed).toContain('receivers[0].email_configs[0].auth_password: a credential must not be written in the config');
    expect(printed).not.toContain('literal-pw-123');
  });

  it('puts no credential in the message it sends', async () => {
    const server = await sinkWith({ auth: { username: 'alerts', password: PASSWORD } });
    await notify(smtpEntry(server.port, `, headers: { X-Auth: '{{ .CommonLabels.instance }}' }`), { ca: TEST_CA });
    const [mail] = await server.waitForMails(1);
    expect(mail?.raw).not.toContain(PASSWORD);
    expect(mail?.raw).not.toContain(btoa(PASSWORD));
  });
});
