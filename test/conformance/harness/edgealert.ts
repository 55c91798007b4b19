/**
 * The peer under test: edgealert run the way users run it,
 * `node scripts/start.mjs` (wrangler dev + workerd) from the repo root.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { freePort } from './free-port.js';
import { startPeerProcess, type RunningPeer } from './peer-process.js';

/** The repository root (three levels above this file). */
export const REPO_ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../..');

/** Where to keep local state; default: a fresh temporary folder removed on stop. */
export interface EdgealertOptions {
  readonly stateDir?: string;
}

/**
 * Starts edgealert with `configYaml` on a free port of 127.0.0.1 and resolves
 * once GET /-/ready answers 200 (wrangler may take up to 60 s). The process
 * runs in its own group so stop() also ends wrangler's workerd children.
 * Only one edgealert peer at a time: start.mjs bundles the config into
 * src/generated/, and a running wrangler dev reloads when that file changes.
 */
export async function startEdgealert(configYaml: string, options: EdgealertOptions = {}): Promise<RunningPeer> {
  const tempDir = await mkdtemp(join(tmpdir(), 'edgealert-peer-'));
  const configFile = join(tempDir, 'routes.yaml');
  await writeFile(configFile, configYaml);
  const port = await freePort();
  const peer = await startPeerProcess({
    name: 'edgealert',
    command: process.execPath,
    args: ['scripts/start.mjs', '--config', configFile, '--port', String(port), '--state', options.stateDir ?? join(tempDir, 'state')],
    cwd: REPO_ROOT,
    env: { ...process.env, CLOUDFLARE_CF_FETCH_ENABLED: 'false', WRANGLER_SEND_METRICS: 'false' },
    url: `http://127.0.0.1:${port}`,
    tempDir,
    readyTimeoutMs: 60_000,
    processGroup: true,
  }).catch(async (error: unknown) => {
    await restoreDefaultBundle();
    throw error;
  });
  return {
    ...peer,
    stop: async () => {
      await peer.stop();
      await restoreDefaultBundle();
    },
  };
}

/**
 * start.mjs bundles the test's config into src/generated/config-bundle.ts;
 * once the peer is gone, bundle routes.yaml again so the working tree (and
 * anything that imports the Worker without its own config) is as it was.
 */
async function restoreDefaultBundle(): Promise<void> {
  const { EDGEALERT_CONFIG_FILE: _ignored, ...env } = process.env;
  await promisify(execFile)(process.execPath, ['scripts/bundle-config.mjs'], { cwd: REPO_ROOT, env });
}
