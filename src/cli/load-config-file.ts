/**
 * Loading a config file the way the Worker would, for the CLI: the same
 * loader, with its template files, and every declared secret given a
 * placeholder value (the CLI never sees real secrets). References to names
 * nobody declared are reported separately.
 */
import { parse } from 'yaml';
import { loadConfig, type Config, type ConfigError } from '../config/index.js';
import { err, ok, type Result } from '../util/result.js';
import type { CliFiles } from './cli-io.js';

export interface LoadedConfigFile {
  readonly config: Config;
  readonly text: string;
}

/** `${NAME}` references in the config's string values (not in comments; `$${NAME}` is a literal). */
export function referencedSecrets(text: string): string[] {
  const names = new Set<string>();
  const walk = (value: unknown): void => {
    if (typeof value === 'string') {
      for (const match of value.matchAll(/(?<!\$)\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g)) if (match[1]) names.add(match[1]);
    } else if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') Object.values(value).forEach(walk);
  };
  try {
    walk(parse(text));
  } catch {
    // The loader reports YAML errors.
  }
  return [...names];
}

/** Loads `path`; `declared` names get a placeholder, undeclared ones too (checked by `check`). */
export function loadConfigFile(files: CliFiles, path: string, declared: readonly string[] = []): Result<LoadedConfigFile, string | ConfigError[]> {
  const text = files.readFile(path);
  if (text === undefined) return err(`cannot read ${path}`);
  const env: Record<string, string> = {};
  // A URL-shaped placeholder passes the checks of URL fields and of plain strings alike.
  for (const name of [...declared, ...referencedSecrets(text)]) env[name] = `https://secret.invalid/${name}`;
  const loaded = loadConfig(text, env, { templates: files.templateFiles(path, text) });
  return loaded.ok ? ok({ config: loaded.value, text }) : err(loaded.error);
}
