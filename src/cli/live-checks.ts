/**
 * `check --url`: what the running service holds that the config under
 * check would break once deployed. An override still to end must name a
 * schedule and a person the config has (else it is ignored, or puts on
 * call someone nobody can reach); an open incident must name a policy the
 * config has (else it stops escalating).
 */
import { formatTime } from '../alert/time.js';
import type { OnCallConfig } from '../config/oncall-types.js';
import type { Override } from '../oncall/index.js';
import type { LiveIncident } from './live-state.js';

export interface CheckedLiveState {
  readonly overrides: readonly Override[];
  readonly incidents: readonly LiveIncident[];
}

/** One line per problem, empty when the live state fits the config. */
export function liveStateProblems(oncall: OnCallConfig, live: CheckedLiveState, now: number): string[] {
  const problems: string[] = [];
  for (const o of live.overrides) {
    if (o.end <= now) continue;
    const what = `override ${o.id} (${o.person} on ${o.schedule} until ${formatTime(o.end)})`;
    if (!oncall.schedules.has(o.schedule)) problems.push(`${what}: schedule ${JSON.stringify(o.schedule)} is not in this config, so the override would be ignored`);
    else if (!oncall.people.has(o.person)) problems.push(`${what}: person ${JSON.stringify(o.person)} is not in this config, so ${o.schedule} would page no one while it lasts`);
  }
  for (const i of live.incidents) {
    if (!oncall.escalationPolicies.has(i.policy)) {
      problems.push(`incident ${i.id} (open, receiver ${i.receiver}): escalation policy ${JSON.stringify(i.policy)} is not in this config, so it would stop escalating`);
    }
  }
  return problems;
}
