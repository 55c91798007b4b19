/**
 * The `edgealert` command: check, routes test|tree, who, diff. Reads files
 * and the network here; the commands themselves are plain functions.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { findTemplateFiles, templateGlobs } from '../../scripts/template-files.mjs';
import { formatConfigErrors } from '../config/index.js';
import { fail, type CliFiles, type CliResult } from './cli-io.js';
import { check } from './commands/check.js';
import { diffRouting } from './commands/diff.js';
import { routesTest, routesTree } from './commands/routes.js';
import { who } from './commands/who.js';
import { loadConfigFile } from './load-config-file.js';
import { parseLabelArgs, parseLabelFile } from './parse-labels.js';

const USAGE = `usage:
  edgealert check [routes.yaml] [--secret NAME ...]
  edgealert routes test [--config routes.yaml] [--verify-receivers a,b] label=value ...
  edgealert routes tree [--config routes.yaml]
  edgealert who [--config routes.yaml] [--at TIME] label=value ...
  edgealert diff OLD.yaml NEW.yaml (--labels FILE | --url URL [--token TOKEN])
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
      labels: { type: 'string' },
      url: { type: 'string' },
      token: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const [command, ...rest] = positionals;
  if (values.help || !command) return { stdout: USAGE, stderr: '', exitCode: command ? 0 : 2 };
  if (command === 'check') {
    return check(files, { config: rest[0] ?? values.config, secrets: values.secret, wranglerToml: 'wrangler.toml', devVars: '.dev.vars' });
  }
  if (command === 'diff') return diff(rest, values.labels, values.url, values.token);
  const loaded = loadConfigFile(files, values.config);
  if (!loaded.ok) return fail(typeof loaded.error === 'string' ? `${loaded.error}\n` : `${values.config}: invalid\n${formatConfigErrors(loaded.error)}\n`);
  const { config } = loaded.value;
  if (command === 'routes' && rest[0] === 'tree') return routesTree(config.route);
  const labels = parseLabelArgs(command === 'routes' ? rest.slice(1) : rest);
  if (!labels.ok) return fail(`${labels.error}\n`, 2);
  if (command === 'routes' && rest[0] === 'test') return routesTest(config.route, labels.value, values['verify-receivers']?.split(','));
  if (command === 'who') {
    const at = values.at ? Date.parse(values.at) : Date.now();
    if (Number.isNaN(at)) return fail(`bad --at "${values.at}": expected a date-time like 2026-11-25T09:00:00Z\n`, 2);
    return who(config, labels.value, at);
  }
  return fail(`unknown command "${[command, ...rest.slice(0, 1)].join(' ')}"\n${USAGE}`, 2);
}

async function diff(paths: string[], labelsFile?: string, url?: string, token?: string): Promise<CliResult> {
  const [oldPath, newPath] = paths;
  if (!oldPath || !newPath || (!labelsFile && !url)) return fail(USAGE, 2);
  const [before, after] = [loadConfigFile(files, oldPath), loadConfigFile(files, newPath)];
  for (const [path, loaded] of [[oldPath, before], [newPath, after]] as const) {
    if (!loaded.ok) return fail(typeof loaded.error === 'string' ? `${loaded.error}\n` : `${path}: invalid\n${formatConfigErrors(loaded.error)}\n`);
  }
  if (!before.ok || !after.ok) return fail('unreachable\n');
  const samples = labelsFile ? parseLabelFile(files.readFile(labelsFile) ?? '') : await firingLabelSets(url ?? '', token);
  if (!samples.ok) return fail(`${samples.error}\n`, 2);
  return diffRouting(before.value.config.route, after.value.config.route, samples.value);
}

/** The label sets of the alerts firing on a running instance. */
async function firingLabelSets(url: string, token?: string) {
  const response = await fetch(`${url.replace(/\/+$/, '')}/api/v2/alerts`, { headers: token ? { Authorization: `Bearer ${token}` } : {} });
  if (!response.ok) return { ok: false as const, error: `GET ${url}/api/v2/alerts answered ${response.status}` };
  const alerts = (await response.json()) as { labels: Record<string, string> }[];
  return { ok: true as const, value: alerts.map((a) => a.labels) };
}

const result = await run(process.argv.slice(2)).catch((e: unknown) => fail(`edgealert: ${(e as Error).message}\n`, 2));
process.stdout.write(result.stdout);
process.stderr.write(result.stderr);
process.exitCode = result.exitCode;
