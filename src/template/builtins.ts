/**
 * Go's builtin template functions (text/template funcs.go). Each declares
 * its Go signature (fixed parameters, variadic or not) so calls are checked
 * as Go checks them; a thrown Error becomes "error calling NAME: message".
 * `and` and `or` short-circuit, so the executor evaluates them itself.
 */
import { eq, ge, gt, le, lt, ne } from './compare.js';
import { argsText, htmlEscape, jsEscape, urlQueryEscape } from './escapers.js';
import { sprint, sprintf, sprintln } from './printer.js';
import { isAscii, utf8Bytes, utf8Decode, utf8Length } from './unicode.js';
import { isTrue, isVariadic, kindOf, mapElemZero, mapLookup, mapSize, typeName, type GoMap } from './values.js';

export interface Builtin {
  /** Parameters before the variadic ones (all of them when not variadic). */
  readonly fixed: number;
  readonly variadic: boolean;
  /** `and`/`or`: evaluated lazily by the executor. */
  readonly shortCircuit?: boolean;
  /** The first parameter is a string (printf's format), checked like a Go string parameter. */
  readonly stringFirst?: boolean;
  readonly fn: (...args: unknown[]) => unknown;
}

const fixed = (n: number, fn: Builtin['fn']): Builtin => ({ fixed: n, variadic: false, fn });
const variadicFrom = (n: number, fn: Builtin['fn']): Builtin => ({ fixed: n, variadic: true, fn });
const shortCircuit: Builtin = { fixed: 1, variadic: true, shortCircuit: true, fn: () => undefined };

export const BUILTINS: ReadonlyMap<string, Builtin> = new Map<string, Builtin>([
  ['and', shortCircuit],
  ['or', shortCircuit],
  ['not', fixed(1, (v) => !isTrue(v))],
  ['len', fixed(1, length)],
  ['index', variadicFrom(1, (item, ...indexes) => index(item, indexes))],
  ['slice', variadicFrom(1, (item, ...indexes) => slice(item, indexes))],
  ['call', variadicFrom(1, (fn, ...args) => call(fn, args))],
  ['print', variadicFrom(0, (...args) => sprint(args))],
  ['printf', { ...variadicFrom(1, (format, ...args) => sprintf(format as string, args)), stringFirst: true }],
  ['println', variadicFrom(0, (...args) => sprintln(args))],
  ['html', variadicFrom(0, (...args) => htmlEscape(argsText(args)))],
  ['js', variadicFrom(0, (...args) => jsEscape(argsText(args)))],
  ['urlquery', variadicFrom(0, (...args) => urlQueryEscape(argsText(args)))],
  ['eq', variadicFrom(1, (a, ...b) => eq(a, ...b))],
  ['ne', fixed(2, (a, b) => ne(a, b))],
  ['lt', fixed(2, (a, b) => lt(a, b))],
  ['le', fixed(2, (a, b) => le(a, b))],
  ['gt', fixed(2, (a, b) => gt(a, b))],
  ['ge', fixed(2, (a, b) => ge(a, b))],
]);

function length(item: unknown): number {
  switch (kindOf(item)) {
    case 'nil':
      throw new Error('reflect: call of reflect.Value.Type on zero Value'); // Go 1.19's own words for len of nil
    case 'string':
      return utf8Length(item as string);
    case 'slice':
      return (item as unknown[]).length;
    case 'map':
      return mapSize(item as GoMap);
    default:
      throw new Error(`len of type ${typeName(item)}`);
  }
}

/** An index operand as an int in [0, cap]. */
function indexArg(index: unknown, cap: number): number {
  if (index === null || index === undefined) throw new Error('cannot index slice/array with nil');
  if (kindOf(index) !== 'int') throw new Error(`cannot index slice/array with type ${typeName(index)}`);
  const x = Number(index);
  if (x < 0 || x > cap) throw new Error(`index out of range: ${x}`);
  return x;
}

/** index x 1 2 is x[1][2]: slices and strings by position (strings give bytes), maps by key. */
function index(item: unknown, indexes: unknown[]): unknown {
  if (item === null || item === undefined) throw new Error('index of untyped nil');
  for (const idx of indexes) {
    if (item === null || item === undefined) throw new Error('index of nil pointer');
    switch (kindOf(item)) {
      case 'slice': {
        const items = item as unknown[];
        const x = indexArg(idx, items.length);
        if (x === items.length) throw new Error('reflect: slice index out of range');
        item = items[x];
        break;
      }
      case 'string': {
        const bytes = utf8Bytes(item as string);
        const x = indexArg(idx, bytes.length);
        if (x === bytes.length) throw new Error('reflect: string index out of range');
        item = bytes[x];
        break;
      }
      case 'map':
        item = mapIndex(item as GoMap, idx);
        break;
      default:
        throw new Error(`can't index item of type ${typeName(item)}`);
    }
  }
  return item;
}

/** Maps are keyed by strings (map[string]...): the key must be one. */
function mapIndex(m: GoMap, key: unknown): unknown {
  if (key === null || key === undefined) throw new Error('value is nil; should be of type string');
  if (typeof key !== 'string') throw new Error(`value has type ${typeName(key)}; should be string`);
  const { found, value } = mapLookup(m, key);
  return found ? value : mapElemZero(m);
}

/** slice x 1 2 is x[1:2]; strings are sliced by bytes, as in Go. */
function slice(item: unknown, indexes: unknown[]): unknown {
  if (item === null || item === undefined) throw new Error('slice of untyped nil');
  if (indexes.length > 3) throw new Error(`too many slice indexes: ${indexes.length}`);
  const kind = kindOf(item);
  if (kind === 'string' && indexes.length === 3) throw new Error('cannot 3-index slice a string');
  if (kind !== 'string' && kind !== 'slice') throw new Error(`can't slice item of type ${typeName(item)}`);
  const bytes = kind === 'string' && !isAscii(item as string) ? utf8Bytes(item as string) : undefined;
  const len = bytes ? bytes.length : (item as string | unknown[]).length;
  const idx = [0, len, len];
  indexes.forEach((index, i) => (idx[i] = indexArg(index, len)));
  const [i = 0, j = len, k = len] = idx;
  if (i > j) throw new Error(`invalid slice index: ${i} > ${j}`);
  if (indexes.length === 3 && j > k) throw new Error(`invalid slice index: ${j} > ${k}`);
  if (bytes) return utf8Decode(bytes.subarray(i, j));
  return (item as string | unknown[]).slice(i, j);
}

/** call fn args...: calls a function value from the data. */
function call(fn: unknown, args: unknown[]): unknown {
  if (fn === null || fn === undefined) throw new Error('call of nil');
  if (typeof fn !== 'function') throw new Error(`non-function of type ${typeName(fn)}`);
  const f = fn as (...a: unknown[]) => unknown;
  if (isVariadic(f) ? args.length < f.length : args.length !== f.length) {
    throw new Error(`wrong number of args: got ${args.length} want ${isVariadic(f) ? 'at least ' : ''}${f.length}`);
  }
  return f(...args);
}
