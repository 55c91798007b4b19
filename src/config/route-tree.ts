/**
 * Builds the routing tree from the parsed `route:` block, with Alertmanager's
 * inheritance (dispatch.NewRoute):
 * - receiver, group_wait, group_interval, repeat_interval: a child's own
 *   value, else its parent's; the root starts from 30s / 5m / 4h;
 * - group_by: a non-empty list of labels replaces the parent's (and clears
 *   `...`); `['...']` turns on group-by-all and keeps the parent's labels
 *   (unused then); absent or `[]` inherits both;
 * - notify_on_silence_end, send_resolved_when_silenced (edgealert options):
 *   inherited like group_wait, false at the root unless set;
 * - escalation (edgealert extension): inherited like receiver; `none`
 *   clears it for the node and its subtree (unless a child names a policy);
 * - mute_time_intervals / active_time_intervals: never inherited;
 * - matchers: match, match_re and matchers together, sorted like
 *   Alertmanager (name, value, type);
 * - key: the parent's key + "/" + this node's matchers (`{}` when none);
 * - id: the node's position, "0" for the root, "0.1.2" for the third child
 *   of the root's second child.
 */
import { formatMatchers, sortMatchers } from '../matcher/index.js';
import { effectiveEscalation } from './oncall-schema.js';
import { GROUP_BY_ALL, type RawRoute } from './route-schema.js';
import type { Route } from './types.js';

/** Alertmanager's DefaultRouteOpts, the root's starting point (milliseconds). */
export const ROOT_DEFAULTS = {
  groupWait: 30_000,
  groupInterval: 5 * 60_000,
  repeatInterval: 4 * 3600_000,
} as const;

/** What a node passes down to its children. */
interface Inherited {
  readonly receiver: string;
  readonly groupBy: readonly string[];
  readonly groupByAll: boolean;
  readonly groupWait: number;
  readonly groupInterval: number;
  readonly repeatInterval: number;
  readonly notifyOnSilenceEnd: boolean;
  readonly sendResolvedWhenSilenced: boolean;
  readonly escalation?: string;
}

const ROOT_INHERITED: Inherited = {
  receiver: '',
  groupBy: [],
  groupByAll: false,
  ...ROOT_DEFAULTS,
  notifyOnSilenceEnd: false,
  sendResolvedWhenSilenced: false,
};

/** Builds the tree under the root route; the root must already be validated. */
export function buildRouteTree(root: RawRoute): Route {
  return buildRoute(root, ROOT_INHERITED, undefined, '0');
}

function buildRoute(raw: RawRoute, parent: Inherited, parentKey: string | undefined, id: string): Route {
  const opts = inherit(raw, parent);
  const matchers = sortMatchers([...(raw.match ?? []), ...(raw.match_re ?? []), ...(raw.matchers ?? [])]);
  const own = formatMatchers(matchers);
  const key = parentKey === undefined ? own : `${parentKey}/${own}`;
  return {
    id,
    key,
    ...opts,
    matchers,
    continue: raw.continue ?? false,
    muteTimeIntervals: raw.mute_time_intervals ?? [],
    activeTimeIntervals: raw.active_time_intervals ?? [],
    routes: (raw.routes ?? []).map((child, i) => buildRoute(child, opts, key, `${id}.${i}`)),
  };
}

function inherit(raw: RawRoute, parent: Inherited): Inherited {
  const labels = (raw.group_by ?? []).filter((l) => l !== GROUP_BY_ALL);
  const wantsAll = (raw.group_by ?? []).includes(GROUP_BY_ALL);
  let groupBy = parent.groupBy;
  let groupByAll = parent.groupByAll;
  if (labels.length > 0) {
    groupBy = labels;
    groupByAll = false;
  } else if (wantsAll) {
    groupByAll = true;
  }
  const escalation = effectiveEscalation(raw.escalation, parent.escalation);
  return {
    receiver: raw.receiver || parent.receiver,
    groupBy,
    groupByAll,
    groupWait: raw.group_wait ?? parent.groupWait,
    groupInterval: raw.group_interval ?? parent.groupInterval,
    repeatInterval: raw.repeat_interval ?? parent.repeatInterval,
    notifyOnSilenceEnd: raw.notify_on_silence_end ?? parent.notifyOnSilenceEnd,
    sendResolvedWhenSilenced: raw.send_resolved_when_silenced ?? parent.sendResolvedWhenSilenced,
    ...(escalation === undefined ? {} : { escalation }),
  };
}
