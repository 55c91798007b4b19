/**
 * Config -> compiled config (format: compiled-config.ts), at build time. The
 * config was loaded with placeholders for its secrets (secret-placeholders.ts):
 * each string holding some becomes `{"$secret": [text, NAME, ...]}` for the
 * Worker to fill in. A value the loader derived from a placeholder (so the
 * placeholder no longer shows whole in it) cannot be filled in: that is an
 * error naming where it is in the loaded config. Authorization headers are
 * left out: the Worker makes them again from `auth` once it has the secrets.
 */
import type { TemplateFile } from '../template/alertmanager/index.js';
import { err, ok, type Result } from '../util/result.js';
import { COMPILED_CONFIG_FORMAT, MAP_TAG, SECRET_TAG, type BindingUse, type CompiledConfig, type SecretUse } from './compiled-config.js';
import type { ConfigError } from './config-error.js';
import { mapHttpConfigs } from './http-auth.js';
import type { SecretPlaceholders } from './secret-placeholders.js';
import type { Config, HttpConfig } from './types.js';

/** What compiling needs besides the loaded config. */
export interface CompileSource {
  /** The placeholders the config was loaded with; without them its strings are taken as they are. */
  readonly placeholders?: SecretPlaceholders;
  /** The `templates:` globs and the files they matched (the config holds them parsed only). */
  readonly templates?: { readonly globs: readonly string[]; readonly files: readonly TemplateFile[] };
  readonly secrets?: readonly SecretUse[];
  readonly bindings?: readonly BindingUse[];
}

/** The compiled form of `config`, or errors for values derived from secrets. */
export function compileConfig(config: Config, source: CompileSource = {}): Result<CompiledConfig, ConfigError[]> {
  const { templates: _parsed, ...rest } = config;
  const errors: ConfigError[] = [];
  const encoded = encode(mapHttpConfigs(rest, withoutHeader), 'config', source.placeholders, errors);
  if (errors.length > 0) return err(errors);
  return ok({
    format: COMPILED_CONFIG_FORMAT,
    config: encoded as Record<string, unknown>,
    templates: { globs: [...(source.templates?.globs ?? [])], files: (source.templates?.files ?? []).map(({ name, text }) => ({ name, text })) },
    secrets: [...(source.secrets ?? [])],
    bindings: [...(source.bindings ?? [])],
  });
}

function withoutHeader(http: HttpConfig): HttpConfig {
  const { authorization: _derived, ...rest } = http;
  return rest;
}

/** `value` as JSON; `where` names it in the loaded config for errors. */
function encode(value: unknown, where: string, placeholders: SecretPlaceholders | undefined, errors: ConfigError[]): unknown {
  if (typeof value === 'string') return encodeString(value, where, placeholders, errors);
  if (typeof value === 'boolean' || value === null) return value;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`compileConfig: ${where} is ${value}, which JSON cannot hold`); // a bug
    return value;
  }
  if (Array.isArray(value)) return value.map((item, i) => encode(item, `${where}[${i}]`, placeholders, errors));
  if (value instanceof Map) {
    const entries = [...value].map(([key, item]) => [
      encode(key, `${where} key`, placeholders, errors),
      encode(item, `${where}.get(${JSON.stringify(key)})`, placeholders, errors),
    ]);
    return { [MAP_TAG]: entries };
  }
  if (isPlainObject(value)) {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      if (item === undefined) continue;
      if (placeholders?.split(key) || placeholders?.leftover(key)) errors.push(derivedFromSecret(`${where} key ${JSON.stringify(key)}`));
      // `$`-keys are the tags': a key of the config's own that starts with `$` gets one more.
      const name = key.startsWith('$') ? `$${key}` : key;
      Object.defineProperty(out, name, { value: encode(item, `${where}.${key}`, placeholders, errors), enumerable: true, writable: true, configurable: true });
    }
    return out;
  }
  throw new Error(`compileConfig: ${where} is not plain data`); // a bug: the Config holds only plain data, Maps and the template set
}

function encodeString(value: string, where: string, placeholders: SecretPlaceholders | undefined, errors: ConfigError[]): unknown {
  if (!placeholders) return value;
  if (placeholders.leftover(value)) errors.push(derivedFromSecret(where));
  const parts = placeholders.split(value);
  return parts ? { [SECRET_TAG]: parts } : value;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** A value the loader computed from a secret's value: the Worker could not compute it again by filling the secret in. */
export function derivedFromSecret(where: string): ConfigError {
  return {
    path: '',
    message:
      `${where}: this value is computed from a \${NAME} secret while the config loads, ` +
      'which the build cannot do (it has no secrets): write the field it comes from without a ${NAME} reference',
  };
}
