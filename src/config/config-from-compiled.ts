/**
 * The Worker's side of the compiled config (format: compiled-config.ts):
 * rebuilds the Config the build loaded, with the Worker's secrets in place
 * of the placeholders, the Authorization headers made from them, and the
 * template set parsed from the bundled template files. No YAML, no config
 * schemas: those ran at build time. Checks only what needs the secrets and
 * bindings (secret-checks.ts). Pure; the caller caches the result per isolate.
 */
import type { TemplateFile } from '../template/alertmanager/index.js';
import { err, ok, type Result } from '../util/result.js';
import { COMPILED_CONFIG_FORMAT, compiledConfigSchema, MAP_TAG, SECRET_TAG } from './compiled-config.js';
import type { ConfigError } from './config-error.js';
import { configTemplates } from './config-templates.js';
import { mapHttpConfigs, withAuthorization } from './http-auth.js';
import { checkBindings, checkSecretUses } from './secret-checks.js';
import { secretValue } from './secret-references.js';
import type { Config } from './types.js';

type Env = Readonly<Record<string, unknown>>;

/** What to use instead of the compiled config's own parts. */
export interface ConfigFromCompiledOptions {
  /** Template files in place of the compiled ones (the EDGEALERT_TEMPLATES var), checked against the globs. */
  readonly templates?: readonly TemplateFile[];
}

/** The Config of a compiled config (parsed JSON) with the secrets and bindings of `env`. */
export function configFromCompiled(json: unknown, env: Env, options: ConfigFromCompiledOptions = {}): Result<Config, ConfigError[]> {
  const parsed = compiledConfigSchema.safeParse(json);
  if (!parsed.success) {
    const message = `not a compiled config of this edgealert (format ${COMPILED_CONFIG_FORMAT}): compile routes.yaml with this version (scripts/bundle-config.mjs)`;
    return err([{ path: '', message }]);
  }
  const compiled = parsed.data;
  const errors = [...checkSecretUses(compiled.secrets, env), ...checkBindings(compiled.bindings, env)];
  const templates = configTemplates(compiled.templates.globs, options.templates ?? compiled.templates.files);
  if (!templates.ok) errors.push(...templates.error);
  if (errors.length > 0 || !templates.ok) return err(errors);
  const config = decode(compiled.config, env) as Omit<Config, 'templates'>;
  return ok({ ...mapHttpConfigs(config, withAuthorization), templates: templates.value });
}

/** The compiled JSON back to data: Maps rebuilt, secrets filled in, `$$`-keys unescaped. */
function decode(value: unknown, env: Env): unknown {
  if (Array.isArray(value)) return value.map((item) => decode(item, env));
  if (typeof value !== 'object' || value === null) return value;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record);
  if (keys.length === 1 && keys[0] === MAP_TAG) {
    return new Map((record[MAP_TAG] as unknown[]).map((entry) => decode(entry, env) as [unknown, unknown]));
  }
  if (keys.length === 1 && keys[0] === SECRET_TAG) {
    // Literal text at even indexes, secret names at odd ones (checked set by checkSecretUses).
    return (record[SECRET_TAG] as string[]).map((part, i) => (i % 2 === 0 ? part : (secretValue(env, part) ?? ''))).join('');
  }
  const out: Record<string, unknown> = {};
  for (const key of keys) {
    const name = key.startsWith('$') ? key.slice(1) : key;
    // defineProperty: a key named __proto__ stays a plain key.
    Object.defineProperty(out, name, { value: decode(record[key], env), enumerable: true, writable: true, configurable: true });
  }
  return out;
}
