// Compiles a routing config for the Worker, from the Node scripts that run
// before it (bundle-config.mjs for the build, start.mjs for `npm start`):
// the config file and the template files its `templates:` globs match are
// loaded and checked with the real loader (src/config/compile-config-text.ts)
// and come out as the compiled config the Worker rebuilds with its secrets.
// Node cannot import the TypeScript loader, so the first call (and any after
// a source change) bundles it with esbuild into .edgealert/config-compiler.mjs,
// as bin/edgealert.mjs does for the CLI.
import { build } from 'esbuild';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { findTemplateFiles, templateGlobs } from './template-files.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, '.edgealert', 'config-compiler.mjs');

/**
 * Compiles the config in `file`: `{ ok: true, compiled, templates }` (the
 * compiled config, a JSON-safe value, and the template files it holds) or
 * `{ ok: false, errors }` (every problem, `{ path, message }`).
 */
export async function compileConfigFile(file) {
  const text = readFileSync(file, 'utf8');
  const globs = templateGlobs(text);
  const templates = findTemplateFiles(file, globs);
  if (globs.length > 0 && templates.length === 0) console.warn(`edgealert: templates: ${globs.join(', ')} matched no file`);
  const { compileConfigText } = await compiler();
  const result = compileConfigText(text, { templates });
  return result.ok ? { ok: true, compiled: result.value, templates } : { ok: false, errors: result.error };
}

/** One line per problem, `path: message`, as `edgealert check` prints them. */
export function formatErrors(errors) {
  return errors.map((e) => (e.path === '' ? e.message : `${e.path}: ${e.message}`)).join('\n');
}

async function compiler() {
  if (!existsSync(out) || statSync(out).mtimeMs < newestSource(join(root, 'src'))) {
    const bundled = await build({
      entryPoints: [join(root, 'src/config/compile-config-text.ts')],
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      packages: 'external',
      logLevel: 'error',
      write: false,
    });
    // Written whole then renamed: several builds may run at once (npm start instances, wrangler's build step).
    mkdirSync(dirname(out), { recursive: true });
    const temp = `${out}.${process.pid}.tmp`;
    writeFileSync(temp, bundled.outputFiles[0].contents);
    renameSync(temp, out);
  }
  return import(`${pathToFileURL(out).href}?v=${statSync(out).mtimeMs}`);
}

/** The newest modification time of the sources under `dir` (src/generated is this script's own output). */
function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (path !== join(root, 'src', 'generated')) newest = Math.max(newest, newestSource(path));
    } else newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}
