// Compiles a routing config for the Worker, from the Node scripts that run
// before it (bundle-config.mjs for the build, start.mjs for `npm start`):
// the config file and the template files its `templates:` globs match are
// loaded and checked with the real loader (src/config/compile-config-text.ts)
// and come out as the compiled config the Worker rebuilds with its secrets.
// Node cannot import the TypeScript loader: scripts/bundled-entry.mjs bundles it.
import { readFileSync } from 'node:fs';
import { importBundled } from './bundled-entry.mjs';
import { findTemplateFiles, templateGlobs } from './template-files.mjs';

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
  const { compileConfigText } = await importBundled('src/config/compile-config-text.ts', 'config-compiler');
  const result = compileConfigText(text, { templates });
  return result.ok ? { ok: true, compiled: result.value, templates } : { ok: false, errors: result.error };
}

/** One line per problem, `path: message`, as `edgealert check` prints them. */
export function formatErrors(errors) {
  return errors.map((e) => (e.path === '' ? e.message : `${e.path}: ${e.message}`)).join('\n');
}
