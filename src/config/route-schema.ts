/**
 * A `route:` node as written (config.Route of Alertmanager 0.25), with the
 * checks Alertmanager makes on each node while reading it: valid and unique
 * group_by labels, `...` alone, valid matchers, group_interval and
 * repeat_interval not zero. Checks that need the whole config (receivers and
 * time intervals exist, rules for the root) are in cross-checks.ts;
 * inheritance is in route-tree.ts.
 */
import * as z from 'zod';
import { equalMatchMap, matcherLines, regexMatchMap } from './matcher-fields.js';
import { durationSchema, expected, goBool, goString, LABEL_NAME_RE, nonZeroDuration } from './scalar-schemas.js';
import { strictObject } from './strict-object.js';

/** `group_by: ['...']` groups by every label. */
export const GROUP_BY_ALL = '...';

const groupBySchema = z.array(goString, { error: expected('a list of label names') }).superRefine((labels, ctx) => {
  const seen = new Set<string>();
  labels.forEach((label, i) => {
    if (label === GROUP_BY_ALL) return;
    if (!LABEL_NAME_RE.test(label)) {
      ctx.addIssue({ code: 'custom', path: [i], message: `invalid label name ${JSON.stringify(label)} in group_by list` });
    } else if (seen.has(label)) {
      ctx.addIssue({ code: 'custom', path: [i], message: `duplicated label ${JSON.stringify(label)} in group_by` });
    }
    seen.add(label);
  });
  if (labels.includes(GROUP_BY_ALL) && labels.some((l) => l !== GROUP_BY_ALL)) {
    ctx.addIssue({ code: 'custom', message: "cannot have wildcard group_by ('...') and other labels at the same time" });
  }
});

const nameList = z.array(goString, { error: expected('a list of names') });

/** A parsed route node. */
export interface RawRoute {
  receiver?: string | undefined;
  group_by?: string[] | undefined;
  match?: z.output<typeof equalMatchMap> | undefined;
  match_re?: z.output<typeof regexMatchMap> | undefined;
  matchers?: z.output<typeof matcherLines> | undefined;
  mute_time_intervals?: string[] | undefined;
  active_time_intervals?: string[] | undefined;
  continue?: boolean | undefined;
  routes?: RawRoute[] | undefined;
  group_wait?: number | undefined;
  group_interval?: number | undefined;
  repeat_interval?: number | undefined;
  escalation?: string | undefined;
  notify_on_silence_end?: boolean | undefined;
  send_resolved_when_silenced?: boolean | undefined;
}

/** A `route:` node and, recursively, its `routes:`. */
export const routeSchema: z.ZodType<RawRoute> = strictObject({
  receiver: goString.optional(),
  group_by: groupBySchema.optional(),
  match: equalMatchMap.optional(),
  match_re: regexMatchMap.optional(),
  matchers: matcherLines.optional(),
  mute_time_intervals: nameList.optional(),
  active_time_intervals: nameList.optional(),
  continue: goBool.optional(),
  get routes() {
    return z.array(routeSchema, { error: expected('a list of routes') }).optional();
  },
  group_wait: durationSchema.optional(),
  group_interval: nonZeroDuration('group_interval').optional(),
  repeat_interval: nonZeroDuration('repeat_interval').optional(),
  // edgealert extension: the policy an incident of each group runs (a name, or `none`); checked in oncall-checks.ts.
  escalation: goString.optional(),
  // edgealert options, off by default, inherited like group_wait (README "Options").
  notify_on_silence_end: goBool.optional(),
  send_resolved_when_silenced: goBool.optional(),
});
