/**
 * An HTTPS interceptor for senders that cannot be pointed at another URL
 * (Alertmanager 0.25 posts PagerDuty v1 events to a fixed https address):
 * configure the sender with this proxy (`http_config.proxy_url`) and
 * `tls_config.insecure_skip_verify: true`; every CONNECT is answered,
 * TLS is terminated with a throwaway self-signed certificate, and the
 * decrypted HTTP goes to a capture server, which records it under its
 * original path. Needs the `openssl` command to make the certificate.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TLSSocket } from 'node:tls';

export interface TlsConnectProxy {
  /** `http://127.0.0.1:PORT`, for proxy_url. */
  readonly url: string;
  close(): Promise<void>;
}

/** True when a self-signed certificate can be made here (openssl is installed). */
export function canInterceptTls(): boolean {
  return spawnSync('openssl', ['version']).status === 0;
}

/** Starts the proxy; decrypted requests go to 127.0.0.1:`capturePort`. */
export async function startTlsConnectProxy(capturePort: number): Promise<TlsConnectProxy> {
  const { key, cert } = selfSignedCertificate();
  const sockets = new Set<Socket>();
  const server: Server = createServer((_req, res) => res.writeHead(405).end('CONNECT only'));
  server.on('connect', (_req, client: Socket, head: Buffer) => {
    sockets.add(client);
    client.once('close', () => sockets.delete(client));
    client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
    if (head.length > 0) client.unshift(head);
    const tls = new TLSSocket(client, { isServer: true, key, cert });
    const upstream = connect(capturePort, '127.0.0.1');
    sockets.add(upstream);
    tls.pipe(upstream).pipe(tls);
    const end = () => {
      tls.destroy();
      upstream.destroy();
    };
    tls.once('error', end);
    upstream.once('error', end);
    upstream.once('close', () => sockets.delete(upstream));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

function selfSignedCertificate(): { key: Buffer; cert: Buffer } {
  const dir = mkdtempSync(join(tmpdir(), 'edgealert-tls-'));
  try {
    const keyFile = join(dir, 'key.pem');
    const certFile = join(dir, 'cert.pem');
    const run = spawnSync(
      'openssl',
      ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', keyFile, '-out', certFile, '-days', '1', '-subj', '/CN=events.pagerduty.com'],
      { encoding: 'utf8' },
    );
    if (run.status !== 0) throw new Error(`openssl failed: ${run.stderr}`);
    return { key: readFileSync(keyFile), cert: readFileSync(certFile) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
