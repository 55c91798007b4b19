/**
 * The config this deployment runs: routes.yaml bundled at build time (or, for
 * tests, the EDGEALERT_CONFIG var), loaded once per isolate with the Worker's
 * secrets. An invalid config fails every request with the list of problems,
 * which `edgealert check` reports before deploy.
 */
import { formatConfigErrors, loadConfig, type Config } from '../config/index.js';
import { bundledConfigText } from '../generated/config-bundle.js';

let cached: { text: string; config: Config } | undefined;

/** Thrown when the deployed config does not load; the message lists each problem with its path. */
export class ConfigLoadError extends Error {
  override readonly name = 'ConfigLoadError';
}

/** The loaded config for these bindings. */
export function runtimeConfig(bindings: object): Config {
  // Secrets and vars are plain string properties of the bindings object.
  const env = bindings as Readonly<Record<string, unknown>>;
  const override = env.EDGEALERT_CONFIG;
  const text = typeof override === 'string' && override !== '' ? override : bundledConfigText;
  if (cached?.text === text) return cached.config;
  const loaded = loadConfig(text, env);
  if (!loaded.ok) throw new ConfigLoadError(`invalid configuration:\n${formatConfigErrors(loaded.error)}`);
  cached = { text, config: loaded.value };
  return loaded.value;
}

/** Where notifications link to: the EXTERNAL_URL var without a trailing slash. */
export function externalUrl(bindings: object): string {
  const url = (bindings as Readonly<Record<string, unknown>>).EXTERNAL_URL;
  return typeof url === 'string' && url !== '' ? url.replace(/\/+$/, '') : 'http://127.0.0.1:8787';
}
