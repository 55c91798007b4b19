/**
 * RE2 bracket expressions (`[a-z]`, `[^\]x]`, `[[:alpha:]\pL\d-]`) and the
 * class escapes shared with the rest of the pattern (`\pL`, `\p{Greek}`,
 * `\d`, `\W`). Rules follow Go's parseClass: `]` first is literal, `-` is
 * literal unless it forms a range, `[:name:]` is recognised up to the next
 * `:]`, `\b` and `\Q` are not allowed inside.
 */
import { err, ok, type Result } from '../../util/result.js';
import { foldClosure } from './case-fold.js';
import { perlGroup, posixGroup, type CharGroup } from './char-groups.js';
import { parseEscape } from './escape.js';
import { complementRanges, type Range } from './ranges.js';
import { codePointAt, syntaxError, type ClassSpec, type Parsed } from './tokens.js';
import { unicodeSet, type UnicodeSet } from './unicode-class.js';

/**
 * The ranges a named ASCII group contributes. Under case folding a negated
 * group is the complement of the folded group, as in RE2 (`(?i)\W` excludes ſ
 * and K), and that set is already closed under folding.
 */
export function groupRanges(group: CharGroup, fold: boolean): readonly Range[] {
  if (!group.negated) return group.ranges;
  return complementRanges(fold ? foldClosure(group.ranges) : group.ranges);
}

/** `\d`, `\S`, `\w` ... at `i`, or undefined when `i` holds no Perl class escape. */
export function parsePerlEscape(src: string, i: number): CharGroup | undefined {
  if (src[i] !== '\\' || i + 1 >= src.length) return undefined;
  return perlGroup(src.charAt(i + 1));
}

/** `\pL`, `\p{Greek}`, `\P{^Lu}` ... at `i` (which holds the backslash of `\p` or `\P`). */
export function parseUnicodeEscape(src: string, i: number): Parsed<UnicodeSet> {
  let negated = src[i + 1] === 'P';
  let name: string;
  let end: number;
  if (src[i + 2] === '{') {
    const close = src.indexOf('}', i);
    if (close < 0) return err(syntaxError(src, 'invalid character class range', i, src.length));
    name = src.slice(i + 3, close);
    end = close + 1;
  } else {
    end = i + 2 + (i + 2 < src.length ? codePointAt(src, i + 2).len : 0);
    name = src.slice(i + 2, end);
  }
  if (name.startsWith('^')) {
    negated = !negated;
    name = name.slice(1);
  }
  const set = unicodeSet(name, negated);
  if (set === undefined) return err(syntaxError(src, 'unknown Unicode class (invalid character class range)', i, end));
  return ok({ value: set, end });
}

/** One class member character (possibly escaped) at `i`; `start` is the class's `[` for errors. */
function parseClassChar(src: string, i: number, start: number): Parsed<number> {
  if (i >= src.length) return err(syntaxError(src, 'missing closing ]', start, src.length));
  if (src[i] === '\\') return parseEscape(src, i);
  const { cp, len } = codePointAt(src, i);
  return ok({ value: cp, end: i + len });
}

interface ClassBuilder {
  ranges: Range[];
  props: string[];
  negProps: string[];
}

/** One member at `i` (named group, escape, character or range) added to `b`; returns where it ends. */
function parseMember(src: string, i: number, start: number, fold: boolean, b: ClassBuilder): Result<number> {
  if (src.startsWith('[:', i) && src.length - i > 2) {
    const close = src.indexOf(':]', i + 2);
    if (close >= 0) {
      const group = posixGroup(src.slice(i, close + 2));
      if (group === undefined) return err(syntaxError(src, 'unknown POSIX class (invalid character class range)', i, close + 2));
      b.ranges.push(...groupRanges(group, fold));
      return ok(close + 2);
    }
  }
  if (src[i] === '\\' && (src[i + 1] === 'p' || src[i + 1] === 'P')) {
    const u = parseUnicodeEscape(src, i);
    if (!u.ok) return u;
    b.props.push(...u.value.value.props);
    b.negProps.push(...u.value.value.negProps);
    return ok(u.value.end);
  }
  const perl = parsePerlEscape(src, i);
  if (perl !== undefined) {
    b.ranges.push(...groupRanges(perl, fold));
    return ok(i + 2);
  }
  const lo = parseClassChar(src, i, start);
  if (!lo.ok) return lo;
  let end = lo.value.end;
  let hi = lo.value.value;
  if (src.length - end >= 2 && src[end] === '-' && src[end + 1] !== ']') {
    const h = parseClassChar(src, end + 1, start);
    if (!h.ok) return h;
    hi = h.value.value;
    end = h.value.end;
    if (hi < lo.value.value) return err(syntaxError(src, 'invalid character class range', i, end));
  }
  b.ranges.push([lo.value.value, hi]);
  return ok(end);
}

/** Parses the bracket expression whose `[` is at `start`. `fold` is whether (?i) is in effect. */
export function parseClass(src: string, start: number, fold: boolean): Parsed<ClassSpec> {
  let i = start + 1;
  const negated = src[i] === '^';
  if (negated) i++;
  const b: ClassBuilder = { ranges: [], props: [], negProps: [] };
  for (let first = true; i >= src.length || src[i] !== ']' || first; first = false) {
    const next = parseMember(src, i, start, fold, b);
    if (!next.ok) return next;
    i = next.value;
  }
  return ok({ value: { negated, ...b }, end: i + 1 });
}
