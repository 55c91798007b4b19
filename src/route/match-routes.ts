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

/**
 * Looks a route up by its tree id ("0.1.2", or a synthetic child such as
 * "0.hb:NAME"); undefined when the tree has no such node. Children are found
 * by id, not position, since synthetic routes come before the file's.
 */
export function findRoute(root: Route, id: string): Route | undefined {
  const [head, ...path] = id.split('.');
  if (head !== '0') return undefined;
  let node: Route | undefined = root;
  let prefix = '0';
  for (const segment of path) {
    prefix = `${prefix}.${segment}`;
    const wanted = prefix;
    node = node?.routes.find((child) => child.id === wanted);
  }
  return node;
}
