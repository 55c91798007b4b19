/**
 * Loads routes.yaml: YAML -> `${NAME}` secrets -> schema (types, unknown
 * fields, per-node rules) and whole-config checks -> defaults and
 * inheritance -> Config. Every problem found is returned, each with the YAML
 * path of its field; a resolved secret value never appears in an error.
 * Pure: no I/O, no clock; runs in the Worker and in the CLI.
 */
import { err, ok, type Result } from '../util/result.js';
import { isWithinPath, type ConfigError } from './config-error.js';
import { configSchema } from './config-schema.js';
import { crossCheck } from './cross-checks.js';
import { sortByDocumentOrder } from './error-order.js';
import { DEFAULT_HTTP_CONFIG, toHttpConfig } from './http-auth.js';
import { buildHeartbeats, checkHeartbeats, withSyntheticRoutes } from './heartbeat-config.js';
import { buildInhibitRules } from './inhibit-rules.js';
import { integrationChecks } from './integration-checks.js';
import { checkOnCall } from './oncall-checks.js';
import { buildOnCall } from './oncall-config.js';
import { checkEmailsAndContacts, contactReceivers } from './person-receivers.js';
import { buildReceivers } from './receivers.js';
import { redactConfigText } from './redact.js';
import { buildRouteTree } from './route-tree.js';
import { formatDuration } from './duration.js';
import { resolveSecrets, scrubSecrets, type SecretPlaceholder } from './secrets.js';
import type { Config } from './types.js';
import { parseTimeIntervals, type TimeIntervalSet } from '../timeinterval/index.js';
import { configTemplates, templateGlobsOf } from './templates.js';
import type { TemplateFile } from '../template/alertmanager/index.js';
import { isRecord, parseYaml } from './yaml-tree.js';
import { zodIssuesToErrors } from './zod-issues.js';

/** Re-exported so callers of loadConfig need one import. */
export { formatConfigErrors, type ConfigError } from './config-error.js';

/** Alertmanager's default global.resolve_timeout (5m), in milliseconds. */
export const DEFAULT_RESOLVE_TIMEOUT = 5 * 60_000;

/** Above Alertmanager's default repeat_interval (4h): an upstream re-sends a firing group at least that often. */
export const DEFAULT_WEBHOOK_RESOLVE_TIMEOUT = 5 * 3_600_000;

/** Long enough to cover an HA pair's second delivery and Alertmanager's retries. */
export const DEFAULT_DEDUP_WINDOW = 5 * 60_000;

/** What loadConfig reads besides the config text. */
export interface LoadConfigOptions {
  /**
   * The files the config's `templates:` globs matched, named by their path
   * relative to the config's folder (see scripts/template-files.mjs).
   * Without it only the default templates are loaded and the globs are not
   * checked.
   */
  readonly templates?: readonly TemplateFile[];
  /**
   * At build time, where there are no secrets: the value each `${NAME}`
   * reference stands in with (see secret-placeholders.ts), instead of
   * reading `env`.
   */
  readonly secretPlaceholder?: SecretPlaceholder;
}

/**
 * Parses and validates a config file. `env` holds the Worker's secrets and
 * vars (`${NAME}` references read string entries only).
 */
