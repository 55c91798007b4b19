/**
 * `edgealert check [routes.yaml]`: everything the Worker would check when it
 * loads the config (schema, references, templates, time intervals), plus
 * secrets referenced but declared nowhere (wrangler.toml [vars], .dev.vars,
 * --secret), and send_email bindings wrangler.toml does not declare. Each problem on its own line with its path; exit 1 on any.
 * With --url, also the running service's overrides and open incidents
 * that this config would break (live-checks.ts).
 */
import { formatConfigErrors } from '../../config/index.js';
import { fail, ok, type CliFiles, type CliResult } from '../cli-io.js';
import { dotenvNames, wranglerSendEmailNames, wranglerVarNames } from '../declared-secrets.js';
import { liveStateProblems, type CheckedLiveState } from '../live-checks.js';
import { loadConfigFile, referencedEmailBindings, referencedSecrets } from '../load-config-file.js';

export interface CheckOptions {
  readonly config: string;
  /** Secret names set with `wrangler secret put` (not visible locally). */
  readonly secrets: readonly string[];
  readonly wranglerToml: string;
  readonly devVars: string;
  /** The state of a running instance (--url) and when it was read. */
  readonly live?: (CheckedLiveState & { readonly url: string; readonly now: number }) | undefined;
}

export function check(files: CliFiles, options: CheckOptions): CliResult {
  const declared = [
    ...options.secrets,
    ...wranglerVarNames(files.readFile(options.wranglerToml) ?? ''),
    ...dotenvNames(files.readFile(options.devVars) ?? ''),
  ];
  const { live } = options;
  const loaded = loadConfigFile(files, options.config);
  const text = files.readFile(options.config) ?? '';
  const problems = [
    ...(loaded.ok ? [] : [typeof loaded.error === 'string' ? loaded.error : formatConfigErrors(loaded.error)]),
    ...referencedSecrets(text)
      .filter((name) => !declared.includes(name))
      .map((name) => `\${${name}}: not declared (add it with \`npx wrangler secret put ${name}\` and pass --secret ${name}, or to .dev.vars for local runs)`),
    ...referencedEmailBindings(text)
      .filter((name) => !wranglerSendEmailNames(files.readFile(options.wranglerToml) ?? '').includes(name))
      .map((name) => `send_email binding ${JSON.stringify(name)}: not declared in wrangler.toml (add [[send_email]] with name = ${JSON.stringify(name)})`),
    ...(loaded.ok && live ? liveStateProblems(loaded.value.config.oncall, live, live.now).map((p) => `${live.url}: ${p}`) : []),
  ];
  if (!loaded.ok || problems.length > 0) return fail(`${options.config}: invalid\n${problems.join('\n')}\n`);
  const { config } = loaded.value;
  const summary = `${options.config}: ok (${countRoutes(config.route)} routes, ${config.receivers.size} receivers, ${config.inhibitRules.length} inhibit rules)\n`;
  return ok(live ? `${summary}${live.url}: ${live.overrides.filter((o) => o.end > live.now).length} current overrides and ${live.incidents.length} open incidents fit this config\n` : summary);
}

function countRoutes(route: { routes: readonly unknown[] }): number {
  return 1 + route.routes.reduce<number>((n, child) => n + countRoutes(child as { routes: readonly unknown[] }), 0);
}
