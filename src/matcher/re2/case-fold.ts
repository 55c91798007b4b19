/**
 * Case-folding orbits, for the rare pattern where `(?i)` covers only part of
 * the pattern and the translator must spell case-insensitivity out by hand
 * (`[kK\u{212A}]`). RE2 uses Unicode simple case folding orbits (k, K and the
 * Kelvin sign K are one orbit); JavaScript's /ui flag uses the same folding,
 * so the orbits are read from the engine itself: the table is built once, on
 * first need, by grouping code points linked by single-code-point
 * toLowerCase/toUpperCase and keeping the pairs that /ui really equates.
 * ASCII never needs the table (its only non-ASCII partners are ſ and K).
 */
import { normalizeRanges, type Range } from './ranges.js';

/** Lowest and highest code points that take part in simple case folding (as in Go). */
const MIN_FOLD = 0x41;
const MAX_FOLD = 0x1e943;
const LONG_S = 0x17f;
const KELVIN = 0x212a;

let table: Map<number, readonly number[]> | undefined;

/** Code point of a one-code-point string, or -1. */
function single(s: string): number {
  const cp = s.codePointAt(0);
  return cp !== undefined && s.length === (cp > 0xffff ? 2 : 1) ? cp : -1;
}

function buildTable(): Map<number, readonly number[]> {
  const parent = new Map<number, number>();
  const root = (x: number): number => {
    let r = x;
    for (let p = parent.get(r); p !== undefined && p !== r; p = parent.get(r)) r = p;
    return r;
  };
  const link = (a: number, b: number): void => {
    const ra = root(a);
    const rb = root(b);
    if (!parent.has(rb)) parent.set(rb, rb);
    if (ra !== rb) parent.set(ra, rb);
  };
  for (let cp = MIN_FOLD; cp <= MAX_FOLD; cp++) {
    if (cp >= 0xd800 && cp <= 0xdfff) continue;
    const s = String.fromCodePoint(cp);
    for (const other of [single(s.toLowerCase()), single(s.toUpperCase())]) {
      if (other >= 0 && other !== cp) link(cp, other);
    }
  }
  const groups = new Map<number, number[]>();
  for (const cp of parent.keys()) {
    const r = root(cp);
    groups.set(r, [...(groups.get(r) ?? []), cp]);
  }
  const out = new Map<number, readonly number[]>();
  for (const members of groups.values()) {
    for (const cp of members) {
      const re = new RegExp(`^\\u{${cp.toString(16)}}$`, 'ui');
      const orbit = members.filter((m) => re.test(String.fromCodePoint(m))).sort((a, b) => a - b);
      if (orbit.length > 1) out.set(cp, orbit);
    }
  }
  return out;
}

function asciiOrbit(cp: number): readonly number[] {
  const ch = String.fromCharCode(cp);
  const lower = ch.toLowerCase().charCodeAt(0);
  const upper = ch.toUpperCase().charCodeAt(0);
  if (lower === upper) return [cp];
  if (lower === 0x6b) return [upper, lower, KELVIN];
  if (lower === 0x73) return [upper, lower, LONG_S];
  return [upper, lower];
}

/** Every code point that matches `cp` case-insensitively, `cp` included, ascending. */
export function foldOrbit(cp: number): readonly number[] {
  if (cp < 0x80) return asciiOrbit(cp);
  if (cp < MIN_FOLD || cp > MAX_FOLD) return [cp];
  table ??= buildTable();
  return table.get(cp) ?? [cp];
}

/** The ranges plus every code point that folds to one of their members (RE2's appendFoldedRange). */
export function foldClosure(ranges: readonly Range[]): Range[] {
  const extra: Range[] = [];
  if (ranges.every(([, hi]) => hi < 0x80)) {
    for (const [lo, hi] of ranges) {
      for (let cp = lo; cp <= hi; cp++) for (const f of asciiOrbit(cp)) extra.push([f, f]);
    }
    return normalizeRanges([...ranges, ...extra]);
  }
  table ??= buildTable();
  for (const [cp, orbit] of table) {
    if (ranges.some(([lo, hi]) => lo <= cp && cp <= hi)) for (const f of orbit) extra.push([f, f]);
  }
  return normalizeRanges([...ranges, ...extra]);
}