export function loadConfig(
  text: string,
  env: Readonly<Record<string, unknown>>,
  options: LoadConfigOptions = {},
): Result<Config, ConfigError[]> {
  const parsed = parseYaml(text);
  if (!parsed.ok) return parsed;
  const { doc } = parsed.value;
  // An empty file is an empty mapping; Alertmanager then reports the missing route.
  const tree = parsed.value.tree ?? {};

  const secrets = resolveSecrets(tree, env, options.secretPlaceholder);
  const schema = configSchema.safeParse(secrets.tree);
  const intervals = timeIntervalsOf(secrets.tree);
  const templates = configTemplates(templateGlobsOf(secrets.tree), options.templates);
  const found = [
    ...(schema.success ? [] : zodIssuesToErrors(schema.error.issues)),
    ...(intervals.ok ? [] : intervals.error),
    ...(templates.ok ? [] : templates.error),
    ...(isRecord(secrets.tree) ? crossCheck(secrets.tree) : []),
    ...integrationChecks(tree),
    ...(schema.success ? checkEmailsAndContacts(schema.data, tree, env) : []),
    ...(schema.success ? checkOnCall(schema.data) : []),
  ].filter((e) => !secrets.unresolvedPaths.some((p) => isWithinPath(e.path, p)));
  const errors = sortByDocumentOrder(scrubSecrets(withoutRepeats([...secrets.errors, ...found]), secrets.values), doc);
  if (errors.length > 0 || !schema.success || !intervals.ok || !templates.ok) return err(errors);

  const raw = schema.data;
  if (!raw.route) return err([{ path: 'route', message: 'no route provided in config' }]); // crossCheck reported it
  const webhookIngest = {
    resolveTimeout: raw.webhook_ingest?.resolve_timeout ?? DEFAULT_WEBHOOK_RESOLVE_TIMEOUT,
    dedupWindow: raw.webhook_ingest?.dedup_window ?? DEFAULT_DEDUP_WINDOW,
  };
  // Repeats dropped at the edge do not refresh an alert's end: the window must leave room for one to land.
  if (webhookIngest.dedupWindow * 2 > webhookIngest.resolveTimeout) {
    const message = `dedup_window (${formatDuration(webhookIngest.dedupWindow)}) must be at most half of webhook_ingest.resolve_timeout (${formatDuration(webhookIngest.resolveTimeout)}), or repeats dropped at the edge would let firing alerts time out`;
    return err([{ path: 'webhook_ingest.dedup_window', message }]);
  }
  const receiverNames = new Set((raw.receivers ?? []).map((r) => r.name));
  const heartbeatErrors = checkHeartbeats(raw.heartbeats ?? [], raw.silence_expiry_notice, receiverNames);
  if (heartbeatErrors.length > 0) return err(heartbeatErrors);
  const route = buildRouteTree(raw.route);
  const heartbeats = buildHeartbeats(raw.heartbeats ?? [], route.escalation);
  const silenceExpiryNotice = raw.silence_expiry_notice;
  const globalHttp = toHttpConfig(raw.global?.http_config, DEFAULT_HTTP_CONFIG);
  return ok({
    global: { resolveTimeout: raw.global?.resolve_timeout ?? DEFAULT_RESOLVE_TIMEOUT, http: globalHttp },
    route: withSyntheticRoutes(route, heartbeats, silenceExpiryNotice),
    // People's contact receivers (person:NAME) come after the written ones.
    receivers: buildReceivers([...(raw.receivers ?? []), ...contactReceivers(raw.people)], globalHttp, raw.global),
    inhibitRules: buildInhibitRules(raw.inhibit_rules ?? []),
    timeIntervals: intervals.value,
    templates: templates.value,
    shards: raw.shards ?? 1,
    webhookIngest,
    heartbeats,
    oncall: buildOnCall(raw),
    ...(silenceExpiryNotice ? { silenceExpiryNotice } : {}),
    redactedOriginal: redactConfigText(text, doc),
    secretNames: secrets.names,
  });
}

/** The errors with exact repeats dropped (two checks may see the same global field from different entries). */
function withoutRepeats(errors: readonly ConfigError[]): ConfigError[] {
  const seen = new Set<string>();
  return errors.filter((e) => {
    const key = `${e.path}\n${e.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * `time_intervals` and the older `mute_time_intervals` together, validated by
 * the timeinterval module (name clashes between them are a cross-check).
 */
function timeIntervalsOf(tree: unknown): Result<TimeIntervalSet, ConfigError[]> {
  const merged = new Map<string, TimeIntervalSet extends ReadonlyMap<string, infer V> ? V : never>();
  const errors: ConfigError[] = [];
  for (const field of ['mute_time_intervals', 'time_intervals'] as const) {
    const raw = isRecord(tree) ? tree[field] : undefined;
    if (raw === undefined || raw === null) continue;
    const parsed = parseTimeIntervals(raw, field);
    if (!parsed.ok) errors.push(...parsed.error);
    else for (const [name, list] of parsed.value) if (!merged.has(name)) merged.set(name, list);
  }
  return errors.length > 0 ? err(errors) : ok(merged);
}
