/**
 * zod schemas for Alertmanager 0.25's `time_intervals:` and
 * `mute_time_intervals:` lists, with its syntax and checks (see
 * parse-range.ts, parse-time-range.ts, location.ts), parsing into
 * TimeInterval values. Every problem is reported at its own path.
 *
 * A null list item is not an error: yaml.v2 decodes it to the zero value
 * without running Alertmanager's checks, and so do these schemas. That gives
 * odd but compatible meanings: `weekdays: [~]` is sunday, `times: [~]`,
 * `days_of_month: [~]` and `months: [~]` match nothing, `years: [~]` is the
 * year 0, `time_intervals: [~]` matches any time, and a null named entry is
 * skipped.
 */
import * as z from 'zod';
import { ok, type Result } from '../util/result.js';
import { parseLocation } from './location.js';
import { parseDayOfMonthRange, parseMonthRange, parseWeekdayRange, parseYearRange } from './parse-range.js';
import { parseTimeOfDay, timeRange } from './parse-time-range.js';
import { describeValue, fail, listField, mapping, scalarField, scalarText } from './schema-helpers.js';
import type { InclusiveRange, NamedTimeInterval, TimeInterval, TimeRange } from './types.js';

const ZERO_RANGE: InclusiveRange = { begin: 0, end: 0 };
const ZERO_TIME_RANGE: TimeRange = { startMinute: 0, endMinute: 0 };

function rangeList(parse: (text: string) => Result<InclusiveRange, string>) {
  return listField(scalarField(parse).transform((range) => range ?? ZERO_RANGE));
}

// An empty time counts as missing, like an absent one.
const timeOfDayField = scalarField<number | undefined>((text) => (text === '' ? ok(undefined) : parseTimeOfDay(text)));

/** One `times:` entry. */
export const timeRangeSchema = mapping({ start_time: timeOfDayField, end_time: timeOfDayField })
  .nullable()
  .transform((raw, ctx): TimeRange => {
    if (raw === null) return ZERO_TIME_RANGE;
    const range = timeRange(raw.start_time, raw.end_time);
    if (range.ok) return range.value;
    return fail(ctx, range.error.message, raw, range.error.field === undefined ? [] : [range.error.field]);
  });

/** One entry of a named interval's `time_intervals:` list. */
export const timeIntervalSchema = mapping({
  times: listField(timeRangeSchema),
  weekdays: rangeList(parseWeekdayRange),
  days_of_month: rangeList(parseDayOfMonthRange),
  months: rangeList(parseMonthRange),
  years: rangeList(parseYearRange),
  location: scalarField(parseLocation),
})
  .nullable()
  .transform((raw): TimeInterval => {
    if (raw === null) return {};
    const interval: { -readonly [K in keyof TimeInterval]: TimeInterval[K] } = {};
    if (raw.times != null) interval.times = raw.times;
    if (raw.weekdays != null) interval.weekdays = raw.weekdays;
    if (raw.days_of_month != null) interval.daysOfMonth = raw.days_of_month;
    if (raw.months != null) interval.months = raw.months;
    if (raw.years != null) interval.years = raw.years;
    if (raw.location !== undefined) interval.location = raw.location;
    return interval;
  });

/** Which list an entry is in; Alertmanager's messages name it. */
export type TimeIntervalKind = 'time interval' | 'mute time interval';

/** One `time_intervals:` (or `mute_time_intervals:`) entry; null for a null entry. */
export function namedTimeIntervalSchema(kind: TimeIntervalKind) {
  const name = z.unknown().transform((v, ctx): string => {
    const text = v === null || v === undefined ? '' : scalarText(v);
    if (text === undefined) return fail(ctx, `expected a string, got ${describeValue(v)}`, v);
    return text === '' ? fail(ctx, `missing name in ${kind}`, v) : text;
  });
  return mapping({ name, time_intervals: listField(timeIntervalSchema) })
    .nullable()
    .transform((raw): NamedTimeInterval | null => (raw === null ? null : { name: raw.name, timeIntervals: raw.time_intervals ?? [] }));
}

/** A whole `time_intervals:` (or `mute_time_intervals:`) list; null entries are dropped. */
export function timeIntervalListSchema(kind: TimeIntervalKind) {
  return listField(namedTimeIntervalSchema(kind)).transform((list) => (list ?? []).filter((e): e is NamedTimeInterval => e !== null));
}
