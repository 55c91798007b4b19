/**
 * Where an escalation stands: steps are numbered over all passes (position
 * = pass * steps + step), each due `after` from the start of its pass, and
 * pass N starts N * repeat_after after the escalation started.
 */
import type { EscalationPolicy, EscalationStep } from '../config/oncall-types.js';

/** How many steps run over every pass. */
export function totalSteps(policy: EscalationPolicy): number {
  return policy.steps.length * (policy.repeat + 1);
}

/** The step at a position (undefined past the last pass). */
export function stepAt(policy: EscalationPolicy, position: number): EscalationStep | undefined {
  if (position < 0 || position >= totalSteps(policy)) return undefined;
  return policy.steps[position % policy.steps.length];
}

/** When the step at `position` is due, for an escalation that started at `startedAt`. */
export function stepDueAt(policy: EscalationPolicy, startedAt: number, position: number): number | undefined {
  const step = stepAt(policy, position);
  if (!step) return undefined;
  return startedAt + Math.floor(position / policy.steps.length) * policy.repeatAfter + step.after;
}

/** "step 2 of 3" or, with repeats, "step 2 of 3, pass 2 of 3". */
export function describeStep(policy: EscalationPolicy, position: number): string {
  const n = policy.steps.length;
  const step = `step ${(position % n) + 1} of ${n}`;
  return policy.repeat === 0 ? step : `${step}, pass ${Math.floor(position / n) + 1} of ${policy.repeat + 1}`;
}
