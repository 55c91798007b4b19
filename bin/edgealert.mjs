#!/usr/bin/env node
// The edgealert CLI. It runs the project's TypeScript config code: the first
// run (and any run after a source change) bundles src/cli/main.ts with
// esbuild (wrangler's bundler) into .edgealert/cli.mjs, then runs it.
import { build } from 'esbuild';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, '.edgealert', 'cli.mjs');

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }
  return newest;
}

const stale = !existsSync(out) || statSync(out).mtimeMs < Math.max(newestSource(join(root, 'src')), newestSource(join(root, 'scripts')));
if (stale) {
  await build({
    entryPoints: [join(root, 'src/cli/main.ts')],
    outfile: out,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'error',
  });
}
await import(pathToFileURL(out).href);
