/**
 * Go's time.Time as templates see it (`.StartsAt`, `.EndsAt`, `tz`,
 * `date`): an instant (milliseconds; Go's zero time, year 1, for "not
 * set") in a location. It prints like Time.String
 * (`2023-01-02 03:04:05.67 +0000 UTC`; the zero time as
 * `0001-01-01 00:00:00 +0000 UTC`) and has the usual read-only methods.
 * Times from Alertmanager's API carry no monotonic reading, so none is
 * printed.
 */
import { GoDuration } from './go-duration.js';
import { formatLayout, type TimeFields } from './time-layout.js';
import { LOCAL, UTC, type GoLocation } from './time-zone.js';
import { goTypeInfo, typeName } from '../values.js';

/** Go's zero time, 0001-01-01T00:00:00Z, in epoch milliseconds. */
export const GO_ZERO_MS = (() => {
  const d = new Date(0);
  d.setUTCFullYear(1, 0, 1);
  return d.getTime();
})();

/** The layout of Time.String. */
export const STRING_LAYOUT = '2006-01-02 15:04:05.999999999 -0700 MST';

const DAY_MS = 86_400_000;

export class GoTime {
  readonly #ms: number;
  readonly #loc: GoLocation;

  /** `ms` since the epoch, or -Infinity (edgealert's ZERO_TIME) for Go's zero time. */
  constructor(ms: number, loc: GoLocation = UTC) {
    this.#ms = Number.isFinite(ms) ? ms : GO_ZERO_MS;
    this.#loc = loc;
  }

  /** The instant in epoch milliseconds (for code; templates use the Go methods). */
  static millis(t: GoTime): number {
    return t.#ms;
  }

  /** The same instant in `loc` (what `tz` returns). */
  static in(t: GoTime, loc: GoLocation): GoTime {
    return new GoTime(t.#ms, loc);
  }

  /** The location's name, e.g. `UTC` or `Europe/Berlin`. */
  static locationName(t: GoTime): string {
    return t.#loc.name;
  }

  /** Wall-clock fields in the time's location. */
  static fields(t: GoTime): TimeFields {
    const zone = t.#loc.zoneAt(t.#ms);
    const d = new Date(t.#ms + zone.offset * 1000);
    const yearStart = new Date(0);
    yearStart.setUTCFullYear(d.getUTCFullYear(), 0, 1);
    return {
      year: d.getUTCFullYear(),
      month: d.getUTCMonth() + 1,
      day: d.getUTCDate(),
      yearDay: Math.floor((d.getTime() - yearStart.getTime()) / DAY_MS) + 1,
      weekday: d.getUTCDay(),
      hour: d.getUTCHours(),
      minute: d.getUTCMinutes(),
      second: d.getUTCSeconds(),
      nanosecond: d.getUTCMilliseconds() * 1_000_000,
      offset: zone.offset,
      abbreviation: zone.abbreviation,
    };
  }

  String(): string {
    return formatLayout(GoTime.fields(this), STRING_LAYOUT);
  }

  Format(layout: string): string {
    return formatLayout(GoTime.fields(this), layout);
  }

  UTC(): GoTime {
    return new GoTime(this.#ms, UTC);
  }

  Local(): GoTime {
    return new GoTime(this.#ms, LOCAL);
  }

  IsZero(): boolean {
    return this.#ms === GO_ZERO_MS;
  }

  /** Seconds since the epoch (floor, as Go's Unix). */
  Unix(): number {
    return Math.floor(this.#ms / 1000);
  }

  UnixMilli(): number {
    return this.#ms;
  }

  Year(): number {
    return GoTime.fields(this).year;
  }

  YearDay(): number {
    return GoTime.fields(this).yearDay;
  }

  Day(): number {
    return GoTime.fields(this).day;
  }

  Hour(): number {
    return GoTime.fields(this).hour;
  }

  Minute(): number {
    return GoTime.fields(this).minute;
  }

  Second(): number {
    return GoTime.fields(this).second;
  }

  Nanosecond(): number {
    return GoTime.fields(this).nanosecond;
  }

  Before(u: GoTime): boolean {
    return this.#ms < timeArg(u).#ms;
  }

  After(u: GoTime): boolean {
    return this.#ms > timeArg(u).#ms;
  }

  Equal(u: GoTime): boolean {
    return this.#ms === timeArg(u).#ms;
  }

  /** The duration t-u. */
  Sub(u: GoTime): GoDuration {
    return new GoDuration(this.#ms - timeArg(u).#ms);
  }

  Add(d: GoDuration): GoTime {
    if (!(d instanceof GoDuration)) throw new Error(`wrong type for value; expected time.Duration; got ${typeName(d)}`);
    return new GoTime(this.#ms + GoDuration.millis(d), this.#loc);
  }
}
Object.defineProperty(GoTime.prototype, goTypeInfo, { value: { name: 'time.Time' } });

function timeArg(u: unknown): GoTime {
  if (u instanceof GoTime) return u;
  throw new Error(`wrong type for value; expected time.Time; got ${typeName(u)}`);
}
