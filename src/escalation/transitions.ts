/**
 * Everything that happens to an incident, as pure functions from the
 * incident (and the moment) to the next incident and the pages to send. The
 * Durable Object stores the result, then sends the pages.
 */
import type { EscalationPolicy, EscalationTarget } from '../config/oncall-types.js';
import type { NotifyAlert } from '../notify/notification.js';
import { err, ok, type Result } from '../util/result.js';
import { EDGEALERT, withEntry, type Actor, type Incident } from './incident.js';
import { describeStep, stepAt, stepDueAt, totalSteps } from './steps.js';

/** What a group's escalation delivery tells the incident: its alerts as notified now. */
export interface GroupUpdate {
  readonly policy: string;
  readonly groupKey: string;
  readonly receiver: string;
  readonly groupLabels: Readonly<Record<string, string>>;
  readonly alerts: readonly NotifyAlert[];
  /** The trace the group's notification continues (its first alert's). */
  readonly traceId?: string;
}

/** Pages to send: `trigger` to the receivers a step reached, `resolve` to everyone paged. */
export interface Page {
  readonly kind: 'trigger' | 'resolve';
  readonly receivers: readonly string[];
}

export interface Transition {
  readonly incident: Incident;
  readonly pages: readonly Page[];
  /** Escalation steps this transition fired (none when absent), for edgealert_escalation_steps_total. */
  readonly stepsFired?: number;
}

/** Who a step's targets reach at an instant: receiver names, and schedules with nobody on call. */
export type TargetResolver = (targets: readonly EscalationTarget[], at: number) => { receivers: string[]; nobodyOnCall: string[] };

/** Why an action was refused (the API answers 409 with it). */
export type Refusal = string;

const firingOf = (alerts: readonly NotifyAlert[]) => alerts.filter((a) => a.status === 'firing').map((a) => a.fingerprint);

/** A new incident for a group that notified with firing alerts; its first steps run at once if due. */
export function openIncident(id: string, update: GroupUpdate, policy: EscalationPolicy | undefined, now: number, resolve: TargetResolver): Transition {
  const firing = firingOf(update.alerts);
  const incident: Incident = {
    id,
    policy: update.policy,
    groupKey: update.groupKey,
    receiver: update.receiver,
    groupLabels: { ...update.groupLabels },
    status: 'triggered',
    openedAt: now,
    escalationStartedAt: now,
    nextStep: policy && totalSteps(policy) > 0 ? 0 : null,
    alerts: [...update.alerts],
    seenFiring: firing,
    paged: [],
    timeline: [{ at: now, event: 'opened', actor: EDGEALERT, detail: `${firing.length} firing alert(s), policy ${update.policy}` }],
    ...(update.traceId ? { traceId: update.traceId } : {}),
  };
  return runDueSteps(incident, policy, now, resolve);
}

/** The group notified again: new alerts join (and may re-escalate), and when none fires the incident resolves. */
export function applyGroupUpdate(incident: Incident, update: GroupUpdate, policy: EscalationPolicy | undefined, now: number, resolve: TargetResolver): Transition {
  if (incident.status === 'resolved') return { incident, pages: [] };
  const firing = firingOf(update.alerts);
  const wasFiring = new Set(firingOf(incident.alerts));
  const seen = new Set(incident.seenFiring);
  const joined = firing.filter((fp) => !seen.has(fp));
  const ended = [...wasFiring].filter((fp) => !firing.includes(fp));
  let next: Incident = { ...incident, alerts: [...update.alerts], seenFiring: [...incident.seenFiring, ...joined] };
  if (ended.length > 0 && firing.length > 0) next = withEntry(next, { at: now, event: 'alerts_resolved', actor: EDGEALERT, detail: `${ended.length} alert(s) resolved, ${firing.length} still firing` });
  if (firing.length === 0) return resolveIncident(next, EDGEALERT, now, 'every alert resolved');
  if (joined.length === 0) return { incident: next, pages: [] };
  next = withEntry(next, { at: now, event: 'alerts_joined', actor: EDGEALERT, detail: `${joined.length} new alert(s)` });
  if (next.status === 'acknowledged' && policy?.reescalateOnNewAlerts) {
    next = restartEscalation(next, policy, now);
    next = withEntry(next, { at: now, event: 'reescalated', actor: EDGEALERT, detail: 'new alerts joined an acknowledged incident (reescalate_on_new_alerts)' });
    return runDueSteps(next, policy, now, resolve);
  }
  return { incident: next, pages: [] };
}

