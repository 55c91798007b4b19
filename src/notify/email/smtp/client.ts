/**
 * One SMTP delivery, the conversation Alertmanager 0.25 has through Go's
 * net/smtp (notify/email/email.go):
 *
 *   connect (TLS from the start on port 465) -> 220 greeting
 *   EHLO <hello> (HELO if EHLO is refused)
 *   require_tls: STARTTLS -> TLS handshake -> EHLO again
 *   AUTH, when the server offers it and a username is configured
 *   MAIL FROM:<from> [BODY=8BITMIME] [SMTPUTF8] -> RCPT TO:<to>... -> DATA
 *   the message, dot-stuffed, then "." -> 250 -> QUIT
 *
 * Unlike Alertmanager, a connection that is TLS from the start satisfies
 * require_tls by itself (Alertmanager insists on STARTTLS inside it, which
 * SMTPS servers do not offer). The whole conversation has a deadline.
 */
import { err, ok, type Result } from '../../../util/result.js';
import { chooseMechanism, fromBase64, toBase64, type SaslMechanism, type SmtpCredentials } from './auth.js';
import { SmtpAbort, type SmtpFailure, type SmtpStage } from './failure.js';
import { expectCode, readReply, replyText, type SmtpReply } from './reply.js';
import { LineReader, type SmtpConnect, type SmtpEndpoint, type SmtpStream } from './stream.js';

export interface SmtpRequest {
  readonly endpoint: SmtpEndpoint;
  /** The name given in EHLO/HELO (Alertmanager's default: localhost). */
  readonly hello: string;
  /** STARTTLS is required (unless the connection is TLS from the start). */
  readonly requireTls: boolean;
  readonly credentials: SmtpCredentials;
  /** Envelope sender and recipients (bare addresses). */
  readonly from: string;
  readonly to: readonly string[];
  /** The message, CRLF line endings (see ../mime/message.ts). */
  readonly message: string;
}

export interface SendMailOptions {
  /** Deadline for the whole conversation (default 60 s). */
  readonly timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 60_000;

/** Delivers one message; resolves with why it failed, never rejects. */
export async function sendMail(connect: SmtpConnect, request: SmtpRequest, options: SendMailOptions = {}): Promise<Result<void, SmtpFailure>> {
  const session = new Session();
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<Result<void, SmtpFailure>>((resolve) => {
    timer = setTimeout(() => {
      resolve(err({ kind: 'network', stage: session.stage, detail: `no answer within ${timeoutMs / 1000} s` }));
    }, timeoutMs);
  });
  try {
    return await Promise.race([converse(connect, request, session), deadline]);
  } finally {
    clearTimeout(timer);
    await session.close();
  }
}

async function converse(connect: SmtpConnect, request: SmtpRequest, session: Session): Promise<Result<void, SmtpFailure>> {
  try {
    await session.open(connect, request.endpoint);
    expectCode(await session.read('greeting'), 220, 'greeting');
    let extensions = await hello(session, request.hello);
    let tls = request.endpoint.security === 'implicit-tls';
    if (request.requireTls && !tls) {
      extensions = await startTls(session, request, extensions);
      tls = true;
    }
    const auth = extensions.get('AUTH');
    if (auth !== undefined) {
      const mechanism = chooseMechanism(request.credentials, { mechanisms: auth, tls, host: request.endpoint.host });
      if (!mechanism.ok) throw new SmtpAbort({ kind: 'protocol', stage: 'auth', detail: mechanism.error });
      if (mechanism.value) await authenticate(session, mechanism.value);
    }
    await envelope(session, request, extensions);
    await session.command('DATA', 354, 'data');
    await session.write(dotStuff(request.message), 'message');
    expectCode(await session.read('message'), 250, 'message');
    await session.quit();
    return ok(undefined);
  } catch (e) {
    if (e instanceof SmtpAbort) return err(e.failure);
    throw e;
  }
}

/** EHLO, or HELO when EHLO is refused; returns the extensions (none after HELO). */
async function hello(session: Session, name: string): Promise<Map<string, string>> {
  const reply = await session.send(`EHLO ${name}`, 'hello');
  if (reply.code === 250) return extensionsOf(reply);
  await session.command(`HELO ${name}`, 250, 'hello');
  return new Map();
}

async function startTls(session: Session, request: SmtpRequest, extensions: Map<string, string>): Promise<Map<string, string>> {
  const { host, port } = request.endpoint;
  if (!extensions.has('STARTTLS')) {
    const detail = `'require_tls' is true (default) but "${host}:${port}" does not advertise the STARTTLS extension`;
    throw new SmtpAbort({ kind: 'protocol', stage: 'starttls', detail });
  }
  await session.command('STARTTLS', 220, 'starttls');
  await session.upgrade();
  const reply = await session.send(`EHLO ${request.hello}`, 'hello');
  expectCode(reply, 250, 'hello');
  return extensionsOf(reply);
}

/** The EHLO reply's lines after the first, as Go reads them: keyword (upper-cased) -> parameters. */
function extensionsOf(reply: SmtpReply): Map<string, string> {
  const extensions = new Map<string, string>();
  for (const line of reply.lines.slice(1)) {
    const space = line.indexOf(' ');
    extensions.set((space < 0 ? line : line.slice(0, space)).toUpperCase(), space < 0 ? '' : line.slice(space + 1));
  }
  return extensions;
}

/** Go's Client.Auth loop: 334 carries a base64 challenge, 235 ends it, anything else fails it. */
async function authenticate(session: Session, mechanism: SaslMechanism): Promise<void> {
  const initial = mechanism.initial.length > 0 ? ` ${toBase64(mechanism.initial)}` : '';
  let reply = await session.send(`AUTH ${mechanism.name}${initial}`, 'auth');
  for (;;) {
    if (reply.code !== 334 && reply.code !== 235) throw new SmtpAbort({ kind: 'reply', stage: 'auth', code: reply.code, text: replyText(reply) });
    const text = replyText(reply);
    const fromServer = reply.code === 334 ? fromBase64(text) : new TextEncoder().encode(text);
    const next = fromServer ? mechanism.next(fromServer, reply.code === 334) : err('malformed challenge');
    if (!next.ok) {
      await session.abortAuth();
      throw new SmtpAbort({ kind: 'protocol', stage: 'auth', detail: `${mechanism.name} auth: ${next.error}` });
    }
    if (next.value === undefined) {
      if (reply.code === 235) return;
      throw new SmtpAbort({ kind: 'protocol', stage: 'auth', detail: `${mechanism.name} auth: the server wants more` });
    }
    reply = await session.send(toBase64(next.value), 'auth');
  }
}

async function envelope(session: Session, request: SmtpRequest, extensions: Map<string, string>): Promise<void> {
  const params = `${extensions.has('8BITMIME') ? ' BODY=8BITMIME' : ''}${extensions.has('SMTPUTF8') ? ' SMTPUTF8' : ''}`;
  await session.command(`MAIL FROM:<${request.from}>${params}`, 250, 'mail');
  for (const to of request.to) await session.command(`RCPT TO:<${to}>`, 25, 'rcpt');
}

/**
 * DATA content as Go's textproto.DotWriter sends it: a line starting with
 * "." gets another, a bare LF becomes CRLF, then "." on a line of its own.
 */
export function dotStuff(message: string): string {
  const normalized = message.replace(/\r?\n/g, '\r\n');
  const stuffed = normalized.replace(/(^|\r\n)\./g, '$1..');
  return `${stuffed}${stuffed.endsWith('\r\n') || stuffed === '' ? '' : '\r\n'}.\r\n`;
}

/** The connection and where the conversation is, so a deadline can say where it stalled. */
class Session {
  stage: SmtpStage = 'connect';
  private stream: SmtpStream | undefined;
  private reader: LineReader | undefined;
  private closed = false;

