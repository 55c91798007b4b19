/**
 * Schedule overrides: "bob covers sre from Friday 18:00 to Monday 09:00".
 * An override puts its person on call for its schedule during [start, end),
 * above every layer. Where overrides overlap, the latest created wins.
 */
import * as z from 'zod';
import { parseTime, ZERO_TIME } from '../alert/time.js';
import type { OnCallConfig } from '../config/oncall-types.js';
import { err, ok, type Result } from '../util/result.js';

/** A stored override; times are epoch ms. */
export const overrideSchema = z.object({
  id: z.string(),
  schedule: z.string(),
  person: z.string(),
  start: z.number(),
  end: z.number(),
  createdAt: z.number(),
  createdBy: z.string(),
});
export type Override = z.infer<typeof overrideSchema>;

/** What a client sends to create one; the server adds id, createdAt and createdBy. */
export type OverrideInput = Pick<Override, 'schedule' | 'person' | 'start' | 'end'>;

const rfc3339 = z.string({ error: 'must be an RFC 3339 date-time string' }).transform((text, ctx) => {
  const ms = parseTime(text);
  if (ms !== null && ms !== ZERO_TIME) return ms;
  ctx.addIssue({ code: 'custom', message: `${JSON.stringify(text)} is not an RFC 3339 date-time (such as 2026-11-25T09:00:00Z)` });
  return z.NEVER;
});

const name = z.string({ error: 'must be a string' }).min(1, { error: 'must not be empty' });

/** POST /api/v1/overrides: `{schedule, person, start, end}`, nothing else. */
const overrideInputSchema = z.strictObject({ schedule: name, person: name, start: rfc3339, end: rfc3339 }, { error: 'expected a JSON object' });

/**
 * Checks an override request against the config at `now`: the fields are
 * there and well-formed, the schedule and person exist, start < end and the
 * end is still to come (an override wholly in the past would change nothing).
 * The error is one message naming every problem found.
 */
export function validateOverrideInput(input: unknown, oncall: OnCallConfig, now: number): Result<OverrideInput, string> {
  const parsed = overrideInputSchema.safeParse(input);
  if (!parsed.success) return err(parsed.error.issues.map((issue) => describeIssue(issue, input)).join('; '));
  const { schedule, person, start, end } = parsed.data;
  const problems = [
    oncall.schedules.has(schedule) ? undefined : `unknown schedule ${JSON.stringify(schedule)}`,
    oncall.people.has(person) ? undefined : `unknown person ${JSON.stringify(person)} (people are declared under people: in the config)`,
    start < end ? undefined : `start (${iso(start)}) must be before end (${iso(end)})`,
    end > now ? undefined : `end (${iso(end)}) is in the past: an override must end after now (${iso(now)})`,
  ].filter((p) => p !== undefined);
  return problems.length === 0 ? ok({ schedule, person, start, end }) : err(problems.join('; '));
}

function describeIssue(issue: z.core.$ZodIssue, input: unknown): string {
  if (issue.code === 'unrecognized_keys') return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.join(', ')}`;
  const field = String(issue.path[0] ?? '');
  if (field === '') return issue.message;
  const missing = (input as Record<string, unknown>)[field] === undefined;
  return missing ? `${field} is required` : `${field}: ${issue.message}`;
}

const iso = (ms: number) => new Date(ms).toISOString();
