/**
 * Sets of code points as sorted, disjoint, inclusive ranges: the shape RE2
 * uses for character classes. Kept tiny and pure so the class parser, the
 * case folder and the JavaScript emitter can share it.
 */

/** An inclusive code point range `[lo, hi]`. */
export type Range = readonly [lo: number, hi: number];

/** The largest Unicode code point (Go's unicode.MaxRune). */
export const MAX_RUNE = 0x10ffff;

/** Sorts and merges overlapping or adjacent ranges; returns a new array. */
export function normalizeRanges(ranges: readonly Range[]): Range[] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const out: [number, number][] = [];
  for (const [lo, hi] of sorted) {
    const last = out[out.length - 1];
    if (last !== undefined && lo <= last[1] + 1) {
      if (hi > last[1]) last[1] = hi;
    } else {
      out.push([lo, hi]);
    }
  }
  return out;
}

/** Every code point not in `ranges` (which need not be normalized). */
export function complementRanges(ranges: readonly Range[]): Range[] {
  const out: Range[] = [];
  let next = 0;
  for (const [lo, hi] of normalizeRanges(ranges)) {
    if (lo > next) out.push([next, lo - 1]);
    next = hi + 1;
  }
  if (next <= MAX_RUNE) out.push([next, MAX_RUNE]);
  return out;
}

/** Whether two normalized range lists describe the same set. */
export function sameRanges(a: readonly Range[], b: readonly Range[]): boolean {
  return a.length === b.length && a.every((r, i) => r[0] === b[i]?.[0] && r[1] === b[i]?.[1]);
}

/** Whether `cp` lies in any of the (not necessarily normalized) ranges. */
export function inRanges(ranges: readonly Range[], cp: number): boolean {
  return ranges.some(([lo, hi]) => lo <= cp && cp <= hi);
}
