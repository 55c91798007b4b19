/**
 * The config this deployment runs: routes.yaml compiled at build time
 * (scripts/bundle-config.mjs: loaded and checked with the real loader, then
 * bundled as JSON), or, for tests and `npm start`, a compiled config in the
 * EDGEALERT_CONFIG var. The Worker only rebuilds it with its secrets
 * (configFromCompiled), once per isolate. Its template files are the
 * compiled ones, or those of the EDGEALERT_TEMPLATES var (JSON,
 * `[{name, text}]`) if set. A config that does not load (a secret unset or
 * malformed, a send_email binding missing) fails every request with the list
 * of problems.
 */
import * as z from 'zod';
import { formatConfigErrors } from '../config/config-error.js';
import { configFromCompiled } from '../config/config-from-compiled.js';
import type { Config } from '../config/types.js';
import { bundledConfig } from '../generated/config-bundle.js';
import { MAX_AGGREGATION_GROUPS_PER_SHARD, MAX_SILENCES } from '../limits.js';
import { parseJson } from '../util/parse-json.js';

let cached: { source: string; templates: string; config: Config } | undefined;

const templateFiles = z.array(z.object({ name: z.string(), text: z.string() }));

/** Thrown when the deployed config does not load; the message lists each problem with its path. */
export class ConfigLoadError extends Error {
  override readonly name = 'ConfigLoadError';
}

/** The loaded config for these bindings. */
export function runtimeConfig(bindings: object): Config {
  // Secrets and vars are plain string properties of the bindings object.
  const env = bindings as Readonly<Record<string, unknown>>;
  const override = configVar(env);
  const overridden = override !== undefined;
  const source = override ?? bundledConfig;
  const templatesVar = env.EDGEALERT_TEMPLATES;
  const templatesJson = typeof templatesVar === 'string' && templatesVar !== '' ? templatesVar : undefined;
  if (cached?.source === source && cached.templates === (templatesJson ?? '')) return cached.config;
  const files = templatesJson !== undefined ? parseTemplateFiles(templatesJson) : undefined;
  const loaded = configFromCompiled(parseCompiled(source, overridden ? 'EDGEALERT_CONFIG' : 'the bundled config'), env, files ? { templates: files } : {});
  if (!loaded.ok) throw new ConfigLoadError(`invalid configuration:\n${formatConfigErrors(loaded.error)}`);
  cached = { source, templates: templatesJson ?? '', config: loaded.value };
  return loaded.value;
}

/**
 * The EDGEALERT_CONFIG var, joined with EDGEALERT_CONFIG_2, _3, ... when
 * `npm start` had to cut it (a command-line argument holds at most 128 KiB).
 */
function configVar(env: Readonly<Record<string, unknown>>): string | undefined {
  const first = env.EDGEALERT_CONFIG;
  if (typeof first !== 'string' || first === '') return undefined;
  let text = first;
  for (let i = 2; ; i++) {
    const part = env[`EDGEALERT_CONFIG_${i}`];
    if (typeof part !== 'string') return text;
    text += part;
  }
}

/** The compiled config's JSON; YAML (what EDGEALERT_CONFIG held before configs were compiled) is refused with the fix. */
function parseCompiled(source: string, what: string): unknown {
  try {
    return JSON.parse(source);
  } catch {
    const message = `${what} is not a compiled config (JSON): compile routes.yaml with scripts/config-compiler.mjs (npm start and the tests do)`;
    throw new ConfigLoadError(`invalid configuration:\n${message}`);
  }
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
