/**
 * `edgealert diff OLD NEW (--labels FILE | --url URL)`: for sample label sets,
 * what changes in routing and paging between two configs (receivers, group
 * keys, and the escalation policy each route runs, step by step), one block
 * per label set that changes. Made for CI on pull requests: exit 0
 * when nothing changes, 3 when something does (so a pipeline can require a
 * review), 1 on errors.
 */
import type { LabelSet } from '../../alert/labels.js';
import { formatLabelSet } from '../../alert/label-set.js';
import { formatDuration } from '../../config/duration.js';
import type { Config } from '../../config/types.js';
import { targetName } from '../../escalation/transitions.js';
import { findRoute } from '../../route/match-routes.js';
import { ok, type CliResult } from '../cli-io.js';
import { routeMatches, type RouteMatch } from './routes.js';

export const CHANGED_EXIT_CODE = 3;

export function diffRouting(oldConfig: Config, newConfig: Config, samples: readonly LabelSet[]): CliResult {
  const blocks: string[] = [];
  for (const labels of samples) {
    const before = describe(oldConfig, routeMatches(oldConfig.route, labels));
    const after = describe(newConfig, routeMatches(newConfig.route, labels));
    if (before.join('\n') === after.join('\n')) continue;
    blocks.push(
      [
        formatLabelSet(labels),
        ...before.filter((line) => !after.includes(line)).map((line) => `  - ${line}`),
        ...after.filter((line) => !before.includes(line)).map((line) => `  + ${line}`),
      ].join('\n'),
    );
  }
  if (blocks.length === 0) return ok(`no routing or paging changes for ${samples.length} label sets\n`);
  const summary = `${blocks.length} of ${samples.length} label sets route or page differently\n`;
  return { stdout: `${blocks.join('\n')}\n${summary}`, stderr: '', exitCode: CHANGED_EXIT_CODE };
}

function describe(config: Config, matches: readonly RouteMatch[]): string[] {
  return matches.map((m) => `${m.receiver} (group key ${m.groupKey})${escalationOf(config, m.path)}`);
}

/** `, escalation critical: 0s team-chat; 5m schedule:sre (repeat 1 every 30m)`, or nothing. */
function escalationOf(config: Config, routeId: string): string {
  const name = findRoute(config.route, routeId)?.escalation;
  if (name === undefined) return '';
  const policy = config.oncall.escalationPolicies.get(name);
  if (!policy) return `, escalation ${name}`;
  const steps = policy.steps.map((step) => `${formatDuration(step.after)} ${step.notify.map(targetName).join(', ')}`).join('; ');
  const repeat = policy.repeat > 0 ? ` (repeat ${policy.repeat} every ${formatDuration(policy.repeatAfter)})` : '';
  return `, escalation ${name}: ${steps}${repeat}`;
}
