import { createServer } from 'node:net';

/**
 * Asks the OS for a TCP port that is free on 127.0.0.1 right now. The port is
 * released before returning, so another process could take it in between;
 * that race is rare enough for tests, and peers fail loudly if it happens.
 */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      if (address === null || typeof address === 'string') {
        server.close();
        reject(new Error('could not read the port of a probe server'));
        return;
      }
      server.close(() => resolve(address.port));
    });
  });
}
