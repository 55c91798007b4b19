/**
 * parseTimeIntervals on YAML read by the config loader's reader. The
 * `amtool` column is what `amtool check-config` 0.25.0 (Debian 0.25.0-1+b4)
 * printed for the same list in a minimal config: 'accept', or its message.
 * Where amtool is installed, the last block re-runs it on every row.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseYaml } from '../config/yaml-tree.js';
import { parseTimeIntervals } from './parse-time-intervals.js';
import type { TimeInterval } from './types.js';

/** A `time_intervals:` list with one named entry `t` holding one interval. */
const one = (interval: string) => `time_intervals:\n- name: t\n  time_intervals:\n  - ${interval}\n`;

function parse(yaml: string) {
  const parsed = parseYaml(yaml);
  if (!parsed.ok) throw new Error(`bad test YAML: ${parsed.error[0]?.message}`);
  const [key, list] = Object.entries(parsed.value.tree as Record<string, unknown>)[0] ?? [];
  return parseTimeIntervals(list, key ?? '');
}

const P = 'time_intervals[0].time_intervals[0]';
const BOTH = 'both start_time and end_time must be provided';

/** [reason, YAML, amtool's answer, our errors as [path, message]]. */
type Row = [string, string, string, [string, string][]];

const ROWS: Row[] = [
  ['a full example', one(`{times: [{start_time: "09:00", end_time: "17:00"}], weekdays: ["monday:friday"], days_of_month: ["1:7", "-7:-1"], months: ["january:march", "10"], years: ["2024:2030"], location: Europe/Berlin}`), 'accept', []],
  ['scalars are read as written: 10:00 unquoted, numbers', one('{times: [{start_time: 10:00, end_time: 24:00}], days_of_month: [1, -1], months: [3], years: [2024]}'), 'accept', []],
  ['null fields and null list items', one('{weekdays: [~], times: [~], days_of_month: [~], months: [~], years: [~], location: ~}'), 'accept', []],
  ['empty lists', one('{weekdays: [], times: [], days_of_month: [], months: [], years: []}'), 'accept', []],
  ['null and missing sub-interval lists', 'time_intervals: [{name: a, time_intervals: ~}, {name: b}, {name: c, time_intervals: [~]}]', 'accept', []],
  ['a null named entry (Alertmanager does not check it)', 'time_intervals: [~]', 'accept', []],
  ['mute_time_intervals has the same shape', 'mute_time_intervals: [{name: m, time_intervals: [{weekdays: [sunday]}]}]', 'accept', []],
  ['Local is accepted (read as UTC here)', one('{location: Local}'), 'accept', []],
  ['monday:sunday', one('{weekdays: ["monday:sunday"]}'), 'start day cannot be before end day', [[`${P}.weekdays[0]`, 'end day sunday is before start day monday (weekday ranges run from sunday to saturday)']]],
  ['a weekday number', one('{weekdays: [1]}'), '1 is not a valid weekday', [[`${P}.weekdays[0]`, '"1" is not a valid weekday (use full names, e.g. "monday")']]],
  ['a YAML boolean as a weekday', one('{weekdays: [yes]}'), 'yes is not a valid weekday', [[`${P}.weekdays[0]`, '"yes" is not a valid weekday (use full names, e.g. "monday")']]],
  ['a quoted empty weekday is checked (only null is not)', one('{weekdays: [""]}'), ' is not a valid weekday', [[`${P}.weekdays[0]`, '"" is not a valid weekday (use full names, e.g. "monday")']]],
  ['weekdays not a list', one('{weekdays: monday}'), "cannot unmarshal !!str `monday` into []timeinterval.WeekdayRange", [[`${P}.weekdays`, 'expected a list, got a string']]],
  ['a list inside the list', one('{weekdays: [[monday]]}'), 'cannot unmarshal !!seq into string', [[`${P}.weekdays[0]`, 'expected a string, got a list']]],
  ['day 0', one('{days_of_month: ["0"]}'), '0 is not a valid day of the month: out of range', [[`${P}.days_of_month[0]`, '0 is not a valid day of the month: out of range (use 1 to 31, or -31 to -1 counting back from the last day)']]],
  ['-1:5', one('{days_of_month: ["-1:5"]}'), 'end day must be negative if start day is negative', [[`${P}.days_of_month[0]`, 'invalid range "-1:5": end day must be negative if start day is negative']]],
  ['a fractional day', one('{days_of_month: [1.5]}'), 'strconv.Atoi: parsing "1.5": invalid syntax', [[`${P}.days_of_month[0]`, 'invalid day of the month "1.5": not an integer']]],
  ['backwards months', one('{months: ["March:January"]}'), 'end month january is before start month march', [[`${P}.months[0]`, 'end month january is before start month march']]],
  ['10:00 as a month range', one('{months: [10:00]}'), 'end month  is before start month october', [[`${P}.months[0]`, 'end month 0 is before start month october']]],
  ['month 13 is not checked', one('{months: ["13"]}'), 'accept', []],
  ['backwards years', one('{years: ["2022:2020"]}'), 'end year 2020 is before start year 2022', [[`${P}.years[0]`, 'end year 2020 is before start year 2022']]],
  ['a date as a year', one('{years: [2020-01-01]}'), 'strconv.Atoi: parsing "2020-01-01": invalid syntax', [[`${P}.years[0]`, 'invalid year "2020-01-01": not an integer']]],
  ['a missing end time', one('{times: [{start_time: "09:00"}]}'), 'both start and end times must be provided', [[`${P}.times[0].end_time`, BOTH]]],
  ['a null start time', one('{times: [{start_time: ~, end_time: "10:00"}]}'), 'both start and end times must be provided', [[`${P}.times[0].start_time`, BOTH]]],
  ['an empty start time', one('{times: [{start_time: "", end_time: "11:00"}]}'), 'both start and end times must be provided', [[`${P}.times[0].start_time`, BOTH]]],
  ['an empty time mapping', one('{times: [{}]}'), 'both start and end times must be provided', [[`${P}.times[0]`, BOTH]]],
  ['a one-digit hour', one('{times: [{start_time: "9:00", end_time: "10:00"}]}'), "couldn't parse timestamp 9:00, invalid format", [[`${P}.times[0].start_time`, 'couldn\'t parse time "9:00": expected HH:MM with two-digit hours and minutes, 00:00 to 24:00']]],
  ['24:01', one('{times: [{start_time: "10:00", end_time: "24:01"}]}'), "couldn't parse timestamp 24:01, invalid format", [[`${P}.times[0].end_time`, 'couldn\'t parse time "24:01": expected HH:MM with two-digit hours and minutes, 00:00 to 24:00']]],
  ['a range across midnight', one('{times: [{start_time: "22:00", end_time: "02:00"}]}'), 'start time cannot be equal or greater than end time', [[`${P}.times[0]`, 'start time 22:00 must be before end time 02:00 (a range cannot cross midnight; split it in two)']]],
  ['an unknown key in a time range', one('{times: [{start_time: "10:00", end_time: "11:00", foo: 1}]}'), 'field foo not found in type timeinterval.yamlTimeRange', [[`${P}.times[0].foo`, 'unknown field "foo" (known fields: start_time, end_time)']]],
  ['times as a mapping', one('{times: {start_time: "10:00", end_time: "11:00"}}'), 'cannot unmarshal !!map into []timeinterval.TimeRange', [[`${P}.times`, 'expected a list, got a mapping']]],
  ['a number as a time range', one('{times: [5]}'), 'cannot unmarshal !!int `5` into timeinterval.yamlTimeRange', [[`${P}.times[0]`, 'expected a mapping, got a number']]],
  ['an unknown key in an interval, with a hint', one('{weekday: [monday]}'), 'field weekday not found in type timeinterval.TimeInterval', [[`${P}.weekday`, 'unknown field "weekday"; did you mean "weekdays"?']]],
  ['timezone for location', one('{timezone: Europe/Berlin}'), 'field timezone not found in type timeinterval.TimeInterval', [[`${P}.timezone`, 'unknown field "timezone"; did you mean "location"?']]],
  ['an unknown zone', one('{location: Foo/Bar}'), 'unknown time zone Foo/Bar', [[`${P}.location`, 'unknown time zone "Foo/Bar"']]],
  ['a zone in the wrong case', one('{location: europe/berlin}'), 'unknown time zone europe/berlin', [[`${P}.location`, 'unknown time zone "europe/berlin" (zone names are case-sensitive, did you mean "Europe/Berlin"?)']]],
  ['a missing name', 'time_intervals: [{time_intervals: []}]', 'missing name in time interval', [['time_intervals[0].name', 'missing name in time interval']]],
  ['an empty name in mute_time_intervals', "mute_time_intervals: [{name: ''}]", 'missing name in mute time interval', [['mute_time_intervals[0].name', 'missing name in mute time interval']]],
  [
    'every problem is reported, not just the first (amtool stops at the first)',
    `time_intervals:\n- name: t\n  time_intervals:\n  - {weekdays: [mon], times: [{start_time: "9:00", end_time: "10:00"}]}\n  - {days_of_month: ["0"], location: Mars/Olympus}\n- {time_intervals: [{months: [jan]}]}`,
    'mon is not a valid weekday',
    [
      [`${P}.times[0].start_time`, 'couldn\'t parse time "9:00": expected HH:MM with two-digit hours and minutes, 00:00 to 24:00'],
      [`${P}.weekdays[0]`, '"mon" is not a valid weekday (use full names, e.g. "monday")'],
      ['time_intervals[0].time_intervals[1].days_of_month[0]', '0 is not a valid day of the month: out of range (use 1 to 31, or -31 to -1 counting back from the last day)'],
      ['time_intervals[0].time_intervals[1].location', 'unknown time zone "Mars/Olympus"'],
      ['time_intervals[1].name', 'missing name in time interval'],
      ['time_intervals[1].time_intervals[0].months[0]', '"jan" is not a valid month'],
    ],
  ],
];

