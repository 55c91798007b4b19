/**
 * SmtpConnect over the Workers TCP socket API (`cloudflare:sockets`):
 * `secureTransport: 'on'` for TLS from the start (port 465), `'starttls'`
 * when STARTTLS may follow (then `socket.startTls()`), `'off'` otherwise.
 * The runtime verifies the server's certificate against the host name.
 * Outbound port 25 is blocked on Cloudflare, which the config check says.
 * https://developers.cloudflare.com/workers/runtime-apis/tcp-sockets/
 *
 * Worker-only (imported by the Dispatcher, never by unit tests).
 */
import { connect } from 'cloudflare:sockets';
import type { SmtpConnect, SmtpStream } from './smtp/stream.js';

/** Opens SMTP connections from the Worker. */
export const cloudflareSmtpConnect: SmtpConnect = async (endpoint) => {
  const secureTransport = endpoint.security === 'implicit-tls' ? 'on' : endpoint.security === 'starttls' ? 'starttls' : 'off';
  const socket = connect({ hostname: endpoint.host, port: endpoint.port }, { secureTransport, allowHalfOpen: false });
  await socket.opened;
  return streamOf(socket);
};

function streamOf(socket: Socket): SmtpStream {
  const reader = socket.readable.getReader();
  const writer = socket.writable.getWriter();
  return {
    async read() {
      const { value, done } = await reader.read();
      return done ? undefined : (value as Uint8Array);
    },
    write: (bytes) => writer.write(bytes),
    async startTls() {
      reader.releaseLock();
      writer.releaseLock();
      const secure = socket.startTls();
      await secure.opened;
      return streamOf(secure);
    },
    async close() {
      try {
        await socket.close();
      } catch {
        // Already closed or failed.
      }
    },
  };
}
