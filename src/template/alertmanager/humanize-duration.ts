/**
 * `humanizeDuration` (Alertmanager 0.28+): prometheus/common's
 * helpers/templates.HumanizeDuration. Seconds as `1d 2h 3m 4s`,
 * `2m 5s`, `1.5s`, or with a metric prefix below one second (`250ms`,
 * `1.5us`); 4 significant digits where it prints a fraction.
 */
import { sprintf } from '../printer.js';
import { goQuote } from '../quote.js';
import { float64, typeName } from '../values.js';
import { GoDuration } from './go-duration.js';

const PREFIXES = ['m', 'u', 'n', 'p', 'f', 'a', 'z', 'y'] as const;

const g4 = (v: number): string => sprintf('%.4g', [float64(v)]);

/** HumanizeDuration of a number of seconds, a numeric string, or a duration. */
export function humanizeDuration(value: unknown): string {
  let v = toFloat(value);
  if (!Number.isFinite(v)) return g4(v);
  if (v === 0) return `${g4(v)}s`;
  if (Math.abs(v) >= 1) {
    const sign = v < 0 ? '-' : '';
    v = Math.abs(v);
    const whole = Math.trunc(v);
    const seconds = whole % 60;
    const minutes = Math.trunc(whole / 60) % 60;
    const hours = Math.trunc(whole / 3600) % 24;
    const days = Math.trunc(whole / 86_400);
    if (days !== 0) return `${sign}${days}d ${hours}h ${minutes}m ${seconds}s`;
    if (hours !== 0) return `${sign}${hours}h ${minutes}m ${seconds}s`;
    if (minutes !== 0) return `${sign}${minutes}m ${seconds}s`;
    return `${sign}${g4(v)}s`;
  }
  let prefix = '';
  for (const p of PREFIXES) {
    if (Math.abs(v) >= 1) break;
    prefix = p;
    v *= 1000;
  }
  return `${g4(v)}${prefix}s`;
}

/** prometheus/common's ConvertToFloat: numbers, numeric strings (strconv.ParseFloat) and durations (in seconds). */
export function toFloat(value: unknown): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'string') return parseGoFloat(value);
  if (value instanceof GoDuration) return GoDuration.millis(value) / 1000;
  throw new Error(`can't convert ${typeName(value)} to float`);
}

const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const INFINITY = /^[+-]?(?:inf|infinity)$/i;

/** strconv.ParseFloat(s, 64) for decimal and special forms (hex floats and `_` are refused). */
export function parseGoFloat(s: string): number {
  const quoted = goQuote(s);
  if (/^nan$/i.test(s)) return Number.NaN;
  if (INFINITY.test(s)) return s.startsWith('-') ? -Infinity : Infinity;
  if (!DECIMAL.test(s)) throw new Error(`strconv.ParseFloat: parsing ${quoted}: invalid syntax`);
  const n = Number(s);
  if (!Number.isFinite(n)) throw new Error(`strconv.ParseFloat: parsing ${quoted}: value out of range`);
  return n;
}
