import { describe, expect, it } from 'vitest';
import { parseLocation } from './location.js';

// Every verdict here was checked with amtool check-config 0.25.0 on Debian
// (tzdata 2025), except the rows marked as differences.
describe('parseLocation', () => {
  it.each<[string, string | undefined, string]>([
    ['Europe/Berlin', 'Europe/Berlin', 'an IANA zone'],
    ['America/Argentina/Buenos_Aires', 'America/Argentina/Buenos_Aires', 'three segments'],
    ['America/Port-au-Prince', 'America/Port-au-Prince', 'lower case after a hyphen'],
    ['Australia/Lord_Howe', 'Australia/Lord_Howe', 'a zone with a 30-minute DST shift'],
    ['US/Eastern', 'US/Eastern', 'a backward-compatible alias'],
    ['Asia/Calcutta', 'Asia/Calcutta', 'an old name'],
    ['Europe/Kyiv', 'Europe/Kyiv', 'a new name'],
    ['Etc/GMT+5', 'Etc/GMT+5', 'a fixed offset zone'],
    ['EST5EDT', 'EST5EDT', 'a POSIX-style legacy zone'],
    ['GMT', 'GMT', 'GMT is a zone file'],
    ['Etc/UTC', 'Etc/UTC', 'UTC by another name'],
    ['UTC', undefined, 'UTC, as Go resolves it without the database'],
    ['', undefined, 'Go reads the empty name as UTC'],
    ['Local', undefined, 'difference: a Worker has no local zone, so Local is UTC'],
  ])('accepts %j (%s)', (name, zone) => {
    expect(parseLocation(name)).toEqual({ ok: true, value: zone });
  });

  it.each<[string, string, string]>([
    // amtool: "unknown time zone Foo/Bar"
    ['Foo/Bar', 'unknown time zone "Foo/Bar"', 'not a zone'],
    ['Europe', 'unknown time zone "Europe"', 'a region, not a zone (amtool: "is a directory")'],
    ['Z', 'unknown time zone "Z"', 'not an abbreviation Go knows'],
    ['5', 'unknown time zone "5"', 'a number'],
    ['+01:00', 'unknown time zone "+01:00"', 'an offset is not a zone name, though newer Intl accepts it'],
    ['../etc/passwd', 'unknown time zone "../etc/passwd"', 'a path (amtool: "time: invalid location name")'],
    // amtool: "unknown time zone europe/berlin"
    ['europe/berlin', 'unknown time zone "europe/berlin" (zone names are case-sensitive, did you mean "Europe/Berlin"?)', 'case matters, as in Go on Linux'],
    ['EUROPE/BERLIN', 'unknown time zone "EUROPE/BERLIN" (zone names are case-sensitive, did you mean "Europe/Berlin"?)', 'upper case too'],
    ['utc', 'unknown time zone "utc" (zone names are case-sensitive, did you mean "UTC"?)', 'utc is not UTC'],
    ['local', 'unknown time zone "local" (zone names are case-sensitive, did you mean "Local"?)', 'local is not Local'],
    ['us/eastern', 'unknown time zone "us/eastern" (zone names are case-sensitive)', 'an alias in the wrong case'],
    // amtool accepts these zoneinfo files, Intl does not know them.
    ['posixrules', 'unknown time zone "posixrules"', 'difference: a tzdata file, not a zone'],
    ['Factory', 'unknown time zone "Factory"', 'difference: a tzdata placeholder'],
  ])('rejects %j (%s)', (name, message) => {
    expect(parseLocation(name)).toEqual({ ok: false, error: message });
  });
});
