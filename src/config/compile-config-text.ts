/**
 * routes.yaml text -> compiled config, at build time (scripts/bundle-config.mjs,
 * `npm start`, tests). The text is loaded with the real loader, every
 * `${NAME}` standing in as a placeholder shaped for its field, so the whole
 * config is checked as the Worker would check it, less what needs the secrets'
 * values. It is loaded twice, with placeholders of different tokens and
 * lengths: if the two compile differently, some value depends on a secret's
 * value in a way the Worker could not rebuild by filling the secret in, and
 * the build says where. Never imported by the Worker: it pulls in YAML and
 * the schemas.
 */
import type { TemplateFile } from '../template/alertmanager/index.js';
import { err, type Result } from '../util/result.js';
import { compileConfig, derivedFromSecret } from './compile-config.js';
import type { BindingUse, CompiledConfig, SecretUse } from './compiled-config.js';
import { formatPath, isWithinPath, type ConfigError, type YamlPath } from './config-error.js';
import { loadConfig } from './load.js';
import { randomPlaceholderToken, secretFieldKind, secretPlaceholders } from './secret-placeholders.js';
import { hasSecretReference, referencedNames } from './secret-references.js';
import { templateGlobsOf } from './templates.js';
import { isRecord, parseYaml } from './yaml-tree.js';

export interface CompileConfigTextOptions {
  /** The files the config's `templates:` globs matched (LoadConfigOptions.templates). */
  readonly templates?: readonly TemplateFile[];
}

/** The compiled config of `text`, or every problem the loader finds (secrets shown as `<secret>`). */
export function compileConfigText(text: string, options: CompileConfigTextOptions = {}): Result<CompiledConfig, ConfigError[]> {
  const parsed = parseYaml(text);
  if (!parsed.ok) return parsed;
  const tree = parsed.value.tree ?? {};
  const secrets = secretUses(tree);
  const bindings = emailBindings(tree);
  // Bindings are objects the Worker has: taken as present here, checked by the Worker.
  const env = Object.fromEntries(bindings.map((b) => [b.name, {}]));
  const templates = { globs: templateGlobsOf(tree), files: options.templates ?? [] };
  const compileWith = (token: string): Result<CompiledConfig, ConfigError[]> => {
    const placeholders = secretPlaceholders(token);
    const loaded = loadConfig(text, env, { ...options, secretPlaceholder: placeholders.value });
    if (!loaded.ok) return err(withPlaceholderHint(loaded.error, secrets));
    return compileConfig(loaded.value, { placeholders, templates, secrets, bindings });
  };
  const first = compileWith(randomPlaceholderToken(12));
  if (!first.ok) return first;
  const second = compileWith(randomPlaceholderToken(17));
  if (!second.ok) return second;
  const where = firstDifference(first.value.config, second.value.config, 'config');
  if (where !== undefined) return err([derivedFromSecret(where)]);
  return first;
}

/** Every string of the tree that references secrets, with its path and field kind, in document order. */
export function secretUses(tree: unknown): SecretUse[] {
  const uses: SecretUse[] = [];
  const walk = (value: unknown, path: YamlPath): void => {
    if (typeof value === 'string') {
      if (hasSecretReference(value)) uses.push({ path: formatPath(path), text: value, kind: secretFieldKind(path) });
    } else if (Array.isArray(value)) value.forEach((item, i) => walk(item, [...path, i]));
    else if (isRecord(value)) for (const [key, item] of Object.entries(value)) walk(item, [...path, key]);
  };
  walk(tree, []);
  return uses;
}

/** The send_email bindings named by `transport: cloudflare` email configs, at the path of each `binding:`. */
function emailBindings(tree: unknown): BindingUse[] {
  const receivers = isRecord(tree) && Array.isArray(tree.receivers) ? tree.receivers : [];
  return receivers.flatMap((receiver: unknown, r) => {
    const configs = isRecord(receiver) && Array.isArray(receiver.email_configs) ? receiver.email_configs : [];
    return configs.flatMap((config: unknown, i): BindingUse[] => {
      if (!isRecord(config) || config.transport !== 'cloudflare' || typeof config.binding !== 'string' || config.binding === '') return [];
      return [{ path: formatPath(['receivers', r, 'email_configs', i, 'binding']), name: config.binding }];
    });
  });
}

/** Errors at a field holding secrets say its secrets were placeholders: the field must be valid whatever their values. */
function withPlaceholderHint(errors: readonly ConfigError[], uses: readonly SecretUse[]): ConfigError[] {
  return errors.map((error) => {
    const use = uses.find((u) => error.path !== '' && isWithinPath(error.path, u.path));
    if (!use) return error;
    const names = referencedNames(use.text).map((name) => `\${${name}}`).join(', ');
    return { ...error, message: `${error.message} (checked at build time with a placeholder for ${names}: the field must be valid whatever the secret's value)` };
  });
}

/** Where two compiled values first differ (a path into the compiled config), or undefined when equal. */
function firstDifference(a: unknown, b: unknown, where: string): string | undefined {
  if (typeof a !== 'object' || a === null || typeof b !== 'object' || b === null) return Object.is(a, b) ? undefined : where;
  if (Array.isArray(a) !== Array.isArray(b)) return where;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of keys) {
    const found = firstDifference((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], Array.isArray(a) ? `${where}[${key}]` : `${where}.${key}`);
    if (found !== undefined) return found;
  }
  return undefined;
}
