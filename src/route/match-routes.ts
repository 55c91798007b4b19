/**
 * Walking the routing tree (Alertmanager's Route.Match): a matching node
 * tries its children in order, stopping after the first match unless that
 * child has `continue: true`; with no matching child the node itself matches.
 */
import type { LabelSet } from '../alert/labels.js';
import type { Route } from '../config/types.js';
import { matchesLabels } from '../matcher/index.js';

/** Every route an alert with these labels is delivered through, in tree order. */
export function matchRoutes(route: Route, labels: LabelSet): Route[] {
  if (!matchesLabels(route.matchers, labels)) return [];
  const matched: Route[] = [];
  for (const child of route.routes) {
    const found = matchRoutes(child, labels);
    matched.push(...found);
    if (found.length > 0 && !child.continue) break;
  }
  return matched.length > 0 ? matched : [route];
}

/** Looks a route up by its tree id ("0.1.2"); undefined when the tree has no such node. */
export function findRoute(root: Route, id: string): Route | undefined {
  const [head, ...path] = id.split('.');
  if (head !== '0') return undefined;
  let node: Route | undefined = root;
  for (const index of path) node = node?.routes[Number(index)];
  return node;
}
