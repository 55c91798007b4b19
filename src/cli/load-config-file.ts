/**
 * Loading a config file the way the Worker would, for the CLI: the same
 * loader, with its template files, and every declared secret given a
 * placeholder value (the CLI never sees real secrets). References to names
 * nobody declared are reported separately.
 */
import { parse } from 'yaml';
import { loadConfig, type Config, type ConfigError } from '../config/index.js';
import { compileConfigText } from '../config/compile-config-text.js';
import { secretPlaceholders } from '../config/secret-placeholders.js';
import { err, ok, type Result } from '../util/result.js';
import type { CliFiles } from './cli-io.js';

/** The CLI never sees secret values: each `${NAME}` stands in as the build's placeholder for its field. */
const CLI_PLACEHOLDERS = secretPlaceholders('edgealertcli');

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

/** The send_email bindings the config's email_configs name (`transport: cloudflare`, `binding: NAME`). */
export function referencedEmailBindings(text: string): string[] {
  const names = new Set<string>();
  try {
    const doc: unknown = parse(text);
    const receivers = doc && typeof doc === 'object' && Array.isArray((doc as { receivers?: unknown }).receivers) ? (doc as { receivers: unknown[] }).receivers : [];
    for (const receiver of receivers) {
      const configs = receiver && typeof receiver === 'object' ? (receiver as { email_configs?: unknown }).email_configs : undefined;
      for (const config of Array.isArray(configs) ? configs : []) {
        const { transport, binding } = (config ?? {}) as { transport?: unknown; binding?: unknown };
        if (transport === 'cloudflare' && typeof binding === 'string' && binding !== '') names.add(binding);
      }
    }
  } catch {
    // The loader reports YAML errors.
  }
  return [...names];
}

/**
 * Loads `path` as the build compiles it: every `${NAME}` reference gets the
 * build's placeholder (whether `check` finds NAME declared is its own
 * report), and the send_email bindings it names are taken as present.
 */
export function loadConfigFile(files: CliFiles, path: string): Result<LoadedConfigFile, string | ConfigError[]> {
  const text = files.readFile(path);
  if (text === undefined) return err(`cannot read ${path}`);
  const templates = files.templateFiles(path, text);
  // What the build refuses, `check` refuses: the same compilation, secrets as placeholders shaped for their fields.
  const compiled = compileConfigText(text, { templates });
  if (!compiled.ok) return err(compiled.error);
  // A binding is an object in the Worker's environment; wrangler.toml declares it (checked by `check`).
  const env: Record<string, unknown> = Object.fromEntries(referencedEmailBindings(text).map((name) => [name, {}]));
  const loaded = loadConfig(text, env, { templates, secretPlaceholder: CLI_PLACEHOLDERS.value });
  return loaded.ok ? ok({ config: loaded.value, text }) : err(loaded.error);
}
