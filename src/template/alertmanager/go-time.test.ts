import { describe, expect, it } from 'vitest';
import { GoDuration } from './go-duration.js';
import { GO_ZERO_MS, GoTime } from './go-time.js';
import { loadLocation } from './time-zone.js';
import { render } from './testdata/render.js';

const ms = Date.UTC(2023, 0, 2, 3, 4, 5, 670);
const t = new GoTime(ms);
const zero = new GoTime(Number.NEGATIVE_INFINITY);

function inZone(name: string, at = ms): GoTime {
  const loc = loadLocation(name);
  if (!loc.ok) throw new Error(loc.error);
  return GoTime.in(new GoTime(at), loc.value);
}

describe('GoTime.String (Go Time.String)', () => {
  it.each([
    [t, '2023-01-02 03:04:05.67 +0000 UTC', 'UTC, trailing zeros of the fraction dropped'],
    [new GoTime(Date.UTC(2023, 0, 2, 3, 4, 5)), '2023-01-02 03:04:05 +0000 UTC', 'no fraction at all'],
    [new GoTime(Date.UTC(2023, 0, 2, 3, 4, 5, 5)), '2023-01-02 03:04:05.005 +0000 UTC', 'leading zeros kept'],
    [zero, '0001-01-01 00:00:00 +0000 UTC', "Go's zero time (a firing alert's EndsAt)"],
    [inZone('Europe/Berlin'), '2023-01-02 04:04:05.67 +0100 CET', 'Berlin in winter'],
    [inZone('Europe/Berlin', Date.UTC(2023, 6, 2)), '2023-07-02 02:00:00 +0200 CEST', 'Berlin in summer'],
    [inZone('America/New_York'), '2023-01-01 22:04:05.67 -0500 EST', 'New York: the day before'],
    [inZone('Asia/Kolkata'), '2023-01-02 08:34:05.67 +0530 IST', 'a half-hour offset'],
    [inZone('Asia/Dubai'), '2023-01-02 07:04:05.67 +0400 +04', 'a zone tzdata names by its offset'],
    [inZone('Local'), '2023-01-02 03:04:05.67 +0000 UTC', 'Local is UTC in a Worker'],
  ])('%s (%s)', (time, want) => {
    expect(time.String()).toBe(want);
  });
});

describe('GoTime methods', () => {
  it('reads the wall clock of its zone', () => {
    const ny = inZone('America/New_York');
    expect([ny.Year(), ny.YearDay(), ny.Day(), ny.Hour(), ny.Minute(), ny.Second(), ny.Nanosecond()]).toEqual([2023, 1, 1, 22, 4, 5, 670_000_000]);
  });

  it('Unix and UnixMilli count from the epoch, Unix rounding down like Go', () => {
    expect([t.Unix(), t.UnixMilli(), new GoTime(-1).Unix(), zero.Unix()]).toEqual([1672628645, ms, -1, -62135596800]);
  });

  it('IsZero only for the zero time', () => {
    expect([zero.IsZero(), t.IsZero(), new GoTime(GO_ZERO_MS).IsZero()]).toEqual([true, false, true]);
  });

  it('UTC and Local move the zone, not the instant', () => {
    const ny = inZone('America/New_York');
    expect([ny.UTC().String(), ny.Local().UnixMilli()]).toEqual([t.String(), ms]);
  });

  it('compares, subtracts and adds', () => {
    const later = new GoTime(ms + 90_000);
    expect([t.Before(later), t.After(later), t.Equal(inZone('Asia/Tokyo')), later.Sub(t).String(), t.Add(new GoDuration(1000)).Second()]).toEqual([
      true,
      false,
      true,
      '1m30s',
      6,
    ]);
  });

  it('refuses arguments that are not times', () => {
    expect(() => t.Before('x' as unknown as GoTime)).toThrow('wrong type for value; expected time.Time; got string');
  });
});

describe('times in templates', () => {
  it.each([
    ['{{ .T }}', '2023-01-02 03:04:05.67 +0000 UTC', 'printed with String'],
    ['{{ .T.Format "2006-01-02" }} {{ .T.Unix }} {{ .T.IsZero }}', '2023-01-02 1672628645 false', 'methods are callable'],
    ['{{ printf "%s|%v" .T .Z }}', '2023-01-02 03:04:05.67 +0000 UTC|0001-01-01 00:00:00 +0000 UTC', 'fmt uses String'],
    ['{{ printf "%T" .T }}', 'time.Time', "Go's type name"],
  ])('%s -> %j (%s)', (text, want) => {
    expect(render(text, { T: t, Z: zero })).toBe(want);
  });
});
