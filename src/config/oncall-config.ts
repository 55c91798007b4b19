/**
 * Builds the loaded OnCallConfig from the validated `people:`, `schedules:`
 * and `escalation_policies:` (oncall-schema.ts, oncall-checks.ts,
 * person-receivers.ts), with the defaults: time_zone UTC, handoff_notices
 * false, rotation names `rotation-N`, a restriction without `location` read
 * in its schedule's time zone, a step's after 0s, repeat 0, repeat_after the
 * last step's after + 5m, reescalate_on_new_alerts false.
 */
import type { TimeInterval } from '../timeinterval/index.js';
import type { RawConfig } from './config-schema.js';
import {
  DEFAULT_REPEAT_GAP,
  lastStepAfter,
  rotationName,
  type RawEscalationPolicy,
  type RawPerson,
  type RawRestriction,
  type RawSchedule,
} from './oncall-schema.js';
import type { EscalationPolicy, OnCallConfig, Person, Schedule } from './oncall-types.js';
import { contactReceiverName } from './person-receivers.js';

/** The on-call part of the Config; the raw config must have passed every check. */
export function buildOnCall(raw: RawConfig): OnCallConfig {
  return {
    people: new Map(Object.entries(raw.people ?? {}).map(([name, person]) => [name, buildPerson(name, person)])),
    schedules: new Map((raw.schedules ?? []).map((s) => [s.name, buildSchedule(s)])),
    escalationPolicies: new Map((raw.escalation_policies ?? []).map((p) => [p.name, buildPolicy(p)])),
  };
}

function buildPerson(name: string, raw: RawPerson): Person {
  const hasContact = raw.email !== undefined || raw.slack !== undefined;
  return {
    name,
    ...(raw.email === undefined ? {} : { email: raw.email }),
    ...(raw.slack === undefined ? {} : { slack: raw.slack }),
    receivers: raw.receivers ?? [],
    ...(hasContact ? { contactReceiver: contactReceiverName(name) } : {}),
  };
}

function buildSchedule(raw: RawSchedule): Schedule {
  const timeZone = raw.time_zone ?? 'UTC';
  return {
    name: raw.name,
    timeZone,
    rotations: raw.rotations.map((rotation, i) => ({
      name: rotationName(rotation, i),
      participants: rotation.participants,
      length: rotation.length,
      start: rotation.start,
      ...(rotation.restrictions ? { restrictions: rotation.restrictions.map((r) => inZone(r, timeZone)) } : {}),
    })),
    handoffNotices: raw.handoff_notices ?? false,
  };
}

/** A restriction without its own location is read on the schedule's wall clock (TimeInterval: no location = UTC). */
function inZone(restriction: RawRestriction, timeZone: string): TimeInterval {
  if (restriction.hasLocation || timeZone === 'UTC') return restriction.interval;
  return { ...restriction.interval, location: timeZone };
}

function buildPolicy(raw: RawEscalationPolicy): EscalationPolicy {
  return {
    name: raw.name,
    steps: raw.steps.map((step) => ({ after: step.after ?? 0, notify: step.notify })),
    repeat: raw.repeat ?? 0,
    repeatAfter: raw.repeat_after ?? lastStepAfter(raw) + DEFAULT_REPEAT_GAP,
    reescalateOnNewAlerts: raw.reescalate_on_new_alerts ?? false,
  };
}
