/**
 * Time intervals: Alertmanager's timeinterval package in TypeScript. Parse
 * and validate `time_intervals:` / `mute_time_intervals:` config, and tell
 * whether an instant falls inside a named interval, on the wall clock of the
 * interval's IANA time zone (read through Intl, as Workers allow).
 */
export type { InclusiveRange, Month, NamedTimeInterval, TimeInterval, TimeIntervalSet, TimeRange, Weekday } from './types.js';
export { MONTHS, WEEKDAYS } from './types.js';
export { intervalContains, isActiveAt } from './contains.js';
export { parseTimeIntervals, type TimeIntervalError } from './parse-time-intervals.js';
export {
  namedTimeIntervalSchema,
  timeIntervalListSchema,
  timeIntervalSchema,
  timeRangeSchema,
  type TimeIntervalKind,
} from './time-interval-schema.js';
export { parseLocation } from './location.js';
export { wallClock, type WallClock } from './wall-clock.js';
