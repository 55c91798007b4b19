/**
 * The `edgealert` command: check, routes test|tree, who, oncall, diff. Reads files
 * and the network here; the commands themselves are plain functions.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { findTemplateFiles, templateGlobs } from '../../scripts/template-files.mjs';
import { parseTime, ZERO_TIME } from '../alert/time.js';
import type { LabelSet } from '../alert/labels.js';
import { formatConfigErrors, type Config } from '../config/index.js';
import { ok, type Result } from '../util/result.js';
import { fail, type CliFiles, type CliResult } from './cli-io.js';
import { check } from './commands/check.js';
import { diffRouting } from './commands/diff.js';
import { oncall } from './commands/oncall.js';
import { routesTest, routesTree } from './commands/routes.js';
import { who } from './commands/who.js';
import { fetchFiringLabelSets, fetchOpenIncidents, fetchOverrides, fetchSilences, LIVE_STATE_EXIT_CODE, parseBaseUrl, type LiveSource } from './live-state.js';
import { loadConfigFile } from './load-config-file.js';
import { parseLabelArgs, parseLabelFile } from './parse-labels.js';

const USAGE = `usage:
  edgealert check [routes.yaml] [--secret NAME ...] [--url URL [--token TOKEN]]
  edgealert routes test [--config routes.yaml] [--verify-receivers a,b] label=value ...
  edgealert routes tree [--config routes.yaml]
  edgealert who [--config routes.yaml] [--at TIME] [--url URL [--token TOKEN]] label=value ...
  edgealert oncall [--config routes.yaml] [--schedule NAME] [--at TIME] [--url URL [--token TOKEN]]
  edgealert diff OLD.yaml NEW.yaml (--labels FILE | --url URL [--token TOKEN])
TIME is RFC 3339 (2026-11-25T09:00:00Z), default now. --url reads a running
edgealert's overrides, silences and incidents with a read token (--token, or
the EDGEALERT_TOKEN environment variable); exit 4 when it cannot.
`;

const files: CliFiles = {
  readFile: (path) => {
    try {
      return readFileSync(path, 'utf8');
    } catch {
      return undefined;
    }
  },
  templateFiles: (configPath, text) => findTemplateFiles(configPath, templateGlobs(text)),
};

async function run(argv: string[]): Promise<CliResult> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      config: { type: 'string', default: 'routes.yaml' },
      secret: { type: 'string', multiple: true, default: [] },
      'verify-receivers': { type: 'string' },
      at: { type: 'string' },
      schedule: { type: 'string' },
      labels: { type: 'string' },
      url: { type: 'string' },
      token: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const [command, ...rest] = positionals;
  if (values.help || !command) return { stdout: USAGE, stderr: '', exitCode: command ? 0 : 2 };
  const source = liveSource(values.url, values.token ?? process.env.EDGEALERT_TOKEN);
  if (!source.ok) return fail(`${source.error}\n`, 2);
  const at = values.at === undefined ? Date.now() : parseTime(values.at);
  if (at === null || at === ZERO_TIME) return fail(`bad --at "${values.at}": expected an RFC 3339 date-time like 2026-11-25T09:00:00Z\n`, 2);
  if (command === 'check') return checkCommand(rest[0] ?? values.config, values.secret, source.value);
  if (command === 'diff') return diff(rest, values.labels, source.value);
  const loaded = loadConfigFile(files, values.config);
  if (!loaded.ok) return fail(typeof loaded.error === 'string' ? `${loaded.error}\n` : `${values.config}: invalid\n${formatConfigErrors(loaded.error)}\n`);
  const { config } = loaded.value;
  if (command === 'routes' && rest[0] === 'tree') return routesTree(config.route);
  if (command === 'oncall') return oncallCommand(config, { at, schedule: values.schedule }, source.value);
  const labels = parseLabelArgs(command === 'routes' ? rest.slice(1) : rest);
  if (!labels.ok) return fail(`${labels.error}\n`, 2);
  if (command === 'routes' && rest[0] === 'test') return routesTest(config.route, labels.value, values['verify-receivers']?.split(','));
  if (command === 'who') return whoCommand(config, labels.value, at, source.value);
  return fail(`unknown command "${[command, ...rest.slice(0, 1)].join(' ')}"\n${USAGE}`, 2);
}

/** The running instance --url names, if any. */
function liveSource(url: string | undefined, token: string | undefined): Result<LiveSource | undefined> {
  if (url === undefined) return ok(undefined);
  const base = parseBaseUrl(url);
  return base.ok ? ok({ url: base.value, token: token || undefined }) : base;
}

