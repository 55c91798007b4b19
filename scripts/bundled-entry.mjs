// Node cannot import the project's TypeScript, so the scripts that run it
// (bin/edgealert.mjs for the CLI, config-compiler.mjs for the build and
// `npm start`) bundle their entry with esbuild (wrangler's bundler) into
// .edgealert/, again whenever a source under src/ or scripts/ is newer, and
// import that.
import { build } from 'esbuild';
import { existsSync, mkdirSync, readdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The module `entry` (a path under the project) exports, bundled as .edgealert/`name`.mjs. */
export async function importBundled(entry, name) {
  const out = join(root, '.edgealert', `${name}.mjs`);
  const newest = Math.max(newestSource(join(root, 'src')), newestSource(join(root, 'scripts')));
  if (!existsSync(out) || statSync(out).mtimeMs < newest) {
    const bundled = await build({
      entryPoints: [join(root, entry)],
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

/** The newest modification time of the sources under `dir` (src/generated is the build's own output, never bundled here). */
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
