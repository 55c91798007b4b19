/**
 * The peer under test: edgealert run the way users run it,
 * `node scripts/start.mjs` (wrangler dev + workerd) from the repo root.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from './free-port.js';
import { startPeerProcess, type RunningPeer } from './peer-process.js';

/** The repository root (three levels above this file). */
export const REPO_ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../..');

/** Where to keep local state; default: a fresh temporary folder removed on stop. */
export interface EdgealertOptions {
  readonly stateDir?: string;
  /** Worker secrets (e.g. INGEST_TOKEN), passed through a dotenv file. */
  readonly secrets?: Readonly<Record<string, string>>;
  /** Where notifications link to (EXTERNAL_URL); default: its own address. */
  readonly externalUrl?: string;
  /** Extra environment for wrangler and workerd, e.g. NODE_EXTRA_CA_CERTS to trust a test CA. */
  readonly env?: Readonly<Record<string, string>>;
}

/**
 * Starts edgealert with `configYaml` on a free port of 127.0.0.1 and resolves
 * once GET /-/ready answers 200 (wrangler may take up to 60 s). The process
 * runs in its own group so stop() also ends wrangler's workerd children.
 *
 * A start that dies on "Address already in use" is tried again (up to three
 * times): wrangler takes the first free inspector port from 9229 up, so two
 * wrangler dev instances starting at the same moment (another test run, a
 * developer's `npm start`) can pick the same one, and freePort() has the
 * same kind of race.
 */
export async function startEdgealert(configYaml: string, options: EdgealertOptions = {}): Promise<RunningPeer> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await startOnce(configYaml, options);
    } catch (error) {
      if (attempt >= START_ATTEMPTS || !/Address already in use/.test((error as Error).message)) throw error;
    }
  }
}

const START_ATTEMPTS = 3;

async function startOnce(configYaml: string, options: EdgealertOptions): Promise<RunningPeer> {
  const tempDir = await mkdtemp(join(tmpdir(), 'edgealert-peer-'));
  const configFile = join(tempDir, 'routes.yaml');
  await writeFile(configFile, configYaml);
  const secretArgs: string[] = [];
  if (options.secrets) {
    const secretsFile = join(tempDir, 'secrets.env');
    await writeFile(secretsFile, Object.entries(options.secrets).map(([k, v]) => `${k}=${v}\n`).join(''));
    secretArgs.push('--secrets', secretsFile);
  }
  const port = await freePort();
  return startPeerProcess({
    name: 'edgealert',
    command: process.execPath,
    args: [
      'scripts/start.mjs', '--config', configFile, '--port', String(port), '--state', options.stateDir ?? join(tempDir, 'state'),
      ...secretArgs, ...(options.externalUrl ? ['--external-url', options.externalUrl] : []),
    ],
    cwd: REPO_ROOT,
    env: { ...process.env, CLOUDFLARE_CF_FETCH_ENABLED: 'false', WRANGLER_SEND_METRICS: 'false', ...options.env },
    url: `http://127.0.0.1:${port}`,
    tempDir,
    readyTimeoutMs: 60_000,
    processGroup: true,
  });
}
