// Bundling TypeScript for the bench with esbuild (the bundler wrangler builds
// the Worker with, already installed with it): the conformance harness and
// src/ modules into Node modules, and the cost model's Durable Object into a
// Worker script for Miniflare.
import { build } from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

const dirs = [];
/** Removes every temporary folder made by this module. */
export function cleanUpBuilds() {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** A new temporary folder, removed by cleanUpBuilds(). */
export function tempDir(prefix = 'edgealert-bench-') {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  dirs.push(dir);
  return dir;
}

/**
 * Bundles `contents` (TypeScript, imports relative to the repository root)
 * for Node and imports it. The harness finds the repository through
 * import.meta.url, which is pinned to its own file.
 */
export async function importTs(contents) {
  const outfile = join(tempDir(), 'module.mjs');
  await build({
    stdin: { contents, resolveDir: ROOT, loader: 'ts' },
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    outfile,
    logLevel: 'error',
    // CommonJS dependencies (yaml's Node build) require Node built-ins.
    banner: { js: "import { createRequire as __benchRequire } from 'node:module'; const require = __benchRequire(import.meta.url);" },
    define: { 'import.meta.url': JSON.stringify(pathToFileURL(join(ROOT, 'test/conformance/harness/edgealert.ts')).href) },
  });
  return import(pathToFileURL(outfile).href);
}

/** Bundles a Worker entry (ES module) into one script for workerd; returns its text. */
export async function bundleWorker(entry) {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    target: 'es2022',
    conditions: ['workerd', 'worker', 'browser'],
    mainFields: ['module', 'main'],
    external: ['cloudflare:*', 'node:*'],
    write: false,
    logLevel: 'error',
  });
  return result.outputFiles[0].text;
}
