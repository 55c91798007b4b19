#!/usr/bin/env node
// Runs edgealert locally under wrangler dev (workerd), offline, with state on disk.
//   npm start -- [--config FILE] [--port N] [--state DIR] [--ip ADDR] [--secrets FILE] [--external-url URL]
// Defaults: routes.yaml, port 8787, state in .edgealert/state, 127.0.0.1,
// notifications linking to http://IP:PORT.
// --secrets names a dotenv file (NAME=value lines) of secrets; without it,
// wrangler reads .dev.vars if there is one.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer } from 'node:net';
import { parseArgs } from 'node:util';
import { compileConfigFile, formatErrors } from './config-compiler.mjs';

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
// The config goes in as a var rather than through the bundle, so several
// instances with different configs can run from one checkout at once:
// compiled here as the build compiles routes.yaml (with the template files
// its `templates:` globs match, relative to its folder), so a config that
// does not load stops here with its problems.
const compiled = await compileConfigFile(config);
if (!compiled.ok) {
  console.error(`edgealert: ${config} does not load:\n${formatErrors(compiled.errors)}`);
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

const wrangler = resolve(root, 'node_modules/wrangler/bin/wrangler.js');
const child = spawn(
  process.execPath,
  [wrangler, 'dev', '--ip', values.ip, '--port', values.port, '--persist-to', state,
    '--show-interactive-dev-session=false', '--inspector-port', String(inspectorPort),
    '--var', `EXTERNAL_URL:${values['external-url'] ?? `http://${values.ip}:${values.port}`}`,
    ...configVarArgs(JSON.stringify(compiled.compiled)),
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

/**
 * The --var arguments that pass the compiled config. A command-line argument
 * holds at most 128 KiB on Linux (about 100 Slack receivers compiled), so a
 * longer config is cut into EDGEALERT_CONFIG, EDGEALERT_CONFIG_2, ... which
 * the Worker joins (src/durable/runtime-config.ts); cuts fall between
 * characters.
 */
function configVarArgs(json) {
  const bytes = Buffer.from(json);
  const parts = [];
  for (let start = 0; start < bytes.length; ) {
    let end = Math.min(start + 100_000, bytes.length);
    while (end < bytes.length && (bytes[end] & 0xc0) === 0x80) end--; // a UTF-8 continuation byte: inside a character
    parts.push(bytes.subarray(start, end).toString());
    start = end;
  }
  return parts.flatMap((part, i) => ['--var', `EDGEALERT_CONFIG${i === 0 ? '' : `_${i + 1}`}:${part}`]);
}
