import { describe, expect, it } from 'vitest';
import { GoTime } from './go-time.js';
import { formatLayout } from './time-layout.js';
import { loadLocation } from './time-zone.js';

/** Monday 2023-01-02 03:04:05.670 UTC. */
const t = new GoTime(Date.UTC(2023, 0, 2, 3, 4, 5, 670));
const fields = GoTime.fields(t);

// Expected values follow Go's time.Format (format.go: nextStdChunk and appendFormat).
describe('formatLayout (Go time.Format)', () => {
  it.each([
    ['2006-01-02 15:04:05.999999999 -0700 MST', '2023-01-02 03:04:05.67 +0000 UTC', 'Time.String'],
    ['2006-01-02T15:04:05Z07:00', '2023-01-02T03:04:05Z', 'RFC 3339: Z for UTC'],
    ['2006-01-02T15:04:05.999999999Z07:00', '2023-01-02T03:04:05.67Z', 'RFC 3339 with nanoseconds'],
    ['Mon, 02 Jan 2006 15:04:05 MST', 'Mon, 02 Jan 2023 03:04:05 UTC', 'RFC 1123'],
    ['02 Jan 06 15:04 -0700', '02 Jan 23 03:04 +0000', 'RFC 822 with a numeric zone'],
    ['3:04PM', '3:04AM', 'Kitchen: 12-hour clock'],
    ['03:04:05 pm', '03:04:05 am', 'padded 12-hour clock, lower-case am'],
    ['Monday January 2 _2 __2 002', 'Monday January 2  2   2 002', 'long names, padded day and day of year'],
    ['.000 .999 ,000 .9', '.670 .67 ,670 .6', 'fractions: fixed, trimmed, comma, truncated'],
    ['Jan JanX Jana', 'Jan JanX Jana', 'Jan before a lower-case letter is text'],
    ['Mon Monx', 'Mon Monx', 'so is Mon'],
    ['_2006', '_2023', '_2006 is an underscore and the year'],
    ['Z07:00 Z0700 Z07 -07 -07:00:00', 'Z Z Z +00 +00:00:00', 'zone forms at UTC'],
    ['1 15 2 3 4 5', '1 03 2 3 4 5', 'unpadded month, padded 24-hour, unpadded day, hour, minute, second'],
    ['no fields here', 'no fields here', 'plain text'],
    ['', '', 'empty layout'],
  ])('%j -> %j (%s)', (layout, want) => {
    expect(formatLayout(fields, layout)).toBe(want);
  });

  it('prints zones other than UTC with their offset and abbreviation', () => {
    const berlin = loadLocation('Europe/Berlin');
    if (!berlin.ok) throw new Error(berlin.error);
    const f = GoTime.fields(GoTime.in(t, berlin.value));
    expect(formatLayout(f, '15:04 MST -0700 Z07:00 -07:00:00')).toBe('04:04 CET +0100 +01:00 +01:00:00');
  });

  it('prints an unknown abbreviation as the offset', () => {
    expect(formatLayout({ ...fields, offset: -9000, abbreviation: '' }, 'MST')).toBe('-0230');
  });

  it('pads years below 1000 to four digits', () => {
    expect(formatLayout({ ...fields, year: 1 }, '2006 06')).toBe('0001 01');
  });
});
