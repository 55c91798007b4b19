/**
 * Go's string order. Go compares strings byte by byte in UTF-8, which is
 * code point order; JavaScript's `<` compares UTF-16 units, which puts
 * U+10000 and above (surrogate pairs) before U+E000-U+FFFF. Sorting that must
 * agree with Alertmanager (matchers, label sets) uses this comparison.
 */

/** A UTF-16 unit remapped so that unit order equals code point order. */
function rank(unit: number): number {
  if (unit >= 0xe000) return unit - 0x800;
  if (unit >= 0xd800) return unit + 0x2000;
  return unit;
}

/** Negative, zero or positive as `a` sorts before, with, or after `b` in Go (byte-wise UTF-8) order. */
export function compareGoStrings(a: string, b: string): number {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return rank(x) - rank(y);
  }
  return a.length - b.length;
}
