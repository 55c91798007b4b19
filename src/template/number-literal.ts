/**
 * Number and character literals (Go's parse.NumberNode and the executor's
 * idealConstant): the literal's syntax decides its type. `1` and `'a'` and
 * `0x1E` are ints, `1.0` and `1e3` are float64, so `eq 1 1.0` is an error
 * as in Go. Integers beyond 2^53 are bigints; a literal that fits uint64 but
 * not int64 parses and fails when evaluated ("overflows int").
 */
import { goQuote, unquoteChar } from './quote.js';
import { GoFloat } from './values.js';

/** What a literal evaluates to: an int, a float64, or an "overflows int" error. */
export type NumberConstant =
  | { readonly kind: 'int'; readonly value: number | bigint }
  | { readonly kind: 'float'; readonly value: number | GoFloat }
  | { readonly kind: 'overflow' };

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;
const UINT64_MAX = 2n ** 64n - 1n;

/** Parses a literal token; throws an Error with Go's message when it is malformed. */
export function parseNumberLiteral(text: string, kind: 'number' | 'charConstant' | 'complex'): NumberConstant {
  if (kind === 'charConstant') return { kind: 'int', value: parseCharConstant(text) };
  if (kind === 'complex' || text.endsWith('i')) throw new Error(`complex numbers are not supported: ${text}`);
  const asUint = text[0] === '+' || text[0] === '-' ? undefined : parseGoInteger(text);
  const asInt = parseGoInteger(text);
  const isInt = asInt !== undefined && asInt >= INT64_MIN && asInt <= INT64_MAX;
  const isUint = (asUint !== undefined && asUint <= UINT64_MAX) || (isInt && asInt === 0n);
  let float: number | undefined;
  if (isInt) float = Number(asInt);
  else if (isUint) float = Number(asUint);
  else {
    float = parseGoFloat(text);
    // Looks like an integer but only parses as a float: too large for any int.
    if (float !== undefined && !/[.eEpP]/.test(text)) throw new Error(`integer overflow: ${goQuote(text)}`);
  }
  if (float === undefined) throw new Error(`illegal number syntax: ${goQuote(text)}`);
  const isHexInt = /^0[xX]/.test(text) && !/[pP]/.test(text);
  if (!isHexInt && /[.eEpP]/.test(text)) return { kind: 'float', value: Number.isInteger(float) ? new GoFloat(float) : float };
  if (isInt) return { kind: 'int', value: Number.isSafeInteger(Number(asInt)) ? Number(asInt) : asInt };
  if (isUint) return { kind: 'overflow' };
  // A float literal with an integral value and no '.', 'e' or 'p' cannot get here.
  return { kind: 'float', value: float };
}

function parseCharConstant(text: string): number {
  const ch = unquoteChar(text, 1, "'");
  if (ch.next !== text.length - 1 || text[ch.next] !== "'") throw new Error(`malformed character constant: ${text}`);
  return ch.value;
}

const BASES: Readonly<Record<string, number>> = { x: 16, o: 8, b: 2 };

/** strconv.ParseInt(text, 0, 64) without the range check: undefined on a syntax error. */
function parseGoInteger(text: string): bigint | undefined {
  let s = text;
  const negative = s[0] === '-';
  if (s[0] === '+' || s[0] === '-') s = s.slice(1);
  if (s.includes('_') && !underscoreOK(s)) return undefined;
  let base = 10;
  const prefix = BASES[(s[1] ?? '').toLowerCase()];
  if (s[0] === '0' && prefix !== undefined) {
    base = prefix;
    s = s.slice(2);
  } else if (s[0] === '0' && s.length > 1) {
    base = 8;
    s = s.slice(1);
  }
  s = s.replaceAll('_', '');
  if (s === '') return undefined;
  let value = 0n;
  for (const c of s) {
    const digit = parseInt(c, 36);
    if (!(digit < base)) return undefined;
    value = value * BigInt(base) + BigInt(digit);
  }
  return negative ? -value : value;
}

const DECIMAL_FLOAT = /^[+-]?(?=\.?\d)\d*(\.\d*)?([eE][+-]?\d+)?$/;
const HEX_FLOAT = /^([+-]?)0[xX]([0-9a-fA-F]*)(?:\.([0-9a-fA-F]*))?[pP]([+-]?\d+)$/;

/** strconv.ParseFloat(text, 64): undefined on a syntax error or overflow. */
function parseGoFloat(text: string): number | undefined {
  if (text.includes('_') && !underscoreOK(text)) return undefined;
  const s = text.replaceAll('_', '');
  let value: number | undefined;
  if (DECIMAL_FLOAT.test(s)) value = Number(s);
  else {
    const hex = HEX_FLOAT.exec(s);
    if (!hex) return undefined;
    const [, sign, int = '', frac = '', exp = '0'] = hex;
    if (int === '' && frac === '') return undefined;
    const mantissa = parseInt(`${int}${frac}` || '0', 16);
    value = (sign === '-' ? -1 : 1) * mantissa * 2 ** (Number(exp) - 4 * frac.length);
  }
  return Number.isFinite(value) ? value : undefined;
}

/** strconv's underscoreOK: underscores only between digits, or between a base prefix and a digit. */
function underscoreOK(text: string): boolean {
  let s = text;
  if (s[0] === '+' || s[0] === '-') s = s.slice(1);
  let saw = '^';
  let i = 0;
  let hex = false;
  if (s.length >= 2 && s[0] === '0' && 'box'.includes((s[1] ?? '').toLowerCase())) {
    i = 2;
    saw = '0';
    hex = (s[1] ?? '').toLowerCase() === 'x';
  }
  for (; i < s.length; i++) {
    const c = s[i] ?? '';
    if ((c >= '0' && c <= '9') || (hex && /[a-fA-F]/.test(c))) saw = '0';
    else if (c === '_') {
      if (saw !== '0') return false;
      saw = '_';
    } else {
      if (saw === '_') return false;
      saw = '!';
    }
  }
  return saw !== '_';
}