/** `check`, with the live state when --url names it; the config is checked even when the service cannot be read. */
async function checkCommand(config: string, secrets: string[], source: LiveSource | undefined): Promise<CliResult> {
  const options = { config, secrets, wranglerToml: 'wrangler.toml', devVars: '.dev.vars' };
  if (!source) return check(files, options);
  const [overrides, incidents] = await Promise.all([fetchOverrides(source), fetchOpenIncidents(source)]);
  if (overrides.ok && incidents.ok) return check(files, { ...options, live: { url: source.url, overrides: overrides.value, incidents: incidents.value, now: Date.now() } });
  const checked = check(files, options);
  const unread = liveFailure(overrides, incidents);
  return { ...checked, stderr: `${checked.stderr}${unread.stderr}`, exitCode: checked.exitCode || unread.exitCode };
}

async function oncallCommand(config: Config, options: { at: number; schedule: string | undefined }, source: LiveSource | undefined): Promise<CliResult> {
  if (!source) return oncall(config, options);
  const overrides = await fetchOverrides(source);
  if (!overrides.ok) return liveFailure(overrides);
  return oncall(config, { ...options, live: { url: source.url, overrides: overrides.value } });
}

async function whoCommand(config: Config, labels: LabelSet, at: number, source: LiveSource | undefined): Promise<CliResult> {
  if (!source) return who(config, labels, { at });
  const [overrides, silences] = await Promise.all([fetchOverrides(source), fetchSilences(source)]);
  if (!overrides.ok || !silences.ok) return liveFailure(overrides, silences);
  return who(config, labels, { at, live: { url: source.url, overrides: overrides.value, silences: silences.value } });
}

/** The first read of the service that failed (they mostly fail alike), exit 4. */
function liveFailure(...reads: Result<unknown>[]): CliResult {
  const [error] = reads.flatMap((r) => (r.ok ? [] : [r.error]));
  return fail(`${error}\n`, LIVE_STATE_EXIT_CODE);
}

async function diff(paths: string[], labelsFile: string | undefined, source: LiveSource | undefined): Promise<CliResult> {
  const [oldPath, newPath] = paths;
  if (!oldPath || !newPath || (!labelsFile && !source)) return fail(USAGE, 2);
  const [before, after] = [loadConfigFile(files, oldPath), loadConfigFile(files, newPath)];
  for (const [path, loaded] of [[oldPath, before], [newPath, after]] as const) {
    if (!loaded.ok) return fail(typeof loaded.error === 'string' ? `${loaded.error}\n` : `${path}: invalid\n${formatConfigErrors(loaded.error)}\n`);
  }
  if (!before.ok || !after.ok) return fail('unreachable\n');
  const samples = labelsFile ? parseLabelFile(files.readFile(labelsFile) ?? '') : source && (await fetchFiringLabelSets(source));
  if (!samples) return fail(USAGE, 2);
  if (!samples.ok) return labelsFile ? fail(`${samples.error}\n`, 2) : liveFailure(samples);
  return diffRouting(before.value.config, after.value.config, samples.value);
}

const result = await run(process.argv.slice(2)).catch((e: unknown) => fail(`edgealert: ${(e as Error).message}\n`, 2));
process.stdout.write(result.stdout);
process.stderr.write(result.stderr);
process.exitCode = result.exitCode;
