/**
 * A real SMTP server for tests (npm smtp-server) that records every message
 * it accepts, parsed with mailparser: plain, STARTTLS or TLS from the start
 * with the test certificate in ./tls (a test CA and a `localhost` /
 * 127.0.0.1 certificate it signed; TEST_CA_FILE is the CA to trust), AUTH
 * PLAIN / LOGIN / CRAM-MD5 for one user, and scripted refusals for retry
 * tests. Used by the unit tests of the SMTP client and by the conformance
 * tests that point the real Alertmanager and edgealert at it.
 */
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer, type SMTPServerAddress, type SMTPServerOptions, type SMTPServerSession } from 'smtp-server';

const tlsFile = (name: string): string => fileURLToPath(new URL(`./tls/${name}`, import.meta.url));

/** The CA that signed the sink's certificate (trust it to verify the sink). */
export const TEST_CA_FILE = tlsFile('ca.pem');
export const TEST_CA = readFileSync(TEST_CA_FILE, 'utf8');

export type SinkTls = 'none' | 'starttls' | 'implicit';
export type SinkAuthMethod = 'PLAIN' | 'LOGIN' | 'CRAM-MD5';
export type SinkStage = 'mail' | 'rcpt' | 'data';

export interface SmtpSinkOptions {
  /** none: STARTTLS not offered; starttls: offered (default); implicit: TLS from the first byte. */
  readonly tls?: SinkTls;
  /** Require AUTH as this user, offering these mechanisms in this order. */
  readonly auth?: { readonly username: string; readonly password: string; readonly methods?: readonly SinkAuthMethod[] };
  /** Offer AUTH before STARTTLS too (smtp-server hides it on plain connections otherwise). */
  readonly authWithoutTls?: boolean;
  /** Listen on this port (default: a free one). */
  readonly port?: number;
}

/** One accepted message. */
export interface ReceivedMail {
  readonly envelopeFrom: string;
  /** MAIL FROM parameters, e.g. { BODY: '8BITMIME' }. */
  readonly mailParams: Readonly<Record<string, string | boolean>>;
  readonly envelopeTo: readonly string[];
  /** The name the client gave in EHLO/HELO. */
  readonly hello: string;
  readonly secure: boolean;
  readonly authMethod?: string;
  readonly username?: string;
  /** The message as received (CRLF, dot-stuffing removed). */
  readonly raw: string;
  readonly parsed: ParsedMail;
}

export interface SmtpSink {
  readonly port: number;
  readonly mails: readonly ReceivedMail[];
  /** Authentication attempts that failed (method, username). */
  readonly failedLogins: readonly { method: string; username: string }[];
  /** Answer the next command at `stage` with this code (once). */
  refuseNext(stage: SinkStage, code: number, message?: string): void;
  /** Resolves once `count` messages arrived, waiting up to `timeoutMs`. */
  waitForMails(count: number, timeoutMs?: number): Promise<readonly ReceivedMail[]>;
  close(): Promise<void>;
}

interface SessionUser {
  readonly method: string;
  readonly username: string;
}

/** Starts the sink on 127.0.0.1, on a free port unless one is given. */
export async function startSmtpSink(options: SmtpSinkOptions = {}): Promise<SmtpSink> {
  const mails: ReceivedMail[] = [];
  const failedLogins: { method: string; username: string }[] = [];
  const refusals: { stage: SinkStage; code: number; message: string }[] = [];
  const refusal = (stage: SinkStage): Error | undefined => {
    const index = refusals.findIndex((r) => r.stage === stage);
    if (index < 0) return undefined;
    const [r] = refusals.splice(index, 1);
    return Object.assign(new Error(r?.message), { responseCode: r?.code });
  };
  const tls = options.tls ?? 'starttls';
  const serverOptions: SMTPServerOptions = {
    secure: tls === 'implicit',
    key: readFileSync(tlsFile('localhost-key.pem')),
    cert: readFileSync(tlsFile('localhost.pem')),
    name: 'sink.test',
    banner: 'edgealert test sink',
    disabledCommands: [...(tls === 'none' ? ['STARTTLS'] : []), ...(options.auth ? [] : ['AUTH'])],
    authMethods: [...(options.auth?.methods ?? ['PLAIN', 'LOGIN', 'CRAM-MD5'])],
    authOptional: !options.auth,
    allowInsecureAuth: options.authWithoutTls ?? false,
    logger: false,
    onAuth(auth, _session, callback) {
      const expected = options.auth;
      const method = auth.method as string;
      const valid =
        expected !== undefined &&
        auth.username === expected.username &&
        (method === 'CRAM-MD5' ? auth.validatePassword(expected.password) : auth.password === expected.password);
      if (!valid) {
        failedLogins.push({ method, username: auth.username ?? '' });
        return callback(Object.assign(new Error('authentication failed'), { responseCode: 535 }));
      }
      const user: SessionUser = { method, username: auth.username ?? '' };
      callback(null, { user });
    },
    onMailFrom(_address: SMTPServerAddress, _session, callback) {
      callback(refusal('mail') ?? null);
    },
    onRcptTo(_address: SMTPServerAddress, _session, callback) {
      callback(refusal('rcpt') ?? null);
    },
    onData(stream, session: SMTPServerSession, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const refused = refusal('data');
        if (refused) return callback(refused);
        const raw = Buffer.concat(chunks).toString('utf8');
        void simpleParser(raw).then((parsed) => {
          const user = session.user as SessionUser | undefined;
          const from = session.envelope.mailFrom;
          mails.push({
            envelopeFrom: from ? from.address : '',
            mailParams: (from ? (from.args as Record<string, string | boolean> | false) : false) || {},
            envelopeTo: session.envelope.rcptTo.map((r) => r.address),
            hello: session.hostNameAppearsAs,
            secure: session.secure,
            ...(user ? { authMethod: user.method, username: user.username } : {}),
            raw,
            parsed,
          });
          callback(null);
        }, callback);
      });
    },
  };
  const server = new SMTPServer(serverOptions);
  server.on('error', () => {
    // A client that drops the connection mid-handshake is what some tests do.
  });
  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', resolve);
  });
  const port = (server.server.address() as AddressInfo).port;
  return {
    port,
    mails,
    failedLogins,
    refuseNext: (stage, code, message = `refused by the test (${code})`) => void refusals.push({ stage, code, message }),
    async waitForMails(count, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      while (mails.length < count) {
        if (Date.now() > deadline) throw new Error(`expected ${count} mails within ${timeoutMs} ms, got ${mails.length}`);
        await new Promise((r) => setTimeout(r, 20));
      }
      return mails;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
