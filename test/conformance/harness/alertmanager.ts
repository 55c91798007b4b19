/**
 * The reference peer: the real Prometheus Alertmanager (Debian's 0.25
 * package), one process per test file, clustering off.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './free-port.js';
import { isExecutable, startPeerProcess, type RunningPeer } from './peer-process.js';

/** Where Debian installs the binary; override with ALERTMANAGER_BIN. */
export const ALERTMANAGER_BIN = process.env.ALERTMANAGER_BIN ?? '/usr/bin/prometheus-alertmanager';

/** True when the Alertmanager binary is installed and executable (tests skip otherwise). */
export function alertmanagerAvailable(): Promise<boolean> {
  return isExecutable(ALERTMANAGER_BIN);
}

/** Extra command-line flags, e.g. `['--web.external-url=http://am.example']`. */
export interface AlertmanagerOptions {
  readonly extraArgs?: readonly string[];
}

/**
 * Starts Alertmanager with `configYaml` on a free port of 127.0.0.1 with its
 * own temporary storage, and resolves once GET /-/ready answers 200.
 */
export async function startAlertmanager(configYaml: string, options: AlertmanagerOptions = {}): Promise<RunningPeer> {
  const tempDir = await mkdtemp(join(tmpdir(), 'edgealert-am-'));
  const configFile = join(tempDir, 'alertmanager.yml');
  await writeFile(configFile, configYaml);
  const port = await freePort();
  return startPeerProcess({
    name: 'alertmanager',
    command: ALERTMANAGER_BIN,
    args: [
      `--config.file=${configFile}`,
      `--storage.path=${join(tempDir, 'data')}`,
      `--web.listen-address=127.0.0.1:${port}`,
      '--cluster.listen-address=',
      '--log.level=debug',
      ...(options.extraArgs ?? []),
    ],
    url: `http://127.0.0.1:${port}`,
    tempDir,
    readyTimeoutMs: 15_000,
    processGroup: false,
  });
}
