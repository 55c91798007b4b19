/**
 * What an escalation policy would do for an incident opened at an instant
 * and never acknowledged: each step over its passes, when it is due, and
 * whom its targets reach then (a schedule's on-call person at that moment,
 * a person's receivers), resolved the way the incident desk resolves them.
 */
import type { EscalationPolicy, EscalationTarget, OnCallConfig } from '../config/oncall-types.js';
import { personReceivers } from '../escalation/people.js';
import { describeStep, stepAt, stepDueAt, totalSteps } from '../escalation/steps.js';
import { onCallAt, type OnCallAnswer, type Override } from '../oncall/index.js';

/** A target and the receivers it reaches when its step runs. */
export type PlannedTarget =
  | { readonly kind: 'receiver'; readonly name: string; readonly receivers: readonly string[] }
  | { readonly kind: 'person'; readonly name: string; readonly receivers: readonly string[] }
  | { readonly kind: 'schedule'; readonly name: string; readonly receivers: readonly string[]; readonly onCall: OnCallAnswer | null };

export interface PlannedStep {
  /** "step 2 of 3, pass 1 of 2". */
  readonly label: string;
  /** From the incident's start. */
  readonly delay: number;
  readonly dueAt: number;
  readonly targets: readonly PlannedTarget[];
}

export interface EscalationPlan {
  readonly steps: readonly PlannedStep[];
  /** Passes left out after `maxPasses` (0 when every pass is listed). */
  readonly passesLeftOut: number;
  /** When the last step of all passes is due. */
  readonly lastDueAt: number;
}

/**
 * The steps of `policy` for an incident opened at `startedAt`, the first
 * `maxPasses` passes of them; schedules are asked with `overrides`.
 */
export function planEscalation(oncall: OnCallConfig, policy: EscalationPolicy, startedAt: number, overrides: readonly Override[], maxPasses: number): EscalationPlan {
  const positions = Math.min(totalSteps(policy), policy.steps.length * maxPasses);
  const steps: PlannedStep[] = [];
  for (let position = 0; position < positions; position++) {
    const step = stepAt(policy, position);
    const dueAt = stepDueAt(policy, startedAt, position);
    if (!step || dueAt === undefined) break;
    const targets = step.notify.map((target) => resolveTarget(oncall, target, overrides, dueAt));
    steps.push({ label: describeStep(policy, position), delay: dueAt - startedAt, dueAt, targets });
  }
  return {
    steps,
    passesLeftOut: Math.max(0, policy.repeat + 1 - maxPasses),
    lastDueAt: stepDueAt(policy, startedAt, totalSteps(policy) - 1) ?? startedAt,
  };
}

/** Whom one target reaches at `at`, as the incident desk resolves it. */
function resolveTarget(oncall: OnCallConfig, target: EscalationTarget, overrides: readonly Override[], at: number): PlannedTarget {
  if (target.kind === 'receiver') return { ...target, receivers: [target.name] };
  if (target.kind === 'person') return { ...target, receivers: personReceivers(oncall, target.name) };
  const schedule = oncall.schedules.get(target.name);
  const onCall = schedule ? onCallAt(schedule, overrides, at) : null;
  return { ...target, onCall, receivers: onCall ? personReceivers(oncall, onCall.person) : [] };
}
