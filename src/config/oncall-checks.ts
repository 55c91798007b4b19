/**
 * The on-call extensions checked against each other and the rest of the
 * config (after the schema passed):
 * - receiver names starting with `person:` are refused: that prefix names
 *   people's contact receivers (person-receivers.ts);
 * - a person has a contact method (email, slack or receivers), and their
 *   `receivers` exist (checked here, not in the schema, so that a misspelt
 *   field is not also reported as a missing contact method);
 * - schedule and policy names are unique, rotation names unique in their
 *   schedule;
 * - participants are people; step targets are receivers, people
 *   (`person:NAME`) or schedules (`schedule:NAME`);
 * - a policy's steps come in strictly increasing `after`, and all of them
 *   before repeat_after (when the next pass starts), or some step would
 *   never run;
 * - `escalation:` on routes and heartbeats names a policy or `none`; a
 *   heartbeat escalates through its own route, so it needs `receiver`.
 * What people's email and Slack need from `global:` is checked in
 * person-receivers.ts.
 */
import { configError, formatPath, type ConfigError, type YamlPath } from './config-error.js';
import type { RawConfig } from './config-schema.js';
import { formatDuration } from './duration.js';
import { NO_ESCALATION, rotationName, type RawEscalationPolicy, type RawSchedule } from './oncall-schema.js';
import { PERSON_RECEIVER_PREFIX, type EscalationTarget } from './oncall-types.js';
import type { RawRoute } from './route-schema.js';

/** The names a reference may use. */
interface Known {
  readonly receivers: ReadonlySet<string>;
  readonly people: ReadonlySet<string>;
  readonly schedules: ReadonlySet<string>;
  readonly policies: ReadonlySet<string>;
}

const quote = (s: string): string => JSON.stringify(s);

/** Every problem of the on-call extensions that one entry alone does not show. */
export function checkOnCall(raw: RawConfig): ConfigError[] {
  const receivers = raw.receivers ?? [];
  const schedules = raw.schedules ?? [];
  const policies = raw.escalation_policies ?? [];
  const known: Known = {
    receivers: new Set(receivers.map((r) => r.name)),
    people: new Set(Object.keys(raw.people ?? {})),
    schedules: new Set(schedules.map((s) => s.name)),
    policies: new Set(policies.map((p) => p.name)),
  };
  const errors: ConfigError[] = [];
  receivers.forEach((receiver, i) => {
    if (!receiver.name.startsWith(PERSON_RECEIVER_PREFIX)) return;
    const message = `receiver names starting with "${PERSON_RECEIVER_PREFIX}" are reserved: ${PERSON_RECEIVER_PREFIX}NAME is built from people.NAME's email and slack`;
    errors.push(configError(['receivers', i, 'name'], message));
  });
  for (const [name, person] of Object.entries(raw.people ?? {})) {
    if (person.email === undefined && person.slack === undefined && (person.receivers ?? []).length === 0) {
      errors.push(configError(['people', name], 'a person needs at least one contact method: email, slack or receivers'));
    }
    (person.receivers ?? []).forEach((receiver, i) => {
      if (!known.receivers.has(receiver)) errors.push(configError(['people', name, 'receivers', i], `undefined receiver ${quote(receiver)} used in person`));
    });
  }
  errors.push(...uniqueNames(schedules.map((s) => s.name), (i) => ['schedules', i], 'schedule'));
  schedules.forEach((schedule, i) => errors.push(...checkRotations(schedule, ['schedules', i], known)));
  errors.push(...uniqueNames(policies.map((p) => p.name), (i) => ['escalation_policies', i], 'escalation policy'));
  policies.forEach((policy, i) => errors.push(...checkSteps(policy, ['escalation_policies', i], known)));
  errors.push(...escalationReferences(raw, known.policies));
  return errors;
}

