/**
 * The config this deployment runs: routes.yaml bundled at build time (or, for
 * tests, the EDGEALERT_CONFIG var), loaded once per isolate with the Worker's
 * secrets. Its template files come the same way: the EDGEALERT_TEMPLATES var
 * (JSON, `[{name, text}]`) if set, else the bundle's (with the bundled config
 * only). An invalid config fails
 * every request with the list of problems, which `edgealert check` reports
 * before deploy.
 */
import * as z from 'zod';
import { formatConfigErrors, loadConfig, type Config } from '../config/index.js';
import { bundledConfigText, bundledTemplates } from '../generated/config-bundle.js';
import { MAX_AGGREGATION_GROUPS_PER_SHARD, MAX_SILENCES } from '../limits.js';
import { parseJson } from '../util/parse-json.js';

let cached: { text: string; templates: string; config: Config } | undefined;

const templateFiles = z.array(z.object({ name: z.string(), text: z.string() }));

/** Thrown when the deployed config does not load; the message lists each problem with its path. */
export class ConfigLoadError extends Error {
  override readonly name = 'ConfigLoadError';
}

/** The loaded config for these bindings. */
export function runtimeConfig(bindings: object): Config {
  // Secrets and vars are plain string properties of the bindings object.
  const env = bindings as Readonly<Record<string, unknown>>;
  const override = env.EDGEALERT_CONFIG;
  const overridden = typeof override === 'string' && override !== '';
  const text = overridden ? override : bundledConfigText;
  const templatesVar = env.EDGEALERT_TEMPLATES;
  const templatesJson = typeof templatesVar === 'string' && templatesVar !== '' ? templatesVar : undefined;
  if (cached?.text === text && cached.templates === (templatesJson ?? '')) return cached.config;
  // The bundled templates belong to the bundled config, not to one given in EDGEALERT_CONFIG.
  const files = templatesJson !== undefined ? parseTemplateFiles(templatesJson) : overridden ? [] : bundledTemplates;
  const loaded = loadConfig(text, env, { templates: files });
  if (!loaded.ok) throw new ConfigLoadError(`invalid configuration:\n${formatConfigErrors(loaded.error)}`);
  cached = { text, templates: templatesJson ?? '', config: loaded.value };
  return loaded.value;
}

/** The EDGEALERT_TEMPLATES var: a JSON list of `{name, text}`. */
function parseTemplateFiles(json: string): { name: string; text: string }[] {
  const parsed = parseJson(json, templateFiles, 'EDGEALERT_TEMPLATES');
  if (!parsed.ok) throw new ConfigLoadError(`invalid configuration:\n${parsed.error.body.message}`);
  return parsed.value;
}

/** Where notifications link to: the EXTERNAL_URL var without a trailing slash. */
export function externalUrl(bindings: object): string {
  const url = (bindings as Readonly<Record<string, unknown>>).EXTERNAL_URL;
  return typeof url === 'string' && url !== '' ? url.replace(/\/+$/, '') : 'http://127.0.0.1:8787';
}

/**
 * What a log line may say about a config that did not load: how many problems
 * and at which paths, never the messages (a message may quote a value).
 */
export function configErrorFields(error: ConfigLoadError): { errors: number; paths: string } {
  const problems = error.message.split('\n').slice(1).filter((line) => line !== '');
  const paths = problems.map((line) => line.split(':')[0]?.trim() ?? '').filter((path) => /^[\w.[\]/-]+$/.test(path));
  return { errors: problems.length, paths: paths.join(',') };
}

/** The groups-per-shard limit: the var EDGEALERT_MAX_AGGREGATION_GROUPS or src/limits.ts' default. */
export function maxAggregationGroups(bindings: object): number {
  return limitVar(bindings, 'EDGEALERT_MAX_AGGREGATION_GROUPS', MAX_AGGREGATION_GROUPS_PER_SHARD);
}

/** The silence count limit: the var EDGEALERT_MAX_SILENCES or src/limits.ts' default. */
export function maxSilences(bindings: object): number {
  return limitVar(bindings, 'EDGEALERT_MAX_SILENCES', MAX_SILENCES);
}

/** A limit from a Worker var (the counterpart of Alertmanager's flag): a positive integer, else the default. */
function limitVar(bindings: object, name: string, fallback: number): number {
  const value = Number((bindings as Readonly<Record<string, unknown>>)[name]);
  return Number.isInteger(value) && value > 0 ? value : fallback;
}
