/** Builders for the on-call tests: schedules and overrides as the config loader and the API would produce them. */
import type { LocalDateTime, Rotation, Schedule } from '../../config/oncall-types.js';
import type { TimeInterval } from '../../timeinterval/types.js';
import type { Override } from '../override.js';

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;
export const WEEK = 7 * DAY;

/** An instant from an ISO 8601 text with its offset. */
export const at = (iso: string): number => Date.parse(iso);

/** `2026-03-29T02:30` as the loader parses `start:`. */
export function local(text: string): LocalDateTime {
  const [year = 0, month = 0, day = 0, hour = 0, minute = 0] = text.split(/[-T:]/).map(Number);
  return { year, month, day, hour, minute };
}

export interface RotationFields {
  readonly participants: readonly string[];
  readonly length: number;
  readonly start: string;
  readonly name?: string;
  readonly restrictions?: readonly TimeInterval[];
}

export function rotation(fields: RotationFields): Rotation {
  const { start, name = 'primary', ...rest } = fields;
  return { ...rest, name, start: local(start) };
}

export function schedule(timeZone: string, rotations: readonly RotationFields[]): Schedule {
  return { name: 'sre', timeZone, handoffNotices: false, rotations: rotations.map(rotation) };
}

/** Monday to Friday, 09:00-17:00 on the wall clock of `location`. */
export function businessHours(location: string): TimeInterval {
  return { weekdays: [{ begin: 1, end: 5 }], times: [{ startMinute: 9 * 60, endMinute: 17 * 60 }], location };
}

export function override(id: string, person: string, start: string, end: string, createdAt = 0, scheduleName = 'sre'): Override {
  return { id, schedule: scheduleName, person, start: at(start), end: at(end), createdAt, createdBy: 'test' };
}

/** An instant as UTC ISO text, for readable failures. */
export const iso = (ms: number): string => (Number.isFinite(ms) ? new Date(ms).toISOString() : String(ms));

/**
 * A realistic schedule: a weekly 24x7 primary handing off Monday 08:00
 * Berlin time, under a daily office-hours layer (weekdays 09:00-17:00).
 * In the fortnight from Monday 2026-03-23 (Berlin springs forward on Sunday
 * the 29th): primary alice, then bob from 2026-03-30 08:00 CEST; office
 * hours erin on the 23rd, then dave and erin by turns (dave on the 30th).
 */
export const BERLIN_SRE = schedule('Europe/Berlin', [
  { name: 'primary', participants: ['alice', 'bob', 'carol'], length: WEEK, start: '2026-03-02T08:00' },
  { name: 'office-hours', participants: ['dave', 'erin'], length: DAY, start: '2026-03-02T09:00', restrictions: [businessHours('Europe/Berlin')] },
]);

/** frank covers the weekend of the DST change: Saturday 18:00 CET to Sunday 18:00 CEST. */
export const FRANK_COVERS_WEEKEND = override('frank-weekend', 'frank', '2026-03-28T18:00+01:00', '2026-03-29T18:00+02:00', 1);