/** Runs every step that is due: each pages its targets as they resolve now. */
export function runDueSteps(incident: Incident, policy: EscalationPolicy | undefined, now: number, resolve: TargetResolver): Transition {
  let next = incident;
  const pages: Page[] = [];
  let stepsFired = 0;
  while (policy && next.status === 'triggered' && next.nextStep !== null) {
    const position = next.nextStep;
    const dueAt = stepDueAt(policy, next.escalationStartedAt, position);
    const step = stepAt(policy, position);
    if (dueAt === undefined || !step || dueAt > now) break;
    const { receivers, nobodyOnCall } = resolve(step.notify, now);
    next = withEntry(next, { at: now, event: 'step', actor: EDGEALERT, detail: `${describeStep(policy, position)}: ${step.notify.map(targetName).join(', ')}` });
    stepsFired += 1;
    for (const schedule of nobodyOnCall) next = withEntry(next, { at: now, event: 'nobody_on_call', actor: EDGEALERT, detail: `schedule ${schedule} has nobody on call` });
    if (receivers.length > 0) pages.push({ kind: 'trigger', receivers });
    const paged = new Set([...next.paged, ...receivers]);
    const following = position + 1 < totalSteps(policy) ? position + 1 : null;
    next = { ...next, paged: [...paged], nextStep: following };
    if (following === null) next = withEntry(next, { at: now, event: 'escalation_exhausted', actor: EDGEALERT, detail: 'every step has run; the incident stays open until acknowledged or resolved' });
  }
  return { incident: next, pages, stepsFired };
}

/** When the next step is due, if the incident is still escalating. */
export function nextStepDueAt(incident: Incident, policy: EscalationPolicy | undefined): number | undefined {
  if (!policy || incident.status !== 'triggered' || incident.nextStep === null) return undefined;
  return stepDueAt(policy, incident.escalationStartedAt, incident.nextStep);
}

/** Stops the escalation. */
export function acknowledge(incident: Incident, by: Actor, now: number): Result<Transition, Refusal> {
  if (incident.status === 'resolved') return err(`incident ${incident.id} is already resolved`);
  if (incident.status === 'acknowledged') return err(`incident ${incident.id} is already acknowledged by ${incident.acknowledged?.by.name ?? 'someone'}`);
  const next = withEntry({ ...incident, status: 'acknowledged', acknowledged: { at: now, by } }, { at: now, event: 'acknowledged', actor: by });
  return ok({ incident: next, pages: [] });
}

/** Takes the acknowledgement back: the escalation starts over from the first step, now. */
export function unacknowledge(incident: Incident, policy: EscalationPolicy | undefined, by: Actor, now: number, resolve: TargetResolver): Result<Transition, Refusal> {
  if (incident.status !== 'acknowledged') return err(`incident ${incident.id} is not acknowledged (it is ${incident.status})`);
  const next = withEntry(restartEscalation(incident, policy, now), { at: now, event: 'unacknowledged', actor: by, detail: 'escalation starts over' });
  return ok(runDueSteps(next, policy, now, resolve));
}

/** Resolved by hand: everyone paged gets the resolved notice. */
export function resolveByHand(incident: Incident, by: Actor, now: number): Result<Transition, Refusal> {
  if (incident.status === 'resolved') return err(`incident ${incident.id} is already resolved`);
  return ok(resolveIncident(incident, by, now, 'resolved by hand'));
}

function resolveIncident(incident: Incident, by: Actor, now: number, detail: string): Transition {
  const next = withEntry({ ...incident, status: 'resolved', nextStep: null, resolved: { at: now, by } }, { at: now, event: 'resolved', actor: by, detail });
  return { incident: next, pages: next.paged.length > 0 ? [{ kind: 'resolve', receivers: next.paged }] : [] };
}

function restartEscalation(incident: Incident, policy: EscalationPolicy | undefined, now: number): Incident {
  const { acknowledged: _, ...rest } = incident;
  return { ...rest, status: 'triggered', escalationStartedAt: now, nextStep: policy && totalSteps(policy) > 0 ? 0 : null };
}

/** A target as written in the config. */
export function targetName(target: EscalationTarget): string {
  return target.kind === 'receiver' ? target.name : `${target.kind}:${target.name}`;
}
