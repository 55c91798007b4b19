#!/usr/bin/env node
// Runs edgealert locally under wrangler dev (workerd), offline, with state on disk.
//   npm start -- [--config FILE] [--port N] [--state DIR] [--ip ADDR] [--secrets FILE] [--external-url URL]
// Defaults: routes.yaml, port 8787, state in .edgealert/state, 127.0.0.1,
// notifications linking to http://IP:PORT.
// --secrets names a dotenv file (NAME=value lines) of secrets; without it,
// wrangler reads .dev.vars if there is one.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer } from 'node:net';
import { parseArgs } from 'node:util';
import { findTemplateFiles, templateGlobs } from './template-files.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({
  options: {
    config: { type: 'string', default: 'routes.yaml' },
    port: { type: 'string', default: '8787' },
    state: { type: 'string', default: '.edgealert/state' },
    ip: { type: 'string', default: '127.0.0.1' },
    secrets: { type: 'string' },
    'external-url': { type: 'string' },
  },
});
const config = resolve(process.cwd(), values.config);
if (!existsSync(config)) {
  console.error(`edgealert: config file not found: ${config}`);
  process.exit(2);
}
const state = resolve(process.cwd(), values.state);
console.log(`edgealert: serving ${config} on http://${values.ip}:${values.port}, state in ${state}`);
// Local mode (EDGEALERT_LOCAL=true): endpoints whose scope has no token configured
// are open. Only on a loopback address; elsewhere it runs secure by default, as deployed.
const loopback = /^(127\.\d+\.\d+\.\d+|::1|localhost)$/.test(values.ip);
console.log(loopback
  ? 'edgealert: local mode: endpoints without a token configured (READ_TOKEN, SILENCE_TOKEN, INGEST_TOKEN, METRICS_TOKEN, ADMIN_TOKEN...) are open to anyone who can reach this address'
  : `edgealert: ${values.ip} is not a loopback address: secure by default, endpoints without a token configured are refused (set tokens with --secrets FILE; see SECURITY.md)`);

// wrangler's debugger port defaults to the first free one from 9229, which two
// instances starting at once can both pick: take a free port ourselves.
const inspectorPort = await new Promise((done, fail) => {
  const probe = createServer();
  probe.once('error', fail);
  probe.listen(0, '127.0.0.1', () => {
    const { port } = probe.address();
    probe.close(() => done(port));
  });
});

// The config goes in as a var rather than through the bundle, so several
// instances with different configs can run from one checkout at once; so do
// the template files its `templates:` globs match (relative to its folder).
const configText = readFileSync(config, 'utf8');
const templates = findTemplateFiles(config, templateGlobs(configText));
const wrangler = resolve(root, 'node_modules/wrangler/bin/wrangler.js');
const child = spawn(
  process.execPath,
  [wrangler, 'dev', '--ip', values.ip, '--port', values.port, '--persist-to', state,
    '--show-interactive-dev-session=false', '--inspector-port', String(inspectorPort),
    '--var', `EXTERNAL_URL:${values['external-url'] ?? `http://${values.ip}:${values.port}`}`,
    '--var', `EDGEALERT_CONFIG:${configText}`,
    '--var', `EDGEALERT_TEMPLATES:${JSON.stringify(templates)}`,
    ...(loopback ? ['--var', 'EDGEALERT_LOCAL:true'] : []),
    ...(values.secrets ? ['--env-file', resolve(process.cwd(), values.secrets)] : [])],
  {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, CLOUDFLARE_CF_FETCH_ENABLED: 'false', WRANGLER_SEND_METRICS: 'false' },
  },
);
const stop = (signal) => child.kill(signal);
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
