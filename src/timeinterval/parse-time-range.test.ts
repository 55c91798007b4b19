import { describe, expect, it } from 'vitest';
import { formatTimeOfDay, parseTimeOfDay, timeRange } from './parse-time-range.js';

describe('parseTimeOfDay', () => {
  const FORMAT = 'expected HH:MM with two-digit hours and minutes, 00:00 to 24:00';
  it.each<[string, number | string, string]>([
    ['00:00', 0, 'midnight at the start of the day'],
    ['09:30', 570, 'hours and minutes'],
    ['23:59', 1439, 'the last minute'],
    ['24:00', 1440, 'the end of the day'],
    // amtool: "couldn't parse timestamp 9:00, invalid format"
    ['9:00', `couldn't parse time "9:00": ${FORMAT}`, 'hours need two digits'],
    ['23:60', `couldn't parse time "23:60": ${FORMAT}`, 'minutes stop at 59'],
    ['24:01', `couldn't parse time "24:01": ${FORMAT}`, '24 only as 24:00'],
    ['25:00', `couldn't parse time "25:00": ${FORMAT}`, 'no hour 25'],
    ['10:00 ', `couldn't parse time "10:00 ": ${FORMAT}`, 'no trailing space'],
    ['10:00\n', `couldn't parse time "10:00\\n": ${FORMAT}`, 'no trailing newline either'],
    ['10:00:00', `couldn't parse time "10:00:00": ${FORMAT}`, 'no seconds'],
  ])('%j -> %j (%s)', (text, want) => {
    expect(parseTimeOfDay(text)).toEqual(typeof want === 'number' ? { ok: true, value: want } : { ok: false, error: want });
  });
});

describe('timeRange', () => {
  const BOTH = 'both start_time and end_time must be provided';
  it.each<[number | undefined, number | undefined, unknown, string]>([
    [0, 1440, { ok: true, value: { startMinute: 0, endMinute: 1440 } }, 'the whole day'],
    [540, 1020, { ok: true, value: { startMinute: 540, endMinute: 1020 } }, 'office hours'],
    // amtool: "both start and end times must be provided"
    [540, undefined, { ok: false, error: { field: 'end_time', message: BOTH } }, 'a missing end points at end_time'],
    [undefined, 540, { ok: false, error: { field: 'start_time', message: BOTH } }, 'a missing start points at start_time'],
    [undefined, undefined, { ok: false, error: { field: undefined, message: BOTH } }, 'both missing points at the range'],
    // amtool: "start time cannot be equal or greater than end time"
    [
      1051,
      1051,
      { ok: false, error: { field: undefined, message: 'start time 17:31 must be before end time 17:31 (a range cannot cross midnight; split it in two)' } },
      'an empty range',
    ],
    [
      1320,
      120,
      { ok: false, error: { field: undefined, message: 'start time 22:00 must be before end time 02:00 (a range cannot cross midnight; split it in two)' } },
      'a range across midnight',
    ],
    [
      1440,
      1440,
      { ok: false, error: { field: undefined, message: 'start time 24:00 must be before end time 24:00 (a range cannot cross midnight; split it in two)' } },
      '24:00 cannot start a range',
    ],
  ])('%j-%j (%s)', (start, end, want) => {
    expect(timeRange(start, end)).toEqual(want);
  });

  it('formats minutes back as HH:MM', () => {
    expect([0, 95, 1439, 1440].map(formatTimeOfDay)).toEqual(['00:00', '01:35', '23:59', '24:00']);
  });
});
