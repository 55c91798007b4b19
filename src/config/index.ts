/**
 * The config module's public surface: load routes.yaml into a Config, print
 * its errors, and Prometheus durations.
 */
export { loadConfig, DEFAULT_RESOLVE_TIMEOUT, type LoadConfigOptions } from './load.js';
export { formatConfigErrors, type ConfigError } from './config-error.js';
export { parseDuration, formatDuration } from './duration.js';
export type { Config, GlobalConfig, HttpConfig, InhibitRule, Integration, Receiver, Route, WebhookIntegration } from './types.js';
