/**
 * A TCP server that plays a fixed SMTP script, for the protocol corners a
 * real server will not produce (malformed replies, EHLO refused, a server
 * that never answers, replies echoing what the client sent). Each client
 * line is recorded; `answer(line)` decides the reply.
 */
import { createServer, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

export interface ScriptedServer {
  readonly port: number;
  /** Lines the client sent, in order. */
  readonly received: readonly string[];
  close(): Promise<void>;
}

/**
 * `greeting` is sent on connect (undefined: say nothing); `answer` returns the
 * reply for a client line (undefined: no reply). After DATA's 354, lines up
 * to "." are recorded but not answered, then `answer('.')` is asked.
 */
export async function startScriptedServer(greeting: string | undefined, answer: (line: string) => string | undefined): Promise<ScriptedServer> {
  const received: string[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
    if (greeting !== undefined) socket.write(`${greeting}\r\n`);
    let buffer = '';
    let inData = false;
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      buffer += chunk;
      for (let eol = buffer.indexOf('\r\n'); eol >= 0; eol = buffer.indexOf('\r\n')) {
        const line = buffer.slice(0, eol);
        buffer = buffer.slice(eol + 2);
        received.push(line);
        if (inData && line !== '.') continue;
        inData = false;
        const reply = answer(line);
        if (reply?.startsWith('354')) inData = true;
        if (reply !== undefined) socket.write(`${reply}\r\n`);
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

/** Answers like a minimal server that accepts everything (EHLO lists `extensions`). */
export function acceptingServer(extensions: readonly string[] = []): (line: string) => string | undefined {
  return (line) => {
    const verb = line.split(' ')[0]?.toUpperCase();
    if (verb === 'EHLO') {
      const lines = ['scripted.test', ...extensions];
      return lines.map((l, i) => `250${i === lines.length - 1 ? ' ' : '-'}${l}`).join('\r\n');
    }
    if (verb === 'DATA') return '354 go ahead';
    if (verb === 'QUIT') return '221 bye';
    return '250 ok';
  };
}
