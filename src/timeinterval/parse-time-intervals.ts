/**
 * Entry point for the config loader: validates a `time_intervals:` or
 * `mute_time_intervals:` list and returns the intervals by name, or every
 * problem found, each at its YAML path.
 */
import type { z } from 'zod';
import { err, ok, type Result } from '../util/result.js';
import { splitUnknownKeys } from './schema-helpers.js';
import { timeIntervalListSchema, type TimeIntervalKind } from './time-interval-schema.js';
import type { TimeInterval, TimeIntervalSet } from './types.js';

/** A problem in the config, at a path such as `time_intervals[0].time_intervals[1].weekdays[0]`. */
export interface TimeIntervalError {
  readonly path: string;
  readonly message: string;
}

const schemas: Record<TimeIntervalKind, ReturnType<typeof timeIntervalListSchema>> = {
  'time interval': timeIntervalListSchema('time interval'),
  'mute time interval': timeIntervalListSchema('mute time interval'),
};

/**
 * Parses the list found at `path` (`time_intervals` or `mute_time_intervals`;
 * the latter makes a missing name read "missing name in mute time interval",
 * as Alertmanager says). Takes the plain YAML tree, or values already read as
 * strings. Absent or null is an empty list.
 *
 * Not checked here, because they span both lists and the routes: names
 * unique across the two lists, and routes naming only defined intervals. For
 * a repeated name the first entry is kept.
 */
export function parseTimeIntervals(raw: unknown, path: string): Result<TimeIntervalSet, TimeIntervalError[]> {
  const kind: TimeIntervalKind = /(^|\.)mute_time_intervals$/.test(path) ? 'mute time interval' : 'time interval';
  const parsed = schemas[kind].safeParse(raw);
  if (!parsed.success) return err(parsed.error.issues.flatMap((issue) => toErrors(issue, path)));
  const set = new Map<string, readonly TimeInterval[]>();
  for (const entry of parsed.data) if (!set.has(entry.name)) set.set(entry.name, entry.timeIntervals);
  return ok(set);
}

function toErrors(issue: z.core.$ZodIssue, prefix: string): TimeIntervalError[] {
  const at = joinPath(prefix, issue.path);
  if (issue.code === 'unrecognized_keys') {
    return splitUnknownKeys(issue).map(([key, message]) => ({ path: joinPath(at, [key]), message }));
  }
  return [{ path: at, message: issue.message }];
}

/** `a.b` + [0, 'c'] = `a.b[0].c`. */
function joinPath(prefix: string, segments: readonly PropertyKey[]): string {
  let out = prefix;
  for (const seg of segments) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else out += out === '' ? String(seg) : `.${String(seg)}`;
  }
  return out;
}
