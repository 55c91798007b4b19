/**
 * Errors found while loading routes.yaml. Every error names the YAML path of
 * the offending field (`route.routes[2].matchers[0]`) so a user can find it;
 * loading collects all of them instead of stopping at the first.
 */

/**
 * One problem in the config. `path` is empty only when the document as a
 * whole is wrong: YAML syntax errors (the message starts with `line L:C`)
 * or a document that is not a mapping.
 */
export interface ConfigError {
  readonly path: string;
  readonly message: string;
}

/** A path into the YAML document: map keys and sequence indexes. */
export type YamlPath = readonly (string | number)[];

/** Prints a path the way errors show it: keys joined by dots, indexes as `[i]` (`receivers[1].webhook_configs[0].url`). */
export function formatPath(path: YamlPath): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else out += out === '' ? seg : `.${seg}`;
  }
  return out;
}

/** Builds a ConfigError from a path given as segments. */
export function configError(path: YamlPath, message: string): ConfigError {
  return { path: formatPath(path), message };
}

/** One error per line, `path: message` (just the message when there is no path). */
export function formatConfigErrors(errors: readonly ConfigError[]): string {
  return errors.map((e) => (e.path === '' ? e.message : `${e.path}: ${e.message}`)).join('\n');
}

/** True when `path` is `prefix` itself or lies inside it (`a.b[0]` is inside `a.b`). */
export function isWithinPath(path: string, prefix: string): boolean {
  if (!path.startsWith(prefix)) return false;
  const next = path.charAt(prefix.length);
  return next === '' || next === '.' || next === '[';
}