  async open(connect: SmtpConnect, endpoint: SmtpEndpoint): Promise<void> {
    try {
      this.stream = await connect(endpoint);
    } catch {
      throw new SmtpAbort({ kind: 'network', stage: 'connect', detail: `could not connect to ${endpoint.host}:${endpoint.port}` });
    }
    if (this.closed) await this.stream.close(); // the deadline passed meanwhile
    this.reader = new LineReader(this.stream);
  }

  async read(stage: SmtpStage): Promise<SmtpReply> {
    this.stage = stage;
    return readReply(this.lines(), stage);
  }

  async write(text: string, stage: SmtpStage): Promise<void> {
    this.stage = stage;
    try {
      await this.connection().write(new TextEncoder().encode(text));
    } catch {
      throw new SmtpAbort({ kind: 'network', stage, detail: 'connection failed while sending' });
    }
  }

  /** Sends a command line and reads the reply, whatever its code. */
  async send(line: string, stage: SmtpStage): Promise<SmtpReply> {
    await this.write(`${line}\r\n`, stage);
    return this.read(stage);
  }

  /** Sends a command and fails the stage unless the reply code is accepted. */
  async command(line: string, accept: number, stage: SmtpStage): Promise<SmtpReply> {
    const reply = await this.send(line, stage);
    expectCode(reply, accept, stage);
    return reply;
  }

  async upgrade(): Promise<void> {
    // Bytes sent ahead of the handshake would be read as if they came over TLS (CVE-2011-0411).
    if (this.lines().hasBuffered) throw new SmtpAbort({ kind: 'protocol', stage: 'starttls', detail: 'the server sent data before the TLS handshake' });
    try {
      this.stream = await this.connection().startTls();
    } catch {
      throw new SmtpAbort({ kind: 'network', stage: 'starttls', detail: 'TLS handshake failed (is the certificate valid for the smarthost?)' });
    }
    this.reader = new LineReader(this.stream);
  }

  /** Cancels an AUTH exchange ("*"), as Go does before giving up. */
  async abortAuth(): Promise<void> {
    try {
      await this.send('*', 'auth');
    } catch {
      // Going to fail anyway.
    }
  }

  /** QUIT, best effort: the message was accepted already. */
  async quit(): Promise<void> {
    try {
      await this.connection().write(new TextEncoder().encode('QUIT\r\n'));
      await this.lines().readLine();
    } catch {
      // The server may close first.
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.stream?.close();
  }

  private connection(): SmtpStream {
    if (!this.stream) throw new Error('SMTP session used before it was opened');
    return this.stream;
  }

  private lines(): LineReader {
    if (!this.reader) throw new Error('SMTP session used before it was opened');
    return this.reader;
  }
}
