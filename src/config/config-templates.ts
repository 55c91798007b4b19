/**
 * The template set of a config: Alertmanager's defaults, then the files its
 * `templates:` globs matched (found on disk by the build scripts, see
 * scripts/template-files.mjs), in glob order. A file that does not parse is
 * an error at its glob, `templates[0]: templates/slack.tmpl:3:14: function
 * "nope" not defined`; a file no glob matches is an error too (the bundle
 * and the config disagree). A glob that matches nothing is fine, as in
 * Alertmanager. No zod: the Worker builds its template set with it from the
 * compiled config.
 */
import { compareGoStrings } from '../matcher/go-compare.js';
import { err, ok, type Result } from '../util/result.js';
import { loadTemplates, type TemplateFile } from '../template/alertmanager/index.js';
import type { TemplateSet } from '../template/index.js';
import type { ConfigError } from './config-error.js';
import { matchesGlob } from './template-glob.js';

let defaultsOnly: TemplateSet | undefined;

/**
 * The template set for `globs` and the matched `files`. Without `files`
 * (undefined), only the defaults are loaded and the globs are not checked.
 */
export function configTemplates(globs: readonly string[], files: readonly TemplateFile[] | undefined): Result<TemplateSet, ConfigError[]> {
  if (files === undefined || files.length === 0) return ok((defaultsOnly ??= defaultSet()));
  const ordered: { file: TemplateFile; glob: number }[] = [];
  const errors: ConfigError[] = [];
  for (const file of files) {
    const glob = globs.findIndex((g) => matchesGlob(g, file.name));
    if (glob < 0) errors.push({ path: 'templates', message: `${file.name} is not matched by any templates: glob` });
    else ordered.push({ file, glob });
  }
  // Each glob's files in Go's byte order, as filepath.Glob lists them.
  ordered.sort((a, b) => a.glob - b.glob || compareGoStrings(a.file.name, b.file.name));
  const loaded = loadTemplates(ordered.map((o) => o.file));
  if (!loaded.ok) {
    for (const e of loaded.error) {
      const glob = ordered.find((o) => o.file.name === e.file)?.glob ?? 0;
      errors.push({ path: `templates[${glob}]`, message: e.message });
    }
  }
  return errors.length > 0 || !loaded.ok ? err(errors) : ok(loaded.value);
}

function defaultSet(): TemplateSet {
  const loaded = loadTemplates([]);
  if (!loaded.ok) throw new Error('the default templates do not parse'); // a bug in edgealert
  return loaded.value;
}
