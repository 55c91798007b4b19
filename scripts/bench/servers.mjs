// The three targets of the ingest and latency phases, started the way the
// conformance suite starts them (test/conformance/harness/): edgealert under
// `npm start` (scripts/start.mjs: wrangler dev + workerd), the bare Worker
// (bench/bare-worker) under the same wrangler dev, and the real Alertmanager
// 0.25 when it is installed; plus a capture server receiving the webhooks.
//
// Both Workers run with wrangler's per-request log lines off (WRANGLER_LOG=warn):
// printing them costs wrangler's Node process more CPU than the bare Worker
// itself, on the same two cores. Alertmanager runs at its default log level
// (the conformance harness starts it at debug, which logs every alert), which
// logs nothing per request; bench.mjs runs edgealert both with LOG_LEVEL=warn,
// the same, and with its default (a JSON line per request).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, importTs } from './build.mjs';

const harness = await importTs(`
export { startEdgealert } from './test/conformance/harness/edgealert.ts';
export { startAlertmanager, alertmanagerAvailable, ALERTMANAGER_BIN } from './test/conformance/harness/alertmanager.ts';
export { startCaptureServer } from './test/conformance/harness/capture-server.ts';
export { startPeerProcess } from './test/conformance/harness/peer-process.ts';
export { freePort } from './test/conformance/harness/free-port.ts';
`);

export const { startCaptureServer, alertmanagerAvailable, ALERTMANAGER_BIN } = harness;

process.env.WRANGLER_LOG = 'warn';

/**
 * edgealert with `configYaml`, as `npm start -- --config FILE --port N --state DIR
 * --secrets FILE` runs it, with ingest authentication on (INGEST_TOKEN = `token`),
 * as a deployment has it, and `vars` (e.g. LOG_LEVEL) in the same file.
 */
export function startEdgealert(configYaml, token, vars = {}) {
  return harness.startEdgealert(configYaml, { secrets: { INGEST_TOKEN: token, ...vars } });
}

/** Alertmanager as the harness starts it (own storage, clustering off), at its default log level. */
export async function startAlertmanager(configYaml) {
  const tempDir = mkdtempSync(join(tmpdir(), 'edgealert-bench-am-'));
  writeFileSync(join(tempDir, 'alertmanager.yml'), configYaml);
  const port = await harness.freePort();
  return harness.startPeerProcess({
    name: 'Alertmanager',
    command: ALERTMANAGER_BIN,
    args: [
      `--config.file=${join(tempDir, 'alertmanager.yml')}`,
      `--storage.path=${join(tempDir, 'data')}`,
      `--web.listen-address=127.0.0.1:${port}`,
      '--cluster.listen-address=',
    ],
    url: `http://127.0.0.1:${port}`,
    tempDir,
    readyTimeoutMs: 15_000,
    processGroup: false,
  });
}

/** bench/bare-worker under wrangler dev with the flags scripts/start.mjs uses. */
export async function startBareWorker() {
  const tempDir = mkdtempSync(join(tmpdir(), 'edgealert-bench-bare-'));
  const [port, inspectorPort] = [await harness.freePort(), await harness.freePort()];
  return harness.startPeerProcess({
    name: 'bare Worker',
    command: process.execPath,
    args: [
      join(ROOT, 'node_modules/wrangler/bin/wrangler.js'), 'dev', '--config', join(ROOT, 'bench/bare-worker/wrangler.toml'),
      '--ip', '127.0.0.1', '--port', String(port), '--persist-to', join(tempDir, 'state'),
      '--show-interactive-dev-session=false', '--inspector-port', String(inspectorPort),
    ],
    cwd: ROOT,
    env: { ...process.env, CLOUDFLARE_CF_FETCH_ENABLED: 'false', WRANGLER_SEND_METRICS: 'false' },
    url: `http://127.0.0.1:${port}`,
    tempDir,
    readyTimeoutMs: 60_000,
    processGroup: true,
  });
}
