/**
 * An SMTP server for tests: accepts every message (no TLS, no auth, as
 * Alertmanager's `require_tls: false` allows) and records it, with the
 * parts of a multipart message decoded from quoted-printable.
 */
import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

/** One part of a multipart message. */
export interface MailPart {
  readonly contentType: string;
  /** The body, quoted-printable decoded (UTF-8). */
  readonly body: string;
}

/** One message as received. */
export interface CapturedMail {
  readonly from: string;
  readonly to: readonly string[];
  /** Header names lower-cased; values as sent (still Q-encoded). */
  readonly headers: Readonly<Record<string, string>>;
  readonly parts: readonly MailPart[];
  /** The message as received, dot-stuffing removed. */
  readonly raw: string;
}

export interface SmtpCapture {
  readonly port: number;
  readonly messages: readonly CapturedMail[];
  /** Resolves with the first message matching `predicate`, waiting up to `timeoutMs`. */
  waitFor(predicate: (mail: CapturedMail) => boolean, timeoutMs: number): Promise<CapturedMail>;
  close(): Promise<void>;
}

/** Starts an SMTP server on 127.0.0.1 on a free port. */
export async function startSmtpCapture(): Promise<SmtpCapture> {
  const messages: CapturedMail[] = [];
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    serve(socket, (mail) => messages.push(mail));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    get messages() {
      return messages;
    },
    waitFor: async (predicate, timeoutMs) => {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = messages.find(predicate);
        if (found) return found;
        if (Date.now() > deadline) throw new Error(`no matching mail within ${timeoutMs} ms (${messages.length} received)`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

/** One SMTP session: EHLO, MAIL, RCPT..., DATA, QUIT. */
function serve(socket: Socket, deliver: (mail: CapturedMail) => void): void {
  let buffer = '';
  let inData = false;
  let from = '';
  let to: string[] = [];
  const reply = (line: string): void => void socket.write(`${line}\r\n`);
  reply('220 localhost ESMTP capture');
  socket.setEncoding('utf8');
  socket.on('data', (chunk: string) => {
    buffer += chunk;
    for (;;) {
      if (inData) {
        const end = buffer.indexOf('\r\n.\r\n');
        if (end < 0) return;
        const raw = buffer.slice(0, end + 2).replace(/^\.\./gm, '.');
        buffer = buffer.slice(end + 5);
        inData = false;
        deliver(parseMail(from, to, raw));
        reply('250 OK queued');
        continue;
      }
      const eol = buffer.indexOf('\r\n');
      if (eol < 0) return;
      const line = buffer.slice(0, eol);
      buffer = buffer.slice(eol + 2);
      const verb = line.slice(0, 4).toUpperCase();
      if (verb === 'EHLO') reply('250-localhost\r\n250 8BITMIME');
      else if (verb === 'HELO') reply('250 localhost');
      else if (verb === 'MAIL') {
        from = /<([^>]*)>/.exec(line)?.[1] ?? '';
        to = [];
        reply('250 OK');
      } else if (verb === 'RCPT') {
        to.push(/<([^>]*)>/.exec(line)?.[1] ?? '');
        reply('250 OK');
      } else if (verb === 'DATA') {
        inData = true;
        reply('354 go ahead');
      } else if (verb === 'QUIT') {
        reply('221 bye');
        socket.end();
      } else reply('250 OK');
    }
  });
  socket.on('error', () => socket.destroy());
}

function parseHeaders(text: string): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const line of text.replace(/\r\n[ \t]+/g, ' ').split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).toLowerCase()] = line.slice(colon + 1).trim();
  }
  return headers;
}

function parseMail(from: string, to: string[], raw: string): CapturedMail {
  const split = raw.indexOf('\r\n\r\n');
  const headers = parseHeaders(raw.slice(0, split));
  const body = raw.slice(split + 4);
  const boundary = /boundary=([^;\s]+)/.exec(headers['content-type'] ?? '')?.[1];
  const parts: MailPart[] = [];
  if (boundary !== undefined) {
    for (const section of body.split(`--${boundary}`).slice(1)) {
      if (section.startsWith('--')) break;
      const content = section.replace(/^\r\n/, '');
      const end = content.indexOf('\r\n\r\n');
      const partHeaders = parseHeaders(content.slice(0, end));
      const encoded = content.slice(end + 4).replace(/\r\n$/, '');
      const qp = /quoted-printable/i.test(partHeaders['content-transfer-encoding'] ?? '');
      parts.push({ contentType: partHeaders['content-type'] ?? '', body: qp ? decodeQuotedPrintable(encoded) : encoded });
    }
  }
  return { from, to, headers, parts, raw };
}

/** RFC 2045 quoted-printable: soft breaks (`=\r\n`) removed, `=XX` bytes decoded as UTF-8. */
export function decodeQuotedPrintable(text: string): string {
  const joined = text.replace(/=\r\n/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < joined.length; i++) {
    const c = joined[i] as string;
    if (c === '=' && /^[0-9A-F]{2}$/i.test(joined.slice(i + 1, i + 3))) {
      bytes.push(parseInt(joined.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(...Buffer.from(c, 'utf8'));
  }
  return Buffer.from(bytes).toString('utf8');
}

/** RFC 2047 header decoding for the Q and B encoded words Go's mime package writes (whitespace between words dropped). */
export function decodeMimeHeader(value: string): string {
  const word = /=\?([^?]+)\?([qQbB])\?([^?]*)\?=/g;
  return value.replace(/\?=\s+=\?/g, '?==?').replace(word, (_m, _charset: string, encoding: string, text: string) => {
    if (encoding.toLowerCase() === 'b') return Buffer.from(text, 'base64').toString('utf8');
    return decodeQuotedPrintable(text.replace(/_/g, ' '));
  });
}
