/**
 * `edgealert routes test [--config F] [--verify-receivers a,b] label=value...`
 * (like `amtool config routes test`): the routes an alert with these labels
 * takes, their receivers and group keys. `edgealert routes tree` prints the
 * routing tree with each node's settings.
 */
import type { LabelSet } from '../../alert/labels.js';
import type { Route } from '../../config/types.js';
import { formatDuration } from '../../config/index.js';
import { formatMatchers } from '../../matcher/index.js';
import { groupKey, groupLabelsFor } from '../../route/group-labels.js';
import { matchRoutes } from '../../route/match-routes.js';
import { fail, ok, type CliResult } from '../cli-io.js';

/** One matched route as the CLI reports it. */
export interface RouteMatch {
  readonly receiver: string;
  readonly path: string;
  readonly groupKey: string;
}

export function routeMatches(root: Route, labels: LabelSet): RouteMatch[] {
  return matchRoutes(root, labels).map((route) => ({
    receiver: route.receiver,
    path: route.id,
    groupKey: groupKey(route, groupLabelsFor(route, labels)),
  }));
}

export function routesTest(root: Route, labels: LabelSet, verifyReceivers?: readonly string[]): CliResult {
  const matches = routeMatches(root, labels);
  const receivers = matches.map((m) => m.receiver);
  const lines = [receivers.join(','), ...matches.map((m) => `  route ${m.path} -> ${m.receiver}, group key ${m.groupKey}`)];
  const text = `${lines.join('\n')}\n`;
  if (verifyReceivers && verifyReceivers.join(',') !== receivers.join(',')) {
    return fail(`WARNING: expected receivers ${verifyReceivers.join(',')}, got ${receivers.join(',')}\n`, 1, text);
  }
  return ok(text);
}

/** The routing tree, one node per line, indented by depth. */
export function routesTree(root: Route): CliResult {
  const lines: string[] = [];
  const walk = (route: Route, depth: number) => {
    const matchers = route.matchers.length > 0 ? formatMatchers(route.matchers) : '(all)';
    const groupBy = route.groupByAll ? '...' : route.groupBy.join(',');
    const settings = `group_by [${groupBy}] wait ${formatDuration(route.groupWait)} interval ${formatDuration(route.groupInterval)} repeat ${formatDuration(route.repeatInterval)}`;
    lines.push(`${'  '.repeat(depth)}${route.id} ${matchers} -> ${route.receiver}${route.continue ? ' (continue)' : ''}  ${settings}`);
    for (const child of route.routes) walk(child, depth + 1);
  };
  walk(root, 0);
  return ok(`${lines.join('\n')}\n`);
}
