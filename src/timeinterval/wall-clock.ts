/**
 * An instant as wall-clock fields in a time zone. Workers have IANA zones
 * only through Intl.DateTimeFormat, so that is what converts; one formatter
 * per zone is cached (building one is far slower than using it). Weekday
 * and month length come from calendar arithmetic on the local date, so they
 * do not depend on DST (Alertmanager before its DST fix measured the month
 * in elapsed hours and got 30 days for a 31-day month with a spring-forward).
 */

/** Wall-clock fields of one instant in one zone. */
export interface WallClock {
  readonly year: number;
  /** 1..12 */
  readonly month: number;
  /** 1..31 */
  readonly day: number;
  /** Minutes since local midnight, 0..1439 (seconds are ignored, as in Alertmanager). */
  readonly minuteOfDay: number;
  /** 0 = sunday .. 6 = saturday. */
  readonly weekday: number;
  /** Days in this month of this year: 28..31. */
  readonly daysInMonth: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The cached formatter for an IANA zone; throws RangeError for a zone Intl does not know. */
export function zoneFormatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
    });
    formatters.set(zone, f);
  }
  return f;
}

/**
 * The wall clock at `instantMs` (epoch milliseconds) in `zone`, or in UTC
 * when `zone` is undefined. Years before 1 CE are not supported.
 */
export function wallClock(zone: string | undefined, instantMs: number): WallClock {
  if (!Number.isFinite(instantMs)) throw new RangeError(`invalid instant: ${instantMs}`);
  if (zone === undefined) {
    const d = new Date(instantMs);
    return fields(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes());
  }
  const parts = { year: 0, month: 0, day: 0, hour: 0, minute: 0 };
  for (const part of zoneFormatter(zone).formatToParts(instantMs)) {
    if (part.type in parts) parts[part.type as keyof typeof parts] = Number(part.value);
  }
  // Some older engines print midnight as 24 even with hourCycle h23.
  return fields(parts.year, parts.month, parts.day, parts.hour % 24, parts.minute);
}

function fields(year: number, month: number, day: number, hour: number, minute: number): WallClock {
  return {
    year,
    month,
    day,
    minuteOfDay: hour * 60 + minute,
    weekday: civilDate(year, month, day).getUTCDay(),
    // Day 0 of the next month is the last day of this one.
    daysInMonth: civilDate(year, month + 1, 0).getUTCDate(),
  };
}

/** A UTC Date on a calendar date; setUTCFullYear because Date.UTC maps years 0..99 to 1900..1999. */
function civilDate(year: number, month: number, day: number): Date {
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  return d;
}
