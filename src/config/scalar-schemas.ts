/**
 * Zod schemas for the scalar field types of Alertmanager's config, decoding
 * like Go's yaml.v2 (see yaml-tree.ts): a string field takes any non-null
 * scalar as written, a bool takes only YAML booleans (`"true"` quoted is an
 * error), an unsigned int only integers. Also durations and label names.
 */
import * as z from 'zod';
import { parseDuration } from './duration.js';
import { RawScalar } from './yaml-tree.js';

/** Describes a tree value for "expected X, got Y" messages. */
export function describeValue(value: unknown): string {
  if (value === undefined || value === null) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (value instanceof RawScalar) return describeValue(value.value);
  if (value instanceof Date) return 'a timestamp';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return 'a string';
  return `a ${typeof value}`;
}

/** An error customizer: "missing required field" when absent, else "expected <what>, got <kind>". */
export function expected(what: string) {
  return (issue: { input?: unknown }): string =>
    issue.input === undefined ? 'missing required field' : `expected ${what}, got ${describeValue(issue.input)}`;
}

/** A Go string field: strings, and other scalars as their source text. */
export const goString = z.preprocess((v) => (v instanceof RawScalar ? v.source : v), z.string({ error: expected('a string') }));

/** A string field Alertmanager requires to be non-empty; absent or empty gives `missing` (e.g. "missing name in receiver"). */
export function requiredString(missing: string) {
  return z
    .preprocess(
      (v) => (v instanceof RawScalar ? v.source : v),
      z.string({ error: (issue) => (issue.input === undefined ? missing : expected('a string')(issue)) }),
    )
    .refine((s) => s !== '', { error: missing });
}

/** A Go bool field: YAML 1.1 booleans only (true/false/yes/no/on/off). */
export const goBool = z.preprocess(
  (v) => (v instanceof RawScalar && typeof v.value === 'boolean' ? v.value : v),
  z.boolean({ error: expected('true or false') }),
);

/** A Go unsigned integer field (e.g. max_alerts). */
export const goUint = z.preprocess(
  (v) => (v instanceof RawScalar && typeof v.value === 'number' ? v.value : v),
  z.number({ error: expected('a non-negative integer') }).int({ error: 'expected a non-negative integer' }).min(0, {
    error: 'expected a non-negative integer',
  }),
);

/** A Prometheus duration, output in milliseconds. */
export const durationSchema = goString.transform((s, ctx) => {
  const parsed = parseDuration(s);
  if (parsed.ok) return parsed.value;
  ctx.addIssue({ code: 'custom', message: parsed.error });
  return z.NEVER;
});

/** A duration that Alertmanager refuses to be zero (group_interval, repeat_interval). */
export function nonZeroDuration(field: string) {
  return durationSchema.refine((ms) => ms !== 0, { error: `${field} cannot be zero` });
}

/** Prometheus label names (model.LabelNameRE). */
export const LABEL_NAME_RE = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

/** A label name, checked like model.LabelName. */
export const labelNameSchema = goString.refine((s) => LABEL_NAME_RE.test(s), {
  error: (issue) => `invalid label name ${JSON.stringify(issue.input)}`,
});
