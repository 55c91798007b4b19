/**
 * Prometheus durations (`model.Duration` of prometheus/common), the format of
 * every duration in an Alertmanager config: integer amounts of the units
 * y, w, d, h, m, s, ms in that order, each at most once (`1h30m`, `90s`,
 * `1w2d`). A year is 365 days, a week 7 days, a day 24 hours. No fractions,
 * no signs, no spaces; a bare `0` is allowed. The total must fit Go's
 * time.Duration (int64 nanoseconds, about 292 years).
 */
import { err, ok, type Result } from '../util/result.js';

const MS = { y: 365 * 24 * 3600 * 1000, w: 7 * 24 * 3600 * 1000, d: 24 * 3600 * 1000, h: 3600 * 1000, m: 60 * 1000, s: 1000, ms: 1 } as const;
type Unit = keyof typeof MS;

/** Units in the order the syntax requires them. */
const UNITS: readonly Unit[] = ['y', 'w', 'd', 'h', 'm', 's', 'ms'];

const DURATION_RE = /^(?:([0-9]+)y)?(?:([0-9]+)w)?(?:([0-9]+)d)?(?:([0-9]+)h)?(?:([0-9]+)m)?(?:([0-9]+)s)?(?:([0-9]+)ms)?$/;

/** Largest time.Duration in Go: 2^63-1 nanoseconds. */
const MAX_NANOS = 2n ** 63n - 1n;

/**
 * Parses a Prometheus duration into milliseconds. Errors use Prometheus'
 * wording (`not a valid duration string: "1.5h"`, `empty duration string`,
 * `duration out of range`).
 */
export function parseDuration(s: string): Result<number> {
  if (s === '0') return ok(0);
  if (s === '') return err('empty duration string');
  const match = DURATION_RE.exec(s);
  if (!match) return err(`not a valid duration string: ${JSON.stringify(s)}`);
  let totalMs = 0n;
  UNITS.forEach((unit, i) => {
    const digits = match[i + 1];
    if (digits !== undefined) totalMs += BigInt(digits) * BigInt(MS[unit]);
  });
  if (totalMs * 1_000_000n > MAX_NANOS) return err('duration out of range');
  return ok(Number(totalMs));
}

/**
 * Formats milliseconds like Prometheus' Duration.String(): largest units
 * first, years and weeks only when they divide the value exactly (`90d`, not
 * `12w6d`), `0s` for zero. Fractions of a millisecond are dropped.
 */
export function formatDuration(ms: number): string {
  let rest = Math.trunc(ms);
  if (rest === 0) return '0s';
  if (rest < 0) return `-${formatDuration(-rest)}`;
  let out = '';
  for (const unit of UNITS) {
    const mult = MS[unit];
    const exactOnly = unit === 'y' || unit === 'w';
    if (exactOnly && rest % mult !== 0) continue;
    const count = Math.floor(rest / mult);
    if (count > 0) {
      out += `${count}${unit}`;
      rest -= count * mult;
    }
  }
  return out;
}
