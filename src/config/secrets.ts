/**
 * `${NAME}` secret references in the YAML tree. routes.yaml lives in git, so
 * credentials are written as `${NAME}` (syntax: secret-references.ts) and
 * resolved from the Worker's environment (secrets and vars). At build time
 * there are no secrets: each reference gets a placeholder instead
 * (secret-placeholders.ts), which the Worker replaces with the secret.
 * A reference to an unset variable, or to a binding that is not a string,
 * is an error naming the path and the variable, never a value; resolved
 * values never appear in error messages (`scrubSecrets`).
 */
import { configError, formatPath, type ConfigError, type YamlPath } from './config-error.js';
import { replaceReferences, secretValue, unresolvedSecretMessage } from './secret-references.js';
import { isRecord } from './yaml-tree.js';

export { hasSecretReference } from './secret-references.js';

/** The value a reference gets at build time, by name and by where it is (no secrets then). */
export type SecretPlaceholder = (name: string, path: YamlPath, atStart: boolean) => string;

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

/** Replaces `${NAME}` in every string of `tree` with `env[NAME]`, or with `placeholder(NAME, path)` when given. */
export function resolveSecrets(tree: unknown, env: Readonly<Record<string, unknown>>, placeholder?: SecretPlaceholder): SecretResolution {
  const names: string[] = [];
  const errors: ConfigError[] = [];
  const unresolvedPaths: string[] = [];
  const values = new Set<string>();

  const resolveString = (s: string, path: YamlPath): string => {
    let unresolved = false;
    const out = replaceReferences(s, (name, offset) => {
      if (!names.includes(name)) names.push(name);
      const value = placeholder ? placeholder(name, path, offset === 0) : secretValue(env, name);
      if (value !== undefined) {
        if (value !== '') values.add(value);
        return value;
      }
      unresolved = true;
      errors.push(configError(path, unresolvedSecretMessage(env, name) ?? ''));
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
