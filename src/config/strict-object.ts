/**
 * Strict mappings: like Alertmanager's yaml.UnmarshalStrict, a key the
 * schema does not know is an error (a typo such as `recevier` must not be
 * silently ignored). Each unknown key becomes its own error at its own path,
 * with a "did you mean" hint when a known key is close.
 *
 * zod reports all unknown keys of one object in a single issue, and only the
 * schema knows its keys, so the schema's error customizer encodes the
 * per-key messages into the issue message and `unknownFieldErrors` decodes
 * them again (both ends live in this file).
 */
import * as z from 'zod';
import { expected } from './scalar-schemas.js';
import { RawScalar } from './yaml-tree.js';

const MARKER = '\u0000unknown-fields:';

/**
 * A zod object that rejects unknown keys with a per-key message. A number,
 * boolean or date where the mapping belongs (kept as a RawScalar by the YAML
 * reader) is unwrapped first, so it is reported as "expected a mapping".
 */
export function strictObject<const S extends z.core.$ZodLooseShape>(shape: S) {
  const known = Object.keys(shape);
  return z.preprocess((value) => (value instanceof RawScalar ? scalarOf(value) : value), objectOf(shape, known));
}

/** The scalar itself; a YAML timestamp (a Date, which zod would take for an object) as its text. */
function scalarOf(raw: RawScalar): unknown {
  return typeof raw.value === 'object' && raw.value !== null ? raw.source : raw.value;
}

function objectOf<const S extends z.core.$ZodLooseShape>(shape: S, known: readonly string[]) {
  return z.strictObject(shape, {
    error: (issue) => {
      if (issue.code === 'unrecognized_keys') {
        const messages = issue.keys.map((key) => [key, unknownFieldMessage(key, known)]);
        return MARKER + JSON.stringify(messages);
      }
      if (issue.code === 'invalid_type') return expected('a mapping (key: value)')(issue);
      return undefined;
    },
  });
}

/** Splits an unrecognized_keys issue produced by `strictObject` into one [key, message] per unknown key. */
export function unknownFieldErrors(message: string): [string, string][] | undefined {
  if (!message.startsWith(MARKER)) return undefined;
  return JSON.parse(message.slice(MARKER.length)) as [string, string][];
}

/** `unknown field "recevier"; did you mean "receiver"?` */
export function unknownFieldMessage(key: string, known: readonly string[]): string {
  const hint = closest(key, known);
  return `unknown field ${JSON.stringify(key)}` + (hint ? `; did you mean ${JSON.stringify(hint)}?` : '');
}

function closest(key: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(1, Math.min(3, Math.floor(key.length / 3)));
  for (const candidate of known) {
    const d = editDistance(key.toLowerCase(), candidate);
    if (d <= bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

/** Levenshtein distance with adjacent transpositions counted as one edit. */
function editDistance(a: string, b: string): number {
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    const row: number[] = [i];
    for (let j = 1; j <= b.length; j++) {
      if (i === 0) {
        row.push(j);
        continue;
      }
      const prev = rows[i - 1] ?? [];
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, (rows[i - 2]?.[j - 2] ?? 0) + 1);
      row.push(d);
    }
    rows.push(row);
  }
  return rows[a.length]?.[b.length] ?? Math.max(a.length, b.length);
}