/** A repeated name, at the later entry's `name`. */
function uniqueNames(names: readonly string[], entry: (i: number) => YamlPath, what: string): ConfigError[] {
  const first = new Map<string, number>();
  const errors: ConfigError[] = [];
  names.forEach((name, i) => {
    const earlier = first.get(name);
    if (earlier === undefined) first.set(name, i);
    else errors.push(configError([...entry(i), 'name'], `${what} name ${quote(name)} is not unique (also at ${formatPath(entry(earlier))})`));
  });
  return errors;
}

function checkRotations(schedule: RawSchedule, at: YamlPath, known: Known): ConfigError[] {
  const rotationAt = (i: number): YamlPath => [...at, 'rotations', i];
  const errors = uniqueNames(schedule.rotations.map(rotationName), rotationAt, 'rotation');
  schedule.rotations.forEach((rotation, r) => {
    rotation.participants.forEach((person, i) => {
      if (!known.people.has(person)) errors.push(configError([...rotationAt(r), 'participants', i], `unknown person ${quote(person)} (not in people)`));
    });
  });
  return errors;
}

function checkSteps(policy: RawEscalationPolicy, at: YamlPath, known: Known): ConfigError[] {
  const errors: ConfigError[] = [];
  let latest = { step: 0, after: -1 };
  policy.steps.forEach((step, i) => {
    step.notify.forEach((target, j) => {
      const problem = unknownTarget(target, known);
      if (problem) errors.push(configError([...at, 'steps', i, 'notify', j], problem));
    });
    const after = step.after ?? 0;
    if (after > latest.after) {
      latest = { step: i, after };
      return;
    }
    const where: YamlPath = step.after === undefined ? [...at, 'steps', i] : [...at, 'steps', i, 'after'];
    const message =
      `step ${i + 1} is out of order: its after (${formatDuration(after)}) must be later than step ${latest.step + 1}'s (${formatDuration(latest.after)}); ` +
      `steps run in order of after`;
    errors.push(configError(where, message));
  });
  const repeatAfter = policy.repeat_after;
  if (repeatAfter !== undefined && repeatAfter <= latest.after) {
    const message = `step ${latest.step + 1} is unreachable: its after (${formatDuration(latest.after)}) is not before repeat_after (${formatDuration(repeatAfter)}), when the next pass starts`;
    errors.push(configError([...at, 'repeat_after'], message));
  }
  return errors;
}

function unknownTarget(target: EscalationTarget, known: Known): string | undefined {
  switch (target.kind) {
    case 'person':
      return known.people.has(target.name) ? undefined : `unknown person ${quote(target.name)} (not in people)`;
    case 'schedule':
      return known.schedules.has(target.name) ? undefined : `unknown schedule ${quote(target.name)} (not in schedules)`;
    case 'receiver':
      return known.receivers.has(target.name) ? undefined : `unknown receiver ${quote(target.name)}: a target is a receiver name, person:NAME or schedule:NAME`;
  }
}

/** `escalation:` of every route and heartbeat names a policy (or `none`). */
function escalationReferences(raw: RawConfig, policies: ReadonlySet<string>): ConfigError[] {
  const errors: ConfigError[] = [];
  const check = (name: string | undefined, path: YamlPath, where: string): void => {
    if (name === undefined || name === NO_ESCALATION || policies.has(name)) return;
    errors.push(configError(path, `undefined escalation policy ${quote(name)} used in ${where} (define it in escalation_policies, or write ${NO_ESCALATION})`));
  };
  const walk = (route: RawRoute, path: YamlPath): void => {
    check(route.escalation, [...path, 'escalation'], 'route');
    (route.routes ?? []).forEach((child, i) => walk(child, [...path, 'routes', i]));
  };
  if (raw.route) walk(raw.route, ['route']);
  (raw.heartbeats ?? []).forEach((heartbeat, i) => {
    const path: YamlPath = ['heartbeats', i, 'escalation'];
    if (heartbeat.escalation !== undefined && !heartbeat.receiver) {
      errors.push(configError(path, "escalation needs receiver: it applies to the heartbeat's own route (without receiver, the alert is routed by the tree and its routes' escalation applies)"));
    } else {
      check(heartbeat.escalation, path, 'heartbeat');
    }
  });
  return errors;
}
