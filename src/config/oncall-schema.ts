/**
 * edgealert's on-call extensions as written: `people:` (a mapping of names
 * to contact methods), `schedules:` (layered rotations in a time zone) and
 * `escalation_policies:` (timed steps of targets). These schemas check what
 * an entry shows on its own: names, addresses, Slack ids, durations, wall
 * clocks, restrictions (time_intervals syntax, parsed by timeinterval/).
 * What needs the rest of the config (names known and unique, steps in
 * order) is in oncall-checks.ts and person-receivers.ts.
 */
import * as z from 'zod';
import { parseAddressList } from '../notify/email/mime/address-list.js';
import { parseLocation, timeIntervalSchema, type TimeInterval } from '../timeinterval/index.js';
import { listField, splitUnknownKeys } from '../timeinterval/schema-helpers.js';
import { formatDuration } from './duration.js';
import { parseLocalDateTime } from './local-date-time.js';
import { PERSON_RECEIVER_PREFIX, type EscalationTarget } from './oncall-types.js';
import { durationSchema, expected, goBool, goString, requiredString } from './scalar-schemas.js';
import { strictObject } from './strict-object.js';
import { RawScalar } from './yaml-tree.js';

/** People, schedule and policy names: they go into URLs and `person:` / `schedule:` targets. */
export const ONCALL_NAME_RE = /^[A-Za-z0-9_.-]+$/;
const NAME_RULE = 'may only contain letters, digits, "_", "." and "-"';

/** A Slack member id: U012AB3CD (W... on Enterprise Grid). */
export const SLACK_MEMBER_ID_RE = /^[UW][A-Z0-9]{2,}$/;

/** `escalation: none` on a route or heartbeat: no escalation there (and below); no policy may take the name. */
export const NO_ESCALATION = 'none';

/** The policy a node escalates with: its own `escalation:` (`none`: no policy), else the one it inherits. */
export function effectiveEscalation(written: string | undefined, inherited: string | undefined): string | undefined {
  if (written === undefined) return inherited;
  return written === NO_ESCALATION ? undefined : written;
}

/** The prefix of a schedule target: `schedule:sre`. (A person target, `person:alice`, has the prefix of their contact receiver.) */
export const SCHEDULE_TARGET_PREFIX = 'schedule:';

const HOUR = 3_600_000;
const MIN_ROTATION_LENGTH = HOUR;
const MAX_ROTATION_LENGTH = 52 * 7 * 24 * HOUR;
const MAX_REPEAT = 100;

function nameSchema(what: string) {
  return requiredString(`missing name in ${what}`).refine((s) => ONCALL_NAME_RE.test(s), {
    error: (issue) => `${what} name ${JSON.stringify(issue.input)} ${NAME_RULE}`,
  });
}

/** One bare address (`alice@example.com`): no display name, no list, no template. */
function isBareAddress(text: string): boolean {
  if (text.includes('{{')) return false;
  const parsed = parseAddressList(text);
  return parsed.ok && parsed.value.length === 1 && parsed.value[0] === text;
}

const personSchema = strictObject({
  email: goString.refine(isBareAddress, { error: (issue) => `invalid email address ${JSON.stringify(issue.input)}: write one bare address, such as alice@example.com` }).optional(),
  slack: goString
    .refine((s) => SLACK_MEMBER_ID_RE.test(s), {
      error: (issue) => `${JSON.stringify(issue.input)} is not a Slack member id (like U012AB3CD: in Slack, the person's profile, "Copy member ID")`,
    })
    .optional(),
  receivers: z.array(goString, { error: expected('a list of receiver names') }).optional(),
});

/** `people:`, a mapping of names to contact methods (YAML already refuses a repeated key). */
export const peopleSchema = z.record(z.string().regex(ONCALL_NAME_RE), personSchema, {
  error: (issue) =>
    issue.code === 'invalid_key' ? `person name ${JSON.stringify(issue.input)} ${NAME_RULE}` : expected('a mapping of person names to contact methods')(issue),
});
export type RawPeople = z.output<typeof peopleSchema>;
export type RawPerson = z.output<typeof personSchema>;

/** A restriction, and whether it names its own location (else the schedule's time_zone applies). */
export interface RawRestriction {
  readonly interval: TimeInterval;
  readonly hasLocation: boolean;
}

const restrictionList = listField(timeIntervalSchema);

/** `restrictions:`: a list of time_intervals entries, every problem at its own path. */
const restrictionsSchema = z.unknown().transform((raw, ctx): RawRestriction[] | undefined => {
  const parsed = restrictionList.safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const split: [string | undefined, string][] = issue.code === 'unrecognized_keys' ? splitUnknownKeys(issue) : [[undefined, issue.message]];
      for (const [key, message] of split) ctx.addIssue({ code: 'custom', message, path: key === undefined ? [...issue.path] : [...issue.path, key] });
    }
    return z.NEVER;
  }
  if (!parsed.data) return undefined;
  if (parsed.data.length === 0) {
    ctx.addIssue({ code: 'custom', message: 'an empty restrictions list leaves the rotation never on call: leave restrictions out to cover all times' });
    return z.NEVER;
  }
  const entries: unknown[] = Array.isArray(raw) ? raw : [];
  return parsed.data.map((interval, i) => {
    const entry = entries[i];
    return { interval, hasLocation: typeof entry === 'object' && entry !== null && (entry as { location?: unknown }).location != null };
  });
});

