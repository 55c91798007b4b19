/**
 * RE2 counted repetition `{n}`, `{n,}`, `{n,m}`. Anything else starting with
 * `{` (`{,3}`, `{01}`, `{x}`) is not a repeat and the `{` is a literal, as in
 * Go. Counts above 1000 or `min > max` are errors.
 */
import { err, ok, type Result } from '../../util/result.js';
import { syntaxError } from './tokens.js';

/** Go's maximum repeat count. */
const MAX_REPEAT = 1000;

/** A parsed repeat; `max` -1 means unbounded. */
export interface BraceRepeat {
  readonly min: number;
  readonly max: number;
  /** Index just past the closing `}`. */
  readonly end: number;
}

/** A decimal at `i` as Go's parseInt reads it (no leading zeros; -1 when too big), or undefined. */
function parseCount(src: string, i: number): { value: number; end: number } | undefined {
  let end = i;
  while (end < src.length && src[end]! >= '0' && src[end]! <= '9') end++;
  if (end === i) return undefined;
  if (end - i >= 2 && src[i] === '0') return undefined;
  const digits = src.slice(i, end);
  return { value: digits.length > 8 ? -1 : Number(digits), end };
}

/**
 * Reads a `{...}` repeat at `i`: the repeat, undefined when the `{` is a
 * literal, or an error for an out-of-range count.
 */
export function parseRepeatBraces(src: string, i: number): Result<BraceRepeat | undefined> {
  const lo = parseCount(src, i + 1);
  if (lo === undefined) return ok(undefined);
  let min = lo.value;
  let max = min;
  let j = lo.end;
  if (src[j] === ',') {
    j++;
    if (src[j] === '}') max = -1;
    else {
      const hi = parseCount(src, j);
      if (hi === undefined) return ok(undefined);
      max = hi.value;
      if (max < 0) min = -1;
      j = hi.end;
    }
  }
  if (src[j] !== '}') return ok(undefined);
  const end = j + 1;
  if (min < 0 || min > MAX_REPEAT || max > MAX_REPEAT || (max >= 0 && min > max)) {
    return err(syntaxError(src, 'invalid repeat count (at most 1000, min <= max)', i, end));
  }
  return ok({ min, max, end });
}
