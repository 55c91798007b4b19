/**
 * `times:` entries: `{start_time: 'HH:MM', end_time: 'HH:MM'}`, two digits
 * each, from 00:00 to 24:00, start before end. A range never crosses
 * midnight; 22:00-02:00 is written as two ranges.
 */
import { err, ok, type Result } from '../util/result.js';
import type { TimeRange } from './types.js';

// Alertmanager's validTime regexp.
const TIME_OF_DAY = /^(?:[01][0-9]|2[0-3]):[0-5][0-9]$|^24:00$/;

/** `HH:MM` as minutes since midnight, 0..1440. */
export function parseTimeOfDay(text: string): Result<number, string> {
  if (!TIME_OF_DAY.test(text)) {
    return err(`couldn't parse time ${JSON.stringify(text)}: expected HH:MM with two-digit hours and minutes, 00:00 to 24:00`);
  }
  return ok(Number(text.slice(0, 2)) * 60 + Number(text.slice(3, 5)));
}

/** A problem with a start/end pair; `field` is the one to point at, undefined for the pair as a whole. */
export interface TimeRangeError {
  readonly field: 'start_time' | 'end_time' | undefined;
  readonly message: string;
}

/**
 * A range from parsed start and end minutes. Undefined means absent or
 * empty, which Alertmanager treats alike ("both start and end times must be
 * provided").
 */
export function timeRange(startMinute: number | undefined, endMinute: number | undefined): Result<TimeRange, TimeRangeError> {
  if (startMinute === undefined || endMinute === undefined) {
    const field = startMinute === endMinute ? undefined : startMinute === undefined ? 'start_time' : 'end_time';
    return err({ field, message: 'both start_time and end_time must be provided' });
  }
  if (startMinute >= endMinute) {
    // Alertmanager: "start time cannot be equal or greater than end time".
    const message = `start time ${formatTimeOfDay(startMinute)} must be before end time ${formatTimeOfDay(endMinute)} (a range cannot cross midnight; split it in two)`;
    return err({ field: undefined, message });
  }
  return ok({ startMinute, endMinute });
}

/** Minutes since midnight as `HH:MM`. */
export function formatTimeOfDay(minute: number): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(Math.floor(minute / 60))}:${pad(minute % 60)}`;
}
