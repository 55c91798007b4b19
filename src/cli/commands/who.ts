/**
 * `edgealert who [--config F] [--at TIME] [--url U] label=value...`: who
 * gets notified and paged for such an alert starting at that moment: each
 * route it takes, its receiver, when the first notification would go out,
 * whether the route's time intervals mute it then, and the route's
 * escalation policy step by step: when each step would run, who each
 * schedule has on call at that moment, and the receivers people reach.
 * With live state (--url), the service's overrides count in the on-call
 * answers and its silences say whether the alert would be silenced.
 */
import type { LabelSet } from '../../alert/labels.js';
import { formatTime } from '../../alert/time.js';
import { formatDuration } from '../../config/index.js';
import type { Config, Route } from '../../config/types.js';
import { targetName } from '../../escalation/transitions.js';
import { formatMatchers } from '../../matcher/index.js';
import { mutedByTime, silencedBy } from '../../notify/mute-stage.js';
import type { Override } from '../../oncall/index.js';
import { matchRoutes } from '../../route/match-routes.js';
import { toMatcher } from '../../silence/silence-matchers.js';
import type { Silence } from '../../silence/types.js';
import { ok, type CliResult } from '../cli-io.js';
import { planEscalation, type PlannedTarget } from '../escalation-plan.js';
import { formatOnCall, formatReceivers, stateHeader } from '../format-oncall.js';

/** What a running instance knows that the config does not. */
export interface LiveState {
  readonly url: string;
  readonly overrides: readonly Override[];
  readonly silences: readonly Silence[];
}

export interface WhoOptions {
  /** When the alert starts (epoch ms). */
  readonly at: number;
  readonly live?: LiveState | undefined;
}

/** Passes of a repeating policy listed step by step; the rest are summed up in one line. */
export const LISTED_PASSES = 3;

/** The routes, receivers and escalation an alert with `labels` starting at `options.at` goes through. */
export function who(config: Config, labels: LabelSet, options: WhoOptions): CliResult {
  const { at, live } = options;
  const silencing = live ? silencedBy(live.silences, labels, at) : [];
  const silences = live?.silences.filter((s) => silencing.includes(s.id)) ?? [];
  const lines = [stateHeader(formatTime(at), live?.url, 'overrides and silences'), ...silences.map(describeSilence)];
  for (const route of matchRoutes(config.route, labels)) {
    const timeMuted = mutedByTime(route, config.timeIntervals, at);
    const outcome = silences.length > 0
      ? 'silenced at this time'
      : timeMuted
        ? 'muted by its time intervals at this time'
        : `notified ${formatDuration(route.groupWait)} after the alert starts, repeated every ${formatDuration(route.repeatInterval)} while it fires`;
    lines.push(`  route ${route.id} -> receiver ${formatReceivers(config, [route.receiver])}: ${outcome}`);
    if (route.escalation !== undefined) lines.push(...escalationLines(config, route, route.escalation, at, timeMuted || silences.length > 0, live?.overrides ?? []));
  }
  return ok(`${lines.join('\n')}\n`);
}

function describeSilence(silence: Silence): string {
  const by = silence.comment ? `${silence.createdBy}: ${silence.comment}` : silence.createdBy;
  return `  silenced by ${silence.id} until ${formatTime(silence.endsAt)} (${formatMatchers(silence.matchers.map(toMatcher))}, ${by}): no receiver is notified and no incident opens while it lasts`;
}

/** The route's policy step by step; times and on-call people only when the route notifies at `at`. */
function escalationLines(config: Config, route: Route, name: string, at: number, muted: boolean, overrides: readonly Override[]): string[] {
  const policy = config.oncall.escalationPolicies.get(name);
  if (!policy) return [`    escalation ${name}: no such policy in the config`];
  const opensAt = at + route.groupWait;
  const plan = planEscalation(config.oncall, policy, opensAt, overrides, LISTED_PASSES);
  const header = muted
    ? `    escalation ${name}: no incident while the route is muted; once it notifies, until acknowledged:`
    : `    escalation ${name}: an incident opens with the first notification (${formatTime(opensAt)}); until acknowledged:`;
  const steps = plan.steps.map((step) =>
    muted
      ? `      ${step.label}, after ${formatDuration(step.delay)}: ${step.targets.map(targetName).join(', ')}`
      : `      ${step.label}, after ${formatDuration(step.delay)} (${formatTime(step.dueAt)}): ${step.targets.map((t) => describeTarget(config, t)).join('; ')}`,
  );
  const rest = plan.passesLeftOut > 0
    ? [`      ... ${plan.passesLeftOut} more passes of the same steps, one every ${formatDuration(policy.repeatAfter)}${muted ? '' : `, the last step at ${formatTime(plan.lastDueAt)}`}`]
    : [];
  return [header, ...steps, ...rest];
}

/** `pager (webhook)`, `person:carol -> carol-phone (webhook)`, `schedule:sre -> alice (rotation weekly) -> ...`. */
function describeTarget(config: Config, target: PlannedTarget): string {
  if (target.kind === 'receiver') return formatReceivers(config, target.receivers);
  const reached = target.receivers.length > 0 ? formatReceivers(config, target.receivers) : 'pages no one';
  if (target.kind === 'person') return `${targetName(target)} -> ${reached}`;
  return `${targetName(target)} -> ${formatOnCall(target.onCall)}${target.onCall ? ' -> ' : ' on call: '}${reached}`;
}
