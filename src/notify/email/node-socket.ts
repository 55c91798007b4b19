/**
 * SmtpConnect over node:net and node:tls, for running the SMTP client in
 * plain Node (tests, and tools outside the Worker). The Worker uses
 * cloudflare-socket.ts instead; nothing in the Worker imports this file.
 */
import { connect as netConnect, isIP, type Socket } from 'node:net';
import { connect as tlsConnect, type ConnectionOptions } from 'node:tls';
import type { SmtpConnect, SmtpStream } from './smtp/stream.js';

export interface NodeSmtpOptions {
  /** Extra trusted CA certificates (PEM), e.g. a test server's self-signed one. */
  readonly ca?: string;
}

/** Opens SMTP connections with Node's sockets, verifying TLS certificates against the host. */
export function nodeSmtpConnect(options: NodeSmtpOptions = {}): SmtpConnect {
  return async (endpoint) => {
    const tls = (socket?: Socket): ConnectionOptions => ({
      ...(socket ? { socket } : { host: endpoint.host, port: endpoint.port }),
      ...(isIP(endpoint.host) ? {} : { servername: endpoint.host }),
      ...(options.ca ? { ca: options.ca } : {}),
    });
    const socket =
      endpoint.security === 'implicit-tls'
        ? await opened(tlsConnect(tls()), 'secureConnect')
        : await opened(netConnect({ host: endpoint.host, port: endpoint.port }), 'connect');
    return streamOf(socket, async (plain) => opened(tlsConnect(tls(plain)), 'secureConnect'));
  };
}

function opened<S extends Socket>(socket: S, event: 'connect' | 'secureConnect'): Promise<S> {
  return new Promise((resolve, reject) => {
    socket.once('error', reject);
    socket.once(event, () => {
      socket.off('error', reject);
      resolve(socket);
    });
  });
}

function streamOf(socket: Socket, upgrade: (plain: Socket) => Promise<Socket>): SmtpStream {
  const chunks: Uint8Array[] = [];
  let ended = false;
  let failure: Error | undefined;
  let wake: (() => void) | undefined;
  const notify = (): void => {
    wake?.();
    wake = undefined;
  };
  const onData = (chunk: Buffer): void => {
    chunks.push(new Uint8Array(chunk));
    notify();
  };
  const onEnd = (): void => {
    ended = true;
    notify();
  };
  const onError = (error: Error): void => {
    failure = error;
    notify();
  };
  socket.on('data', onData).on('end', onEnd).on('close', onEnd).on('error', onError);
  const detach = (): void => {
    socket.off('data', onData).off('end', onEnd).off('close', onEnd).off('error', onError);
  };

  return {
    async read() {
      for (;;) {
        const chunk = chunks.shift();
        if (chunk) return chunk;
        if (failure) throw failure;
        if (ended) return undefined;
        await new Promise<void>((resolve) => (wake = resolve));
      }
    },
    write: (bytes) =>
      new Promise<void>((resolve, reject) => {
        if (failure || ended) return reject(failure ?? new Error('connection closed'));
        socket.write(bytes, (error) => (error ? reject(error) : resolve()));
      }),
    async startTls() {
      if (chunks.length > 0) throw new Error('data received before the TLS handshake');
      detach();
      return streamOf(await upgrade(socket), upgrade);
    },
    async close() {
      detach();
      socket.destroy();
    },
  };
}
