/**
 * How JavaScript values play Go values in templates.
 *
 * - `null` and `undefined` are nil (a missing value prints `<no value>`).
 * - strings, booleans: Go's string and bool.
 * - numbers: an integer is Go's `int`, any other number is `float64`; wrap
 *   an integral float in `GoFloat` to keep it a float (`%.1f` of 2.0 prints
 *   `2.0`, of the int 2 `%!f(int=2)`). bigints are `int64`.
 * - arrays are slices; `Map`s and plain objects are maps with string keys
 *   (map[string]T: ranged in sorted key order); instances of other classes are structs: own properties (and
 *   getters) are fields, prototype methods whose names start upper-case are
 *   Go methods, callable from templates (`.Alerts.Firing`,
 *   `.Labels.Remove (stringSlice "a")`). Arrays and Maps may be subclasses
 *   with such methods.
 * - any object may describe its Go type with `[goTypeInfo]`: the type's name
 *   for messages and `%T`, and, for maps, the zero value of the element
 *   type, returned for a missing key (`missingkey=zero`, `index`).
 */
import { compareGoStrings } from '../matcher/go-compare.js';
import { isExported } from './unicode.js';

/** A float64 whose value is integral (other non-integers are float64 already). */
export class GoFloat {
  constructor(readonly value: number) {}
}

/** Shorthand for `new GoFloat(n)`. */
export const float64 = (n: number): GoFloat => new GoFloat(n);

/** Key under which an object (or its prototype) describes its Go type. */
export const goTypeInfo = Symbol.for('edgealert.template.goTypeInfo');

export interface GoTypeInfo {
  /** Go's name of the type, e.g. `template.KV` or `*template.Data`. */
  readonly name: string;
  /** For maps: the zero value of the element type (`''` for map[string]string). */
  readonly elemZero?: unknown;
}

export const GO_KINDS = ['nil', 'bool', 'int', 'float', 'string', 'slice', 'map', 'struct', 'func'] as const;
export type GoKind = (typeof GO_KINDS)[number];

export type GoMap = Map<unknown, unknown> | Record<string, unknown>;

/** The Go kind a JavaScript value plays. */
export function kindOf(v: unknown): GoKind {
  switch (typeof v) {
    case 'string':
      return 'string';
    case 'number':
      return Number.isInteger(v) ? 'int' : 'float';
    case 'boolean':
      return 'bool';
    case 'bigint':
      return 'int';
    case 'function':
      return 'func';
    case 'object': {
      if (v === null) return 'nil';
      if (Array.isArray(v)) return 'slice';
      if (v instanceof Map) return 'map';
      if (v instanceof GoFloat) return 'float';
      const proto: unknown = Object.getPrototypeOf(v);
      return proto === Object.prototype || proto === null ? 'map' : 'struct';
    }
    default:
      return 'nil';
  }
}

/** The number inside an int or float value. */
export const numberOf = (v: number | GoFloat): number => (typeof v === 'number' ? v : v.value);

function typeInfo(v: unknown): GoTypeInfo | undefined {
  if (typeof v !== 'object' || v === null) return undefined;
  return (v as { [goTypeInfo]?: GoTypeInfo })[goTypeInfo];
}

/** Go's name of the value's type (`%T`, and "wrong type" messages). */
export function typeName(v: unknown): string {
  const info = typeInfo(v);
  if (info) return info.name;
  switch (kindOf(v)) {
    case 'nil':
      return '<nil>';
    case 'bool':
      return 'bool';
    case 'string':
      return 'string';
    case 'int':
      return typeof v === 'bigint' ? 'int64' : 'int';
    case 'float':
      return 'float64';
    case 'slice':
      return '[]interface {}';
    case 'map':
      return 'map[string]interface {}';
    case 'struct':
      return (v as object).constructor?.name || 'struct {}';
    case 'func':
      return 'func()';
  }
}

/** Go's truth: false for nil, false, zero numbers and empty strings, slices and maps; structs are true. */
export function isTrue(v: unknown): boolean {
  switch (typeof v) {
    case 'string':
      return v.length > 0;
    case 'number':
      return v !== 0; // NaN is true, as in Go
    case 'boolean':
      return v;
    case 'bigint':
      return v !== 0n;
    case 'function':
      return true;
    case 'object':
      if (v === null) return false;
      if (Array.isArray(v)) return v.length > 0;
      if (v instanceof GoFloat) return v.value !== 0;
      if (kindOf(v) === 'map') return mapSize(v as GoMap) > 0;
      return true;
    default:
      return false;
  }
}

/** Number of entries in a map value. */
export function mapSize(m: GoMap): number {
  if (m instanceof Map) return m.size;
  let n = 0;
  for (const key in m) if (Object.hasOwn(m, key)) n++;
  return n;
}

/** The entry for `key`, or `found: false`. Plain objects only see their own keys. */
export function mapLookup(m: GoMap, key: unknown): { found: boolean; value: unknown } {
  if (m instanceof Map) return m.has(key) ? { found: true, value: m.get(key) } : NOT_FOUND;
  const k = String(key);
  return Object.hasOwn(m, k) ? { found: true, value: m[k] } : NOT_FOUND;
}

const NOT_FOUND = { found: false, value: undefined } as const;

/** The zero value of the map's element type: `[goTypeInfo].elemZero`, else nil (as for map[string]interface{}). */
export function mapElemZero(m: GoMap): unknown {
  return typeInfo(m)?.elemZero;
}

/** The map's keys in Go's order (fmt and range sort them): numbers numerically, strings byte-wise. */
export function sortedMapKeys(m: GoMap): unknown[] {
  const keys: unknown[] = m instanceof Map ? [...m.keys()] : Object.keys(m);
  return keys.sort(compareKeys);
}

function compareKeys(a: unknown, b: unknown): number {
  if (typeof a === 'string' && typeof b === 'string') return compareGoStrings(a, b);
  if ((typeof a === 'number' || typeof a === 'bigint') && (typeof b === 'number' || typeof b === 'bigint')) {
    return a < b ? -1 : a > b ? 1 : 0;
  }
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  return compareGoStrings(typeof a, typeof b);
}

/** The Go method `name` of `v`: an upper-case function found on the prototype chain, not an own property. */
export function findMethod(v: object, name: string): ((...args: unknown[]) => unknown) | undefined {
  if (!isExported(name) || Object.hasOwn(v, name)) return undefined;
  const fn = (v as Record<string, unknown>)[name];
  return typeof fn === 'function' ? (fn as (...args: unknown[]) => unknown) : undefined;
}

/** Whether struct `v` has field `name`: an own property, or an exported getter. */
export function hasField(v: object, name: string): boolean {
  return Object.hasOwn(v, name) || (isExported(name) && name in v);
}

const VARIADIC = Symbol('edgealert.template.variadic');

/**
 * Marks a function as variadic: its `length` parameters are required and
 * any number may follow (Go's `...`). Unmarked functions must be called
 * with exactly `length` arguments, as Go checks a function's signature.
 */
export function variadic<F extends (...args: never[]) => unknown>(fn: F): F {
  return Object.assign(fn, { [VARIADIC]: true });
}

export function isVariadic(fn: (...args: never[]) => unknown): boolean {
  return (fn as { [VARIADIC]?: boolean })[VARIADIC] === true;
}
