/**
 * `${NAME}` secret references. routes.yaml lives in git, so credentials are
 * written as `${NAME}` and resolved from the Worker's environment (secrets
 * and vars) at load time. Rules:
 * - NAME is `[A-Za-z_][A-Za-z0-9_]*`; a reference can be all or part of any
 *   string value (`url: https://hooks.example.com/${HOOK_TOKEN}`);
 * - `$${NAME}` is the literal text `${NAME}`; other `$` text is left alone
 *   (so Go regexp expansions such as `${1}` in templates keep working);
 * - a reference to an unset variable, or to a binding that is not a string,
 *   is an error naming the path and the variable, never a value;
 * - resolved values never appear in error messages (`scrubSecrets`).
 */
import { configError, formatPath, type ConfigError, type YamlPath } from './config-error.js';
import { isRecord } from './yaml-tree.js';

const REFERENCE = /\$(\$?)\{([A-Za-z_][A-Za-z0-9_]*)\}/g;

/** True when the string holds at least one `${NAME}` reference (escaped `$${NAME}` does not count). */
export function hasSecretReference(s: string): boolean {
  for (const m of s.matchAll(REFERENCE)) if (m[1] === '') return true;
  return false;
}

/** The outcome of resolving every reference in a value tree. */
export interface SecretResolution {
  /** A copy of the tree with references replaced (an unset one by ""). */
  readonly tree: unknown;
  /** Every referenced NAME, in order of first use. */
  readonly names: readonly string[];
  /** Unset or non-string variables. */
  readonly errors: readonly ConfigError[];
  /** Paths whose value used an unset variable: other errors there are noise. */
  readonly unresolvedPaths: readonly string[];
  /** Resolved values, to scrub from messages. */
  readonly values: readonly string[];
}

/** Replaces `${NAME}` in every string of `tree` with `env[NAME]`. */
export function resolveSecrets(tree: unknown, env: Readonly<Record<string, unknown>>): SecretResolution {
  const names: string[] = [];
  const errors: ConfigError[] = [];
  const unresolvedPaths: string[] = [];
  const values = new Set<string>();

  const resolveString = (s: string, path: YamlPath): string => {
    let unresolved = false;
    const out = s.replace(REFERENCE, (whole, escape: string, name: string) => {
      if (escape !== '') return whole.slice(1);
      if (!names.includes(name)) names.push(name);
      const value = Object.prototype.hasOwnProperty.call(env, name) ? env[name] : undefined;
      if (typeof value === 'string') {
        if (value !== '') values.add(value);
        return value;
      }
      unresolved = true;
      errors.push(
        configError(
          path,
          value === undefined
            ? `secret \${${name}} is not set (add it with \`wrangler secret put ${name}\` or to .dev.vars)`
            : `secret \${${name}} is not a string in the Worker environment (is the name used by a binding?)`,
        ),
      );
      return '';
    });
    if (unresolved) unresolvedPaths.push(formatPath(path));
    return out;
  };

  const walk = (value: unknown, path: YamlPath): unknown => {
    if (typeof value === 'string') return resolveString(value, path);
    if (Array.isArray(value)) return value.map((item, i) => walk(item, [...path, i]));
    if (isRecord(value)) {
      const out: Record<string, unknown> = {};
      for (const [key, item] of Object.entries(value)) {
        Object.defineProperty(out, key, { value: walk(item, [...path, key]), enumerable: true, writable: true, configurable: true });
      }
      return out;
    }
    return value;
  };

  const resolved = walk(tree, []);
  return { tree: resolved, names, errors, unresolvedPaths, values: [...values] };
}

/** Replaces every resolved secret value (as is, and as it would look JSON-quoted) in error messages by `<secret>`. */
export function scrubSecrets(errors: readonly ConfigError[], values: readonly string[]): ConfigError[] {
  const needles = values
    .flatMap((v) => [v, JSON.stringify(v).slice(1, -1)])
    .filter((v) => v !== '')
    .sort((a, b) => b.length - a.length);
  if (needles.length === 0) return [...errors];
  return errors.map((e) => ({ path: e.path, message: needles.reduce((m, n) => m.split(n).join('<secret>'), e.message) }));
}