describe('parseTimeIntervals: what is accepted and the errors', () => {
  it.each(ROWS)('%s', (_why, yaml, amtool, want) => {
    const got = parse(yaml);
    if (want.length === 0) {
      expect(got.ok, amtool).toBe(true);
      return;
    }
    expect(amtool).not.toBe('accept');
    expect(got.ok ? [] : got.error.map((e) => [e.path, e.message])).toEqual(want);
  });
});

describe('parseTimeIntervals: the parsed set', () => {
  const intervals = (yaml: string, name = 't'): readonly TimeInterval[] | undefined => {
    const got = parse(yaml);
    if (!got.ok) throw new Error(JSON.stringify(got.error));
    return got.value.get(name);
  };

  it('turns every field into ranges, names into numbers and times into minutes', () => {
    const yaml = one(`{times: [{start_time: 10:00, end_time: "24:00"}], weekdays: [Monday:friday, sunday], days_of_month: ["-7:-1", 15], months: ["may:7"], years: [2024], location: Europe/Berlin}`);
    expect(intervals(yaml)).toEqual([
      {
        times: [{ startMinute: 600, endMinute: 1440 }],
        weekdays: [{ begin: 1, end: 5 }, { begin: 0, end: 0 }],
        daysOfMonth: [{ begin: -7, end: -1 }, { begin: 15, end: 15 }],
        months: [{ begin: 5, end: 7 }],
        years: [{ begin: 2024, end: 2024 }],
        location: 'Europe/Berlin',
      },
    ]);
  });

  it.each<[string, string, readonly TimeInterval[]]>([
    ['absent fields stay absent: any time', one('{}'), [{}]],
    ['UTC, empty and Local locations are all UTC (no location)', 'time_intervals: [{name: t, time_intervals: [{location: UTC}, {location: ""}, {location: Local}]}]', [{}, {}, {}]],
    ['empty lists stay empty: no time', one('{weekdays: [], times: []}'), [{ weekdays: [], times: [] }]],
    ['a null field is an absent field', one('{weekdays: ~, location: ~}'), [{}]],
    // yaml.v2 gives null items the zero value without Alertmanager's checks.
    ['a null weekday is sunday (zero value), as in Alertmanager', one('{weekdays: [~]}'), [{ weekdays: [{ begin: 0, end: 0 }] }]],
    ['a null time range is 00:00-00:00 and never matches', one('{times: [~]}'), [{ times: [{ startMinute: 0, endMinute: 0 }] }]],
    ['a null sub-interval is the empty interval: any time', 'time_intervals: [{name: t, time_intervals: [~]}]', [{}]],
    ['a missing sub-interval list is an empty one: never', 'time_intervals: [{name: t}]', []],
  ])('%s', (_why, yaml, want) => {
    expect(intervals(yaml)).toEqual(want);
  });

  it('keeps every name (a number as its text); null entries are skipped and a repeated name keeps its first entry', () => {
    const got = parse('time_intervals: [{name: a, time_intervals: [{years: [2020]}]}, ~, {name: 5}, {name: a, time_intervals: [{years: [2030]}]}]');
    expect(got.ok && [...got.value.entries()]).toEqual([
      ['a', [{ years: [{ begin: 2020, end: 2020 }] }]],
      ['5', []],
    ]);
  });

  it('takes an absent list as an empty one', () => {
    const got = parseTimeIntervals(undefined, 'time_intervals');
    expect(got.ok && got.value.size).toBe(0);
  });

  it('takes values already read as strings (the loader may shape-check first)', () => {
    const got = parseTimeIntervals([{ name: 't', time_intervals: [{ weekdays: ['saturday'], years: ['2024'] }] }], 'mute_time_intervals');
    expect(got.ok && got.value.get('t')).toEqual([{ weekdays: [{ begin: 6, end: 6 }], years: [{ begin: 2024, end: 2024 }] }]);
  });

  it('does not take a plain mapping with value/source keys for a scalar', () => {
    const got = parseTimeIntervals([{ name: 't', time_intervals: [{ weekdays: [{ value: 1, source: 'monday' }] }] }], 'time_intervals');
    expect(got).toEqual({ ok: false, error: [{ path: 'time_intervals[0].time_intervals[0].weekdays[0]', message: 'expected a string, got a mapping' }] });
  });

  it('reports a list that is not a list at the given path', () => {
    expect(parseTimeIntervals('x', 'mute_time_intervals')).toEqual({ ok: false, error: [{ path: 'mute_time_intervals', message: 'expected a list, got a string' }] });
  });
});

const hasAmtool = spawnSync('amtool', ['--version']).status === 0;

describe.runIf(hasAmtool)('amtool on this machine still answers as recorded', () => {
  const dir = mkdtempSync(join(tmpdir(), 'edgealert-timeinterval-'));
  it.each(ROWS.map((row, i) => [i, ...row] as const))('#%d %s', (i, _why, yaml, amtool) => {
    const file = join(dir, `case-${i}.yml`);
    writeFileSync(file, `route: {receiver: a}\nreceivers: [{name: a}]\n${yaml}`);
    const run = spawnSync('amtool', ['check-config', file], { encoding: 'utf8' });
    if (amtool === 'accept') expect(run.status, run.stdout + run.stderr).toBe(0);
    else expect(run.stdout + run.stderr).toContain(amtool);
  });
});