const rotationSchema = strictObject({
  name: requiredString('a rotation name cannot be empty (leave it out for rotation-N)').optional(),
  participants: z.array(goString, { error: expected('a list of people') }).min(1, { error: 'a rotation needs at least one participant' }),
  length: durationSchema.refine((ms) => ms >= MIN_ROTATION_LENGTH && ms <= MAX_ROTATION_LENGTH, {
    error: (issue) => `length must be from 1h to 52w, got ${formatDuration(Number(issue.input))}`,
  }),
  start: goString.transform((text, ctx) => {
    const parsed = parseLocalDateTime(text);
    if (parsed.ok) return parsed.value;
    ctx.addIssue({ code: 'custom', message: parsed.error });
    return z.NEVER;
  }),
  restrictions: restrictionsSchema.optional(),
});
export type RawRotation = z.output<typeof rotationSchema>;

/** A rotation's name: as written, or `rotation-N` (1-based). */
export function rotationName(rotation: RawRotation, index: number): string {
  return rotation.name ?? `rotation-${index + 1}`;
}

/** An IANA zone as location.ts reads it; UTC (and its aliases) as "UTC". */
const timeZoneSchema = goString.transform((text, ctx) => {
  const zone = parseLocation(text);
  if (zone.ok) return zone.value ?? 'UTC';
  ctx.addIssue({ code: 'custom', message: zone.error });
  return z.NEVER;
});

const scheduleSchema = strictObject({
  name: nameSchema('schedule'),
  time_zone: timeZoneSchema.optional(),
  handoff_notices: goBool.optional(),
  rotations: z.array(rotationSchema, { error: expected('a list of rotations') }).min(1, { error: 'a schedule needs at least one rotation' }),
});

/** `schedules:`, a list. */
export const schedulesSchema = z.array(scheduleSchema, { error: expected('a list of schedules') });
export type RawSchedule = z.output<typeof scheduleSchema>;

const TARGET_PREFIXES = [
  [PERSON_RECEIVER_PREFIX, 'person'],
  [SCHEDULE_TARGET_PREFIX, 'schedule'],
] as const;

/** `slack-sre`, `person:alice` or `schedule:sre`, classified; whether the name exists is oncall-checks.ts's. */
const targetSchema = goString.transform((text, ctx): EscalationTarget => {
  for (const [prefix, kind] of TARGET_PREFIXES) {
    if (!text.startsWith(prefix)) continue;
    const name = text.slice(prefix.length);
    if (name !== '') return { kind, name };
    ctx.addIssue({ code: 'custom', message: `${prefix} needs a name: ${prefix}NAME` });
    return z.NEVER;
  }
  if (text !== '') return { kind: 'receiver', name: text };
  ctx.addIssue({ code: 'custom', message: 'an empty target: write a receiver name, person:NAME or schedule:NAME' });
  return z.NEVER;
});

const stepSchema = strictObject({
  after: durationSchema.optional(),
  notify: z.array(targetSchema, { error: expected('a list of targets') }).min(1, { error: 'a step needs at least one target to notify' }),
});

const repeatSchema = z
  .preprocess((v) => (v instanceof RawScalar ? v.value : v), z.number({ error: expected(`an integer from 0 to ${MAX_REPEAT}`) }))
  .refine((n) => Number.isInteger(n) && n >= 0 && n <= MAX_REPEAT, { error: `repeat must be an integer from 0 to ${MAX_REPEAT}` });

const policySchema = strictObject({
  name: nameSchema('escalation policy').refine((s) => s !== NO_ESCALATION, {
    error: `the name "${NO_ESCALATION}" is reserved: \`escalation: ${NO_ESCALATION}\` turns escalation off`,
  }),
  repeat: repeatSchema.optional(),
  repeat_after: durationSchema.optional(),
  reescalate_on_new_alerts: goBool.optional(),
  steps: z.array(stepSchema, { error: expected('a list of steps') }).min(1, { error: 'a policy needs at least one step' }),
});

/** `escalation_policies:`, a list. */
export const escalationPoliciesSchema = z.array(policySchema, { error: expected('a list of escalation policies') });
export type RawEscalationPolicy = z.output<typeof policySchema>;

/** How much longer than the last step a pass lasts when repeat_after is left out. */
export const DEFAULT_REPEAT_GAP = 5 * 60_000;

/** The latest step's `after` (a step without one is due at once). */
export function lastStepAfter(policy: RawEscalationPolicy): number {
  return Math.max(...policy.steps.map((step) => step.after ?? 0));
}
