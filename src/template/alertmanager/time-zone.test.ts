import { describe, expect, it } from 'vitest';
import { loadLocation, numericAbbreviation } from './time-zone.js';

const winter = Date.UTC(2023, 0, 15, 12);
const summer = Date.UTC(2023, 6, 15, 12);

function zone(name: string, at: number): [number, string] {
  const loc = loadLocation(name);
  if (!loc.ok) throw new Error(loc.error);
  const z = loc.value.zoneAt(at);
  return [z.offset, z.abbreviation];
}

describe('loadLocation (Go time.LoadLocation)', () => {
  it.each([
    ['', 'UTC', 'empty is UTC'],
    ['UTC', 'UTC', ''],
    ['Local', 'Local', 'Local keeps its name (and is UTC in a Worker)'],
    ['Europe/Berlin', 'Europe/Berlin', 'an IANA zone keeps the name it was loaded with'],
    ['Asia/Calcutta', 'Asia/Calcutta', 'so does a link'],
  ])('%j is named %s (%s)', (name, want) => {
    const loc = loadLocation(name);
    expect(loc.ok && loc.value.name).toBe(want);
  });

  it.each([
    ['Mars/Olympus', 'an unknown zone'],
    ['europe/berlin', 'zone names are case-sensitive, as on Linux'],
  ])('refuses %j with Go\'s message (%s)', (name) => {
    expect(loadLocation(name)).toEqual({ ok: false, error: `unknown time zone ${name}` });
  });
});

// Expected abbreviations are tzdata's (`TZ=zone date +%Z` on the test machine).
describe('offsets and abbreviations', () => {
  it.each([
    ['UTC', winter, 0, 'UTC'],
    ['Europe/Berlin', winter, 3600, 'CET'],
    ['Europe/Berlin', summer, 7200, 'CEST'],
    ['Europe/London', summer, 3600, 'BST'],
    ['America/New_York', summer, -14400, 'EDT'],
    ['America/Los_Angeles', winter, -28800, 'PST'],
    ['Asia/Kolkata', winter, 19800, 'IST'],
    ['Asia/Calcutta', winter, 19800, 'IST'],
    ['Asia/Tokyo', winter, 32400, 'JST'],
    ['Asia/Shanghai', winter, 28800, 'CST'],
    ['Asia/Chongqing', winter, 28800, 'CST'],
    ['Europe/Moscow', winter, 10800, 'MSK'],
    ['Australia/Sydney', winter, 39600, 'AEDT'],
    ['Asia/Dubai', winter, 14400, '+04'],
    ['America/Sao_Paulo', winter, -10800, '-03'],
    ['Asia/Kathmandu', winter, 20700, '+0545'],
    ['Etc/GMT+5', winter, -18000, '-05'],
    ['Etc/GMT', winter, 0, 'GMT'],
  ])('%s at %d: %d %s', (name, at, offset, abbreviation) => {
    expect(zone(name, at)).toEqual([offset, abbreviation]);
  });
});

describe('numericAbbreviation', () => {
  it.each([
    [14400, '+04'],
    [-10800, '-03'],
    [19800, '+0530'],
    [0, '+00'],
    [-34200, '-0930'],
  ])('%d -> %s', (offset, want) => {
    expect(numericAbbreviation(offset)).toBe(want);
  });
});
