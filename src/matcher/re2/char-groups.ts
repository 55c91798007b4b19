/**
 * RE2's named ASCII groups: the Perl escapes (`\d \s \w` and negations) and
 * the POSIX bracket names (`[:alpha:]`, `[:^alpha:]`). RE2 defines all of
 * them over ASCII only, unlike JavaScript's `\s` (Unicode spaces), so the
 * translator always spells them out as explicit ranges.
 */
import type { Range } from './ranges.js';

/** A named group: its positive ranges, and whether the name asked for the complement. */
export interface CharGroup {
  readonly ranges: readonly Range[];
  readonly negated: boolean;
}

const code = (ch: string): number => ch.charCodeAt(0);
const span = (lo: string, hi: string): Range => [code(lo), code(hi)];
const one = (ch: string): Range => [code(ch), code(ch)];

const DIGIT: readonly Range[] = [span('0', '9')];
const WORD: readonly Range[] = [span('0', '9'), span('A', 'Z'), one('_'), span('a', 'z')];
/** RE2's `\s` is `[\t\n\f\r ]`: no vertical tab, no Unicode spaces. */
const PERL_SPACE: readonly Range[] = [one('\t'), one('\n'), one('\f'), one('\r'), one(' ')];

const PERL: Readonly<Record<string, readonly Range[]>> = { d: DIGIT, s: PERL_SPACE, w: WORD };

const POSIX: Readonly<Record<string, readonly Range[]>> = {
  alnum: [span('0', '9'), span('A', 'Z'), span('a', 'z')],
  alpha: [span('A', 'Z'), span('a', 'z')],
  ascii: [[0x00, 0x7f]],
  blank: [one('\t'), one(' ')],
  cntrl: [[0x00, 0x1f], [0x7f, 0x7f]],
  digit: DIGIT,
  graph: [span('!', '~')],
  lower: [span('a', 'z')],
  print: [span(' ', '~')],
  punct: [span('!', '/'), span(':', '@'), span('[', '`'), span('{', '~')],
  space: [[0x09, 0x0d], one(' ')],
  upper: [span('A', 'Z')],
  word: WORD,
  xdigit: [span('0', '9'), span('A', 'F'), span('a', 'f')],
};

/** The group for a Perl class letter (`d`, `D`, `s`, `S`, `w`, `W`), or undefined. */
export function perlGroup(letter: string): CharGroup | undefined {
  const ranges = Object.hasOwn(PERL, letter.toLowerCase()) ? PERL[letter.toLowerCase()] : undefined;
  if (ranges === undefined) return undefined;
  return { ranges, negated: letter !== letter.toLowerCase() };
}

/** The group for a POSIX bracket expression such as `[:alpha:]` or `[:^digit:]`, or undefined. */
export function posixGroup(bracket: string): CharGroup | undefined {
  const inner = bracket.slice(2, -2);
  const negated = inner.startsWith('^');
  const name = negated ? inner.slice(1) : inner;
  const ranges = Object.hasOwn(POSIX, name) ? POSIX[name] : undefined;
  return ranges === undefined ? undefined : { ranges, negated };
}
