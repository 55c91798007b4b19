/**
 * The SMTP conversation against a real SMTP server (npm smtp-server, see
 * test/support/smtp-sink.ts) over node:net/node:tls: STARTTLS and TLS from
 * the start with a certificate from a test CA, AUTH PLAIN, LOGIN and
 * CRAM-MD5, refusals at each stage; and against a scripted server for the
 * protocol corners a real server does not produce.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { startSmtpSink, TEST_CA, type SmtpSink, type SmtpSinkOptions } from '../../../../test/support/smtp-sink.js';
import { nodeSmtpConnect } from '../node-socket.js';
import { acceptingServer, startScriptedServer, type ScriptedServer } from '../testing/scripted-server.js';
import type { SmtpCredentials } from './auth.js';
import { dotStuff, sendMail, type SmtpRequest } from './client.js';
import type { SmtpSecurity } from './stream.js';

const NO_AUTH: SmtpCredentials = { username: '', password: '', secret: '', identity: '' };
const USER: SmtpCredentials = { username: 'alerts', password: 'pa55-w0rd', secret: 'cram-s3cret', identity: '' };
const MESSAGE = 'From: am@example.com\r\nTo: ops@example.com\r\nSubject: hi\r\n\r\nbody\r\n.leading dot\r\n';

const trusted = nodeSmtpConnect({ ca: TEST_CA });

let sink: SmtpSink | undefined;
let scripted: ScriptedServer | undefined;
afterEach(async () => {
  await sink?.close();
  await scripted?.close();
  sink = undefined;
  scripted = undefined;
});

async function sinkWith(options: SmtpSinkOptions): Promise<SmtpSink> {
  sink = await startSmtpSink(options);
  return sink;
}

function request(port: number, overrides: Partial<SmtpRequest> & { security?: SmtpSecurity; host?: string } = {}): SmtpRequest {
  const { security = 'starttls', host = 'localhost', ...rest } = overrides;
  return {
    endpoint: { host, port, security },
    hello: 'localhost',
    requireTls: security === 'starttls',
    credentials: NO_AUTH,
    from: 'am@example.com',
    to: ['ops@example.com', 'dba@example.com'],
    message: MESSAGE,
    ...rest,
  };
}

describe('sendMail against smtp-server', () => {
  it.each(['PLAIN', 'LOGIN', 'CRAM-MD5'] as const)('upgrades with STARTTLS, then authenticates with %s', async (method) => {
    const server = await sinkWith({ auth: { username: 'alerts', password: method === 'CRAM-MD5' ? USER.secret : USER.password, methods: [method] } });
    const result = await sendMail(trusted, request(server.port, { credentials: USER }));
    expect(result).toEqual({ ok: true, value: undefined });
    const [mail] = await server.waitForMails(1);
    expect(mail).toMatchObject({ secure: true, authMethod: method, username: 'alerts', hello: 'localhost' });
    expect(mail?.envelopeFrom).toBe('am@example.com');
    expect(mail?.envelopeTo).toEqual(['ops@example.com', 'dba@example.com']);
  });

  it('uses the first mechanism the server lists that the config has a credential for', async () => {
    const server = await sinkWith({ auth: { username: 'alerts', password: USER.password, methods: ['CRAM-MD5', 'LOGIN', 'PLAIN'] } });
    const withoutSecret = { ...USER, secret: '' };
    expect((await sendMail(trusted, request(server.port, { credentials: withoutSecret }))).ok).toBe(true);
    expect(server.mails[0]?.authMethod).toBe('LOGIN');
  });

  it('speaks TLS from the first byte on an implicit-TLS endpoint (port 465 style)', async () => {
    const server = await sinkWith({ tls: 'implicit', auth: { username: 'alerts', password: USER.password, methods: ['PLAIN'] } });
    const result = await sendMail(trusted, request(server.port, { security: 'implicit-tls', requireTls: true, credentials: USER }));
    expect(result.ok).toBe(true);
    expect(server.mails[0]).toMatchObject({ secure: true, authMethod: 'PLAIN' });
  });

  it('sends in plain text when TLS is not required, even if the server offers STARTTLS (as Alertmanager does)', async () => {
    const server = await sinkWith({});
    expect((await sendMail(trusted, request(server.port, { security: 'plain', requireTls: false }))).ok).toBe(true);
    expect(server.mails[0]?.secure).toBe(false);
  });

  it('delivers the message intact, a leading dot included, and asks for 8BITMIME when offered', async () => {
    const server = await sinkWith({});
    await sendMail(trusted, request(server.port));
    const [mail] = await server.waitForMails(1);
    expect(mail?.raw).toBe(MESSAGE);
    expect(mail?.parsed.text).toBe('body\n.leading dot\n');
    expect(mail?.mailParams).toMatchObject({ BODY: '8BITMIME' });
  });

  it('fails without retrying when TLS is required and the server does not offer STARTTLS', async () => {
    const server = await sinkWith({ tls: 'none' });
    expect(await sendMail(trusted, request(server.port))).toEqual({
      ok: false,
      error: { kind: 'protocol', stage: 'starttls', detail: `'require_tls' is true (default) but "localhost:${server.port}" does not advertise the STARTTLS extension` },
    });
  });

  it('fails the TLS handshake when the certificate is not trusted', async () => {
    const server = await sinkWith({});
    const result = await sendMail(nodeSmtpConnect(), request(server.port));
    expect(result).toMatchObject({ ok: false, error: { kind: 'network', stage: 'starttls' } });
  });

  it('fails the TLS handshake when the certificate is for another name', async () => {
    const server = await sinkWith({});
    const result = await sendMail(nodeSmtpConnect({ ca: TEST_CA }), request(server.port, { host: 'localhost.localdomain' }));
    expect(result).toMatchObject({ ok: false, error: { stage: expect.stringMatching(/connect|starttls/) } });
  });

  it('reports a refused login with its 535', async () => {
    const server = await sinkWith({ auth: { username: 'alerts', password: 'another' } });
    expect(await sendMail(trusted, request(server.port, { credentials: USER }))).toMatchObject({
      ok: false,
      error: { kind: 'reply', stage: 'auth', code: 535 },
    });
    expect(server.failedLogins).toEqual([{ method: 'PLAIN', username: 'alerts' }]);
  });

  it.each([
    ['mail', 451],
    ['mail', 550],
    ['rcpt', 450],
    ['rcpt', 553],
    ['data', 452],
    ['data', 554],
  ] as const)('reports a %s refusal with its code %i', async (stage, code) => {
    const server = await sinkWith({});
    server.refuseNext(stage, code);
    const result = await sendMail(trusted, request(server.port));
    expect(result).toMatchObject({ ok: false, error: { kind: 'reply', stage: stage === 'data' ? 'message' : stage, code } });
    expect(server.mails).toHaveLength(0);
  });

  it('reports a connection that cannot be made', async () => {
    const server = await sinkWith({});
    const port = server.port;
    await server.close();
    sink = undefined;
    expect(await sendMail(trusted, request(port))).toEqual({
      ok: false,
      error: { kind: 'network', stage: 'connect', detail: `could not connect to localhost:${port}` },
    });
  });
});

describe('sendMail against a scripted server', () => {
  it('falls back to HELO when EHLO is refused, and then has no extensions', async () => {
    scripted = await startScriptedServer('220 old.test', (line) => (line.startsWith('EHLO') ? '502 no' : acceptingServer()(line)));
    const result = await sendMail(trusted, request(scripted.port, { security: 'plain', requireTls: false, hello: 'edge.example' }));
    expect(result.ok).toBe(true);
    expect(scripted.received.slice(0, 3)).toEqual(['EHLO edge.example', 'HELO edge.example', 'MAIL FROM:<am@example.com>']);
  });

  it('adds SMTPUTF8 when offered, as Go does', async () => {
    scripted = await startScriptedServer('220 x', acceptingServer(['8BITMIME', 'SMTPUTF8']));
    await sendMail(trusted, request(scripted.port, { security: 'plain', requireTls: false }));
    expect(scripted.received).toContain('MAIL FROM:<am@example.com> BODY=8BITMIME SMTPUTF8');
  });

  it('sends the dot-stuffed message and QUIT', async () => {
    scripted = await startScriptedServer('220 x', acceptingServer());
    await sendMail(trusted, request(scripted.port, { security: 'plain', requireTls: false, to: ['a@x'] }));
    expect(scripted.received).toEqual([
      'EHLO localhost',
      'MAIL FROM:<am@example.com>',
      'RCPT TO:<a@x>',
      'DATA',
      'From: am@example.com',
      'To: ops@example.com',
      'Subject: hi',
      '',
      'body',
      '..leading dot',
      '.',
      'QUIT',
    ]);
  });

  it.each([
    ['a greeting that refuses service', '554 go away', { kind: 'reply', stage: 'greeting', code: 554, text: 'go away' }],
    ['a temporary greeting refusal', '421 busy', { kind: 'reply', stage: 'greeting', code: 421, text: 'busy' }],
    ['a malformed greeting', 'hello there', { kind: 'protocol', stage: 'greeting', detail: 'malformed reply "hello there"' }],
  ])('fails on %s', async (_why, greeting, error) => {
    scripted = await startScriptedServer(greeting, acceptingServer());
    expect(await sendMail(trusted, request(scripted.port, { security: 'plain', requireTls: false }))).toEqual({ ok: false, error });
  });

  it('reads multi-line replies and their extensions', async () => {
    const login: Record<string, string> = {
      'AUTH LOGIN': `334 ${btoa('Username:')}`,
      [btoa('alerts')]: `334 ${btoa('Password:')}`,
      [btoa('pa55-w0rd')]: '235-accepted\r\n235 welcome',
    };
    const accept = acceptingServer(['SIZE 1000', 'AUTH LOGIN PLAIN']);
    scripted = await startScriptedServer('220-first\r\n220 second', (line) => login[line] ?? accept(line));
    const result = await sendMail(trusted, request(scripted.port, { security: 'plain', requireTls: false, credentials: USER }));
    expect(result.ok).toBe(true);
    // PLAIN is allowed unencrypted only to localhost; LOGIN is listed first.
    expect(scripted.received).toContain('AUTH LOGIN');
  });

  it('gives up on a server that never answers, saying where', async () => {
    scripted = await startScriptedServer(undefined, () => undefined);
    const result = await sendMail(trusted, request(scripted.port, { security: 'plain', requireTls: false }), { timeoutMs: 200 });
    expect(result).toEqual({ ok: false, error: { kind: 'network', stage: 'greeting', detail: 'no answer within 0.2 s' } });
  });

  it('refuses to start TLS when the server sent data ahead of the handshake (STARTTLS injection)', async () => {
    scripted = await startScriptedServer('220 x', (line) => (line === 'STARTTLS' ? '220 go ahead\r\n250 injected' : acceptingServer(['STARTTLS'])(line)));
    expect(await sendMail(trusted, request(scripted.port))).toMatchObject({ ok: false, error: { kind: 'protocol', stage: 'starttls' } });
  });

  it('aborts an AUTH exchange it cannot follow with "*"', async () => {
    scripted = await startScriptedServer('220 x', (line) => (line === 'AUTH LOGIN' ? `334 ${btoa('Who are you?')}` : acceptingServer(['AUTH LOGIN'])(line)));
    const result = await sendMail(trusted, request(scripted.port, { security: 'plain', requireTls: false, credentials: USER }));
    expect(result).toEqual({ ok: false, error: { kind: 'protocol', stage: 'auth', detail: 'LOGIN auth: unexpected server challenge' } });
    expect(scripted.received.slice(-1)).toEqual(['*']);
  });
});

describe('dotStuff', () => {
  it.each([
    ['a\r\nb\r\n', 'a\r\nb\r\n.\r\n'],
    ['.a\r\n..b\r\n', '..a\r\n...b\r\n.\r\n'],
    ['no final newline', 'no final newline\r\n.\r\n'],
    ['bare\nnewlines\n', 'bare\r\nnewlines\r\n.\r\n'],
    ['', '.\r\n'],
  ])('stuffs %j as Go textproto.DotWriter does', (input, output) => {
    expect(dotStuff(input)).toBe(output);
  });
});
