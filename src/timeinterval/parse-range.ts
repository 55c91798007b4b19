/**
 * Range strings of the `weekdays`, `days_of_month`, `months` and `years`
 * fields, parsed and checked the way Alertmanager 0.25 does:
 * - the text is lowercased; `a:b` is a range, a single member `a` is `a:a`;
 *   more than one `:` is an error;
 * - members are Go integers (strconv.Atoi: optional sign, decimal digits,
 *   64-bit), or names for weekdays (names only) and months (names or numbers).
 * Messages follow Alertmanager's wording, with the offending text quoted
 * and a hint where Alertmanager's own message is terse or misleading.
 */
import { err, ok, type Result } from '../util/result.js';
import { MONTHS, WEEKDAYS, type InclusiveRange } from './types.js';

type Member = Result<number, string>;

/** `monday`, `monday:friday`; ranges run sunday..saturday. */
export function parseWeekdayRange(text: string): Result<InclusiveRange, string> {
  const range = parseRange(text, (m) => {
    const day = WEEKDAYS.indexOf(m as (typeof WEEKDAYS)[number]);
    return day >= 0 ? ok(day) : err(`${JSON.stringify(m)} is not a valid weekday (use full names, e.g. "monday")`);
  });
  if (!range.ok) return range;
  const { begin, end } = range.value;
  if (begin > end) {
    // Alertmanager says "start day cannot be before end day".
    return err(`end day ${WEEKDAYS[end]} is before start day ${WEEKDAYS[begin]} (weekday ranges run from sunday to saturday)`);
  }
  return range;
}

/** `1`, `1:15`, `-3:-1`, `10:-1`; negative days count from the end of the month. */
export function parseDayOfMonthRange(text: string): Result<InclusiveRange, string> {
  const range = parseRange(text, (m) => goInt(m, 'day of the month'));
  if (!range.ok) return range;
  const { begin, end } = range.value;
  for (const day of [begin, end]) {
    if (day === 0 || day < -31 || day > 31) {
      return err(`${day} is not a valid day of the month: out of range (use 1 to 31, or -31 to -1 counting back from the last day)`);
    }
  }
  if (begin < 0 && end > 0) return err(`invalid range ${JSON.stringify(text)}: end day must be negative if start day is negative`);
  // Alertmanager rejects ranges that are empty in every month, judging
  // negative days against a 28-day month, but off by one: it takes -1 as
  // day 27, so `28:-1` (day 28 of February) is refused. Kept for agreement.
  const checkBegin = begin < 0 ? 28 + begin : begin;
  const checkEnd = end < 0 ? 28 + end : end;
  if (checkBegin > checkEnd) return err(`end day ${end} is always before start day ${begin}`);
  return range;
}

/**
 * `january`, `1`, `january:march`, `may:7`. Like Alertmanager 0.25 numbers
 * are not checked against 1..12: `13` is accepted and never matches.
 */
export function parseMonthRange(text: string): Result<InclusiveRange, string> {
  const range = parseRange(text, (m) => {
    const month = MONTHS.indexOf(m as (typeof MONTHS)[number]);
    if (month >= 0) return ok(month + 1);
    const n = goInt(m, 'month');
    return n.ok ? n : err(`${JSON.stringify(m)} is not a valid month`);
  });
  if (!range.ok) return range;
  const { begin, end } = range.value;
  if (begin > end) return err(`end month ${monthName(end)} is before start month ${monthName(begin)}`);
  return range;
}

/** `2024`, `2024:2026`. */
export function parseYearRange(text: string): Result<InclusiveRange, string> {
  const range = parseRange(text, (m) => goInt(m, 'year'));
  if (!range.ok) return range;
  const { begin, end } = range.value;
  if (begin > end) return err(`end year ${end} is before start year ${begin}`);
  return range;
}

function parseRange(text: string, member: (m: string) => Member): Result<InclusiveRange, string> {
  const lower = text.toLowerCase();
  const parts = lower.split(':');
  if (parts.length > 2) return err(`couldn't parse range ${JSON.stringify(lower)}, invalid format (expected start:end)`);
  const begin = member(parts[0] ?? '');
  if (!begin.ok) return begin;
  const end = parts.length === 2 ? member(parts[1] ?? '') : begin;
  if (!end.ok) return end;
  return ok({ begin: begin.value, end: end.value });
}

const INT64_MAX = 2n ** 63n - 1n;

/** Go's strconv.Atoi on a 64-bit platform. */
function goInt(text: string, what: string): Member {
  if (!/^[+-]?[0-9]+$/.test(text)) return err(`invalid ${what} ${JSON.stringify(text)}: not an integer`);
  const n = BigInt(text);
  if (n > INT64_MAX || n < -INT64_MAX - 1n) return err(`invalid ${what} ${JSON.stringify(text)}: value out of range`);
  return ok(Number(n));
}

function monthName(month: number): string {
  return MONTHS[month - 1] ?? String(month);
}
