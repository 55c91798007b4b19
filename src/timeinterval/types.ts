/**
 * Parsed time intervals (Alertmanager's timeinterval.TimeInterval). Each
 * field is a list of ranges: the ranges of one field are ORed, the fields
 * are ANDed. A field that is absent matches any time; a field written as an
 * empty list (`weekdays: []`) matches no time at all, as in Alertmanager,
 * where yaml.v2 decodes `[]` to a non-nil empty slice.
 */

/** Weekday names in Go's time.Weekday order: index 0 is sunday. */
export const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** Month names; month number = index + 1. */
export const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
] as const;
export type Month = (typeof MONTHS)[number];

/** Minutes of the day from `startMinute` (inclusive) to `endMinute` (exclusive), within 0..1440. */
export interface TimeRange {
  readonly startMinute: number;
  readonly endMinute: number;
}

/** Integers from `begin` to `end`, both included. */
export interface InclusiveRange {
  readonly begin: number;
  readonly end: number;
}

/** One entry of a named interval's `time_intervals:` list. */
export interface TimeInterval {
  readonly times?: readonly TimeRange[] | undefined;
  /** 0 = sunday .. 6 = saturday. */
  readonly weekdays?: readonly InclusiveRange[] | undefined;
  /** 1..31, or -31..-1 counted from the end of the month (-1 = last day). */
  readonly daysOfMonth?: readonly InclusiveRange[] | undefined;
  /** 1 = january .. 12 = december. */
  readonly months?: readonly InclusiveRange[] | undefined;
  readonly years?: readonly InclusiveRange[] | undefined;
  /** IANA time zone whose wall clock the fields are read in; absent means UTC. */
  readonly location?: string | undefined;
}

/** A `time_intervals:` / `mute_time_intervals:` entry. */
export interface NamedTimeInterval {
  readonly name: string;
  readonly timeIntervals: readonly TimeInterval[];
}

/** Named intervals by name, as routes refer to them. */
export type TimeIntervalSet = ReadonlyMap<string, readonly TimeInterval[]>;
