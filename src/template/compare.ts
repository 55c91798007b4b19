/**
 * The comparison builtins with Go's rules (text/template funcs.go, worded
 * as Go 1.19 words its errors):
 *
 * - only basic kinds compare by value: bool, int, float, string. An int and
 *   a float are different kinds: `eq 1 1.0` fails with "incompatible types
 *   for comparison"; ints of any size compare by value (number vs bigint).
 * - `eq a b c` is a == b || a == c; nil equals only nil and is unequal
 *   (not an error) to any basic value.
 * - slices, maps and functions are not comparable; structs compare by identity.
 * - lt, le, gt, ge accept ints, floats and strings only (strings in byte order).
 */
import { compareGoStrings } from '../matcher/go-compare.js';
import { formatValue } from './printer.js';
import { kindOf, numberOf, typeName, type GoFloat, type GoKind } from './values.js';

type BasicKind = 'bool' | 'int' | 'float' | 'string' | 'invalid';

const BASIC: ReadonlySet<GoKind> = new Set<GoKind>(['bool', 'int', 'float', 'string']);

function basicKind(v: unknown): BasicKind {
  const kind = kindOf(v);
  return BASIC.has(kind) ? (kind as BasicKind) : 'invalid';
}

const isNil = (v: unknown): boolean => v === null || v === undefined;
const comparable = (kind: GoKind): boolean => kind !== 'slice' && kind !== 'map' && kind !== 'func';
const num = (v: unknown): number | bigint => (typeof v === 'bigint' ? v : numberOf(v as number | GoFloat));

/** eq: arg1 == any of others. */
export function eq(arg1: unknown, ...others: unknown[]): boolean {
  if (others.length === 0) throw new Error('missing argument for comparison');
  const k1 = basicKind(arg1);
  for (const arg of others) {
    const k2 = basicKind(arg);
    if (k1 !== k2) {
      if (!isNil(arg1) && !isNil(arg)) throw new Error('incompatible types for comparison');
      continue;
    }
    if (k1 === 'invalid' ? equalNonBasic(arg1, arg) : k1 === 'int' || k1 === 'float' ? num(arg1) == num(arg) : arg1 === arg) {
      return true;
    }
  }
  return false;
}

function equalNonBasic(a: unknown, b: unknown): boolean {
  const ka = kindOf(a);
  const kb = kindOf(b);
  if (ka !== kb && ka !== 'nil' && kb !== 'nil') {
    throw new Error(`non-comparable types ${formatValue(a)}: ${typeName(a)}, ${typeName(b)}: ${formatValue(b)}`);
  }
  if (isNil(a) || isNil(b)) return isNil(a) === isNil(b);
  if (!comparable(kb)) throw new Error(`non-comparable type ${formatValue(b)}: ${typeName(b)}`);
  return a === b;
}

/** ne: not eq, with exactly two arguments. */
export function ne(a: unknown, b: unknown): boolean {
  return !eq(a, b);
}

/** lt: a < b for two ints, two floats or two strings. */
export function lt(a: unknown, b: unknown): boolean {
  const k1 = basicKind(a);
  const k2 = basicKind(b);
  if (k1 === 'invalid' || k2 === 'invalid') throw new Error('invalid type for comparison');
  if (k1 !== k2) throw new Error('incompatible types for comparison');
  if (k1 === 'bool') throw new Error('invalid type for comparison');
  if (k1 === 'string') return compareGoStrings(a as string, b as string) < 0;
  return num(a) < num(b);
}

/** le: lt or eq. */
export function le(a: unknown, b: unknown): boolean {
  return lt(a, b) || eq(a, b);
}

/** gt: not le. */
export function gt(a: unknown, b: unknown): boolean {
  return !le(a, b);
}

/** ge: not lt. */
export function ge(a: unknown, b: unknown): boolean {
  return !lt(a, b);
}
