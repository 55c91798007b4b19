/**
 * What follows `(?` in RE2: a flag change `(?i)`, `(?i-s)`, a non-capturing
 * group with flags `(?:`, `(?U:`, or a named group `(?P<name>` / `(?<name>`.
 * Perl constructs RE2 does not implement (lookaround, atomic groups,
 * comments, named backreferences, conditionals) are rejected by name.
 */
import { err, ok } from '../../util/result.js';
import { FLAG_DOT_NL, FLAG_FOLD, FLAG_MULTILINE, FLAG_UNGREEDY, syntaxError, type Parsed } from './tokens.js';

/** A group opening (with the flags inside it) or a bare flag change for the rest of the enclosing group. */
export type GroupStart = { readonly kind: 'group' | 'flags'; readonly flags: number; readonly name?: string };

const FLAG_BITS: Readonly<Record<string, number>> = { i: FLAG_FOLD, m: FLAG_MULTILINE, s: FLAG_DOT_NL, U: FLAG_UNGREEDY };

const UNSUPPORTED: readonly (readonly [prefix: string, what: string])[] = [
  ['(?=', 'lookahead assertions are not supported by RE2'],
  ['(?!', 'negative lookahead assertions are not supported by RE2'],
  ['(?<=', 'lookbehind assertions are not supported by RE2'],
  ['(?<!', 'negative lookbehind assertions are not supported by RE2'],
  ['(?>', 'atomic groups are not supported by RE2'],
  ['(?#', 'comment groups are not supported by RE2'],
  ['(?P=', 'named backreferences are not supported by RE2'],
  ['(?P>', 'recursion is not supported by RE2'],
  ['(?(', 'conditional groups are not supported by RE2'],
  ['(?|', 'branch reset groups are not supported by RE2'],
];

function parseNamedGroup(src: string, i: number, nameStart: number, flags: number): Parsed<GroupStart> {
  const close = src.indexOf('>', i);
  if (close < 0) return err(syntaxError(src, 'invalid named capture', i, src.length));
  if (!/^[A-Za-z0-9_]+$/.test(src.slice(nameStart, close))) {
    return err(syntaxError(src, 'invalid named capture (names are letters, digits and _)', i, close + 1));
  }
  return ok({ value: { kind: 'group', flags, name: src.slice(nameStart, close) }, end: close + 1 });
}

/** Parses the `(?...` construct at `i`, given the flags in effect before it. */
export function parseGroupPrefix(src: string, i: number, flags: number): Parsed<GroupStart> {
  for (const [prefix, what] of UNSUPPORTED) {
    if (src.startsWith(prefix, i)) return err(syntaxError(src, what, i, i + prefix.length));
  }
  // (?<name> is accepted as in Go 1.22+; Alertmanager 0.25 (Go 1.19) knew only (?P<name>.
  if (src.startsWith('(?P<', i)) return parseNamedGroup(src, i, i + 4, flags);
  if (src.startsWith('(?<', i)) return parseNamedGroup(src, i, i + 3, flags);

  let next = flags;
  let negate = false;
  let sawFlag = false;
  for (let j = i + 2; j < src.length; j++) {
    const c = src.charAt(j);
    const bit = Object.hasOwn(FLAG_BITS, c) ? FLAG_BITS[c] : undefined;
    if (bit !== undefined) {
      next = negate ? next & ~bit : next | bit;
      sawFlag = true;
    } else if (c === '-' && !negate) {
      negate = true;
      sawFlag = false;
    } else if ((c === ':' || c === ')') && !(negate && !sawFlag)) {
      return ok({ value: { kind: c === ':' ? 'group' : 'flags', flags: next }, end: j + 1 });
    } else {
      return err(syntaxError(src, 'invalid or unsupported Perl syntax', i, j + 1));
    }
  }
  return err(syntaxError(src, 'invalid or unsupported Perl syntax', i, src.length));
}
