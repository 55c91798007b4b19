/**
 * `edgealert diff OLD NEW (--labels FILE | --url URL)`: for sample label sets,
 * what changes in routing between two configs (receivers and group keys),
 * one block per label set that changes. Made for CI on pull requests: exit 0
 * when nothing changes, 3 when something does (so a pipeline can require a
 * review), 1 on errors.
 */
import type { LabelSet } from '../../alert/labels.js';
import { formatLabelSet } from '../../alert/label-set.js';
import type { Route } from '../../config/types.js';
import { ok, type CliResult } from '../cli-io.js';
import { routeMatches, type RouteMatch } from './routes.js';

export const CHANGED_EXIT_CODE = 3;

export function diffRouting(oldRoot: Route, newRoot: Route, samples: readonly LabelSet[]): CliResult {
  const blocks: string[] = [];
  for (const labels of samples) {
    const before = describe(routeMatches(oldRoot, labels));
    const after = describe(routeMatches(newRoot, labels));
    if (before.join('\n') === after.join('\n')) continue;
    blocks.push(
      [
        formatLabelSet(labels),
        ...before.filter((line) => !after.includes(line)).map((line) => `  - ${line}`),
        ...after.filter((line) => !before.includes(line)).map((line) => `  + ${line}`),
      ].join('\n'),
    );
  }
  if (blocks.length === 0) return ok(`no routing changes for ${samples.length} label sets\n`);
  const summary = `${blocks.length} of ${samples.length} label sets route differently\n`;
  return { stdout: `${blocks.join('\n')}\n${summary}`, stderr: '', exitCode: CHANGED_EXIT_CODE };
}

function describe(matches: readonly RouteMatch[]): string[] {
  return matches.map((m) => `${m.receiver} (group key ${m.groupKey})`);
}
