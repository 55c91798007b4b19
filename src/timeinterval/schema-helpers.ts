/**
 * Building blocks for the time interval schema, reading values the way
 * Alertmanager's yaml.v2 decodes them:
 * - a string field takes any scalar as written (`years: [2024]`, and
 *   `start_time: 10:00`, which YAML 1.1 would read as the number 600);
 * - a mapping rejects keys it does not know (yaml.UnmarshalStrict), each
 *   with its own message;
 * - a null field is an absent field.
 * Input is plain data (JSON-like), where a scalar may also arrive wrapped
 * with its source text, as config/yaml-tree.ts's RawScalar does.
 */
import * as z from 'zod';
import type { Result } from '../util/result.js';

/** A scalar wrapped with its source text: a class instance with `value` and `source: string`. */
interface WrappedScalar {
  readonly value: unknown;
  readonly source: string;
}

function isWrappedScalar(v: unknown): v is WrappedScalar {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  // A class instance, so a YAML mapping `{value: 1, source: x}` (a plain object) is not taken for one.
  const proto: unknown = Object.getPrototypeOf(v);
  return proto !== Object.prototype && proto !== null && typeof (v as { source?: unknown }).source === 'string';
}

/** The text of a scalar as written, or undefined for lists, mappings and null. */
export function scalarText(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return String(v);
  if (isWrappedScalar(v)) return v.source;
  return undefined;
}

/** What a value is, for "expected X, got Y" messages. */
export function describeValue(v: unknown): string {
  if (v === undefined || v === null) return 'nothing';
  if (Array.isArray(v)) return 'a list';
  if (isWrappedScalar(v)) return describeValue(v.value);
  if (v instanceof Date) return 'a timestamp';
  if (typeof v === 'object') return 'a mapping';
  return typeof v === 'string' ? 'a string' : `a ${typeof v}`;
}

/** Reports a custom issue at the current path (or below it) and returns z.NEVER. */
export function fail(ctx: z.core.$RefinementCtx, message: string, input: unknown, path: PropertyKey[] = []): never {
  ctx.addIssue({ code: 'custom', message, input, path });
  return z.NEVER;
}

/**
 * A scalar field read as text, null and absent being undefined; `read` turns
 * the text into the field's value or an error message.
 */
export function scalarField<T>(read: (text: string) => Result<T, string>) {
  return z
    .unknown()
    .transform((v, ctx): T | undefined => {
      if (v === null || v === undefined) return undefined;
      const text = scalarText(v);
      if (text === undefined) return fail(ctx, `expected a string, got ${describeValue(v)}`, v);
      const r = read(text);
      return r.ok ? r.value : fail(ctx, r.error, v);
    })
    .optional();
}

/** A list field; null or absent is undefined, which is not the same as `[]`. */
export function listField<T extends z.ZodType>(item: T) {
  return z.array(item, { error: (issue) => `expected a list, got ${describeValue(issue.input)}` }).nullish();
}

/** A mapping with exactly these keys; each unknown key is its own error (see `splitUnknownKeys`). */
export function mapping<const S extends z.core.$ZodLooseShape>(shape: S) {
  const known = Object.keys(shape);
  const object = z.strictObject(shape, {
    error: (issue) => {
      if (issue.code === 'unrecognized_keys') return issue.keys.map((k) => unknownFieldMessage(k, known)).join('\n');
      if (issue.code === 'invalid_type') return `expected a mapping, got ${describeValue(issue.input)}`;
      return undefined;
    },
  });
  // Unwrap scalars so that `times: [5]` reads "got a number", not unknown fields "value" and "source".
  return z.preprocess((v) => (isWrappedScalar(v) ? v.value : v), object);
}

/**
 * zod reports all unknown keys of a mapping as one issue; `mapping` gives it
 * one message line per key, in order. Returns [key, message] pairs.
 */
export function splitUnknownKeys(issue: { keys: readonly string[]; message: string }): [string, string][] {
  const lines = issue.message.split('\n');
  return issue.keys.map((key, i) => [key, lines[i] ?? `unknown field ${JSON.stringify(key)}`]);
}

// Likely mistakes that normalizing plurals and separators does not catch.
const ALIASES: ReadonlyMap<string, string> = new Map([
  ['timezone', 'location'],
  ['time_zone', 'location'],
  ['tz', 'location'],
  ['zone', 'location'],
  ['start', 'start_time'],
  ['end', 'end_time'],
  ['month_days', 'days_of_month'],
  ['intervals', 'time_intervals'],
]);

/** `unknown field "weekday"; did you mean "weekdays"?`, or the list of known fields. */
export function unknownFieldMessage(key: string, known: readonly string[]): string {
  const norm = (s: string) => s.toLowerCase().replace(/s(?=[_\s-]|$)/g, '').replace(/[_\s-]/g, '');
  const alias = ALIASES.get(key.toLowerCase());
  const hint = known.find((k) => norm(k) === norm(key)) ?? (alias !== undefined && known.includes(alias) ? alias : undefined);
  const base = `unknown field ${JSON.stringify(key)}`;
  return hint !== undefined ? `${base}; did you mean ${JSON.stringify(hint)}?` : `${base} (known fields: ${known.join(', ')})`;
}
