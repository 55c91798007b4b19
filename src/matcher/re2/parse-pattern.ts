/**
 * RE2 (Go regexp/syntax, Perl flags) parser producing a flat token stream.
 * It follows Go's parse loop closely so that it accepts and rejects the same
 * patterns: flags are scoped to the enclosing group (a `(?i)` mid-group lasts
 * until its `)`, across `|`), `{` that is not a valid repeat is a literal,
 * stacked repetition (`a**`, `a*+`) is an error, repeat counts stop at 1000,
 * `\Q...\E` quotes literally, `\C` and backreferences are rejected.
 */
import { err, ok, type Result } from '../../util/result.js';
import { parseClass, groupRanges, parsePerlEscape, parseUnicodeEscape } from './parse-class.js';
import { parseEscape } from './escape.js';
import { parseGroupPrefix } from './parse-group.js';
import { parseRepeatBraces } from './parse-repeat.js';
import {
  ANCHOR_PREFIX, codePointAt, syntaxError, FLAG_DOT_NL, FLAG_FOLD, FLAG_MULTILINE, FLAG_UNGREEDY, type Token,
} from './tokens.js';

/** Go's maximum nesting depth. */
const MAX_DEPTH = 1000;

/** Simple escapes outside classes that are assertions, in JavaScript syntax (no `m` flag is ever set). */
const ASSERT_ESCAPES: Readonly<Record<string, string>> = { A: '^', z: '$', b: '\\b', B: '\\B' };

class PatternParser {
  readonly tokens: Token[] = [];
  private flags = 0;
  private readonly saved: number[] = [];
  /** Whether the last item can take a repetition operator (Go: stack top is not `(` or `|`). */
  private canRepeat = false;
  /** Start of the repetition operator just parsed, or -1 (Go's lastRepeat). */
  private lastRepeat = -1;

  constructor(private readonly src: string) {}

  run(): Result<Token[]> {
    let i = 0;
    while (i < this.src.length) {
      const before = i;
      const wasRepeat = this.lastRepeat;
      this.lastRepeat = -1;
      const next = this.step(i, wasRepeat);
      if (!next.ok) return next;
      i = next.value;
      if (i === before) throw new Error('re2 parser made no progress');
    }
    if (this.saved.length > 0) return err(syntaxError(this.src, 'missing closing )', 0, this.src.length));
    return ok(this.tokens);
  }

  private atom(token: Token): void {
    this.tokens.push(token);
    this.canRepeat = true;
  }

  private get fold(): boolean {
    return (this.flags & FLAG_FOLD) !== 0;
  }

  private step(i: number, lastRepeat: number): Result<number> {
    const { src } = this;
    switch (src[i]) {
      case '(':
        return this.open(i);
      case ')':
        return this.close(i);
      case '|':
        this.tokens.push({ kind: 'alt' });
        this.canRepeat = false;
        return ok(i + 1);
      case '^':
        this.atom({ kind: 'assert', js: this.flags & FLAG_MULTILINE ? '(?<![^\\n])' : '^' });
        return ok(i + 1);
      case '$':
        this.atom({ kind: 'assert', js: this.flags & FLAG_MULTILINE ? '(?![^\\n])' : '$' });
        return ok(i + 1);
      case '.': {
        const ranges = this.flags & FLAG_DOT_NL ? [] : [[10, 10] as const];
        this.atom({ kind: 'class', cls: { negated: true, ranges, props: [], negProps: [] }, fold: false });
        return ok(i + 1);
      }
      case '[': {
        const c = parseClass(src, i, this.fold);
        if (!c.ok) return c;
        this.atom({ kind: 'class', cls: c.value.value, fold: this.fold });
        return ok(c.value.end);
      }
      case '*':
      case '+':
      case '?':
        return this.repeat(i, i + 1, src[i] === '+' ? 1 : 0, src[i] === '?' ? 1 : -1, lastRepeat);
      case '{': {
        const r = parseRepeatBraces(src, i);
        if (!r.ok) return r;
        if (r.value === undefined) return this.literal(0x7b, i + 1);
        return this.repeat(i, r.value.end, r.value.min, r.value.max, lastRepeat);
      }
      case '\\':
        return this.escape(i);
      default: {
        const { cp, len } = codePointAt(src, i);
        return this.literal(cp, i + len);
      }
    }
  }

  private literal(cp: number, end: number): Result<number> {
    this.atom({ kind: 'char', cp, fold: this.fold });
    return ok(end);
  }

  private open(i: number): Result<number> {
    let inner = this.flags;
    let end = i + 1;
    let capture = true;
    let name: string | undefined;
    if (this.src[i + 1] === '?') {
      const g = parseGroupPrefix(this.src, i, this.flags);
      if (!g.ok) return g;
      end = g.value.end;
      if (g.value.value.kind === 'flags') {
        this.flags = g.value.value.flags;
        return ok(end);
      }
      inner = g.value.value.flags;
      name = g.value.value.name;
      capture = name !== undefined;
    }
    if (this.saved.length >= MAX_DEPTH) return err(syntaxError(this.src, 'expression nests too deeply', 0, this.src.length));
    this.saved.push(this.flags);
    this.flags = inner;
    this.tokens.push(name === undefined ? { kind: 'open', capture } : { kind: 'open', capture, name });
    this.canRepeat = false;
    return ok(end);
  }

  private close(i: number): Result<number> {
    const restored = this.saved.pop();
    if (restored === undefined) {
      return err(syntaxError(this.src, `unexpected ) at offset ${i - ANCHOR_PREFIX.length}`, 0, this.src.length));
    }
    this.flags = restored;
    this.atom({ kind: 'close' });
    return ok(i + 1);
  }

  /** A repetition operator spanning `start`..`opEnd` (before an optional lazy `?`). */
  private repeat(start: number, opEnd: number, min: number, max: number, lastRepeat: number): Result<number> {
    let end = opEnd;
    let lazy = (this.flags & FLAG_UNGREEDY) !== 0;
    if (this.src[end] === '?') {
      lazy = !lazy;
      end++;
    }
    if (lastRepeat >= 0) {
      const what = this.src[start] === '+'
        ? 'invalid nested repetition operator (possessive quantifiers are not supported by RE2)'
        : 'invalid nested repetition operator';
      return err(syntaxError(this.src, what, lastRepeat, end));
    }
    if (!this.canRepeat) return err(syntaxError(this.src, 'missing argument to repetition operator', start, end));
    this.tokens.push({ kind: 'repeat', min, max, lazy });
    this.lastRepeat = start;
    return ok(end);
  }

  private escape(i: number): Result<number> {
    const { src } = this;
    const letter = src.charAt(i + 1);
    const assertion = Object.hasOwn(ASSERT_ESCAPES, letter) ? ASSERT_ESCAPES[letter] : undefined;
    if (assertion !== undefined) {
      this.atom({ kind: 'assert', js: assertion });
      return ok(i + 2);
    }
    if (letter === 'C') return err(syntaxError(src, 'invalid escape sequence (\\C, any byte, is not supported)', i, i + 2));
    if (letter === 'Q') return this.quoted(i);
    if (letter === 'p' || letter === 'P') {
      const u = parseUnicodeEscape(src, i);
      if (!u.ok) return u;
      const cls = { negated: false, ranges: [], ...u.value.value };
      this.atom({ kind: 'class', cls, fold: this.fold });
      return ok(u.value.end);
    }
    const perl = parsePerlEscape(src, i);
    if (perl !== undefined) {
      const cls = { negated: false, ranges: groupRanges(perl, this.fold), props: [], negProps: [] };
      this.atom({ kind: 'class', cls, fold: this.fold });
      return ok(i + 2);
    }
    const e = parseEscape(src, i);
    if (!e.ok) return e;
    return this.literal(e.value.value, e.value.end);
  }

  /** `\Q...\E`: everything up to `\E` (or the end) is literal. */
  private quoted(i: number): Result<number> {
    const stop = this.src.indexOf('\\E', i + 2);
    const end = stop < 0 ? this.src.length : stop;
    for (let j = i + 2; j < end; ) {
      const { cp, len } = codePointAt(this.src, j);
      this.atom({ kind: 'char', cp, fold: this.fold });
      j += len;
    }
    return ok(stop < 0 ? end : stop + 2);
  }
}

/** Parses an already anchored RE2 source (`^(?:...)$`) into tokens, or explains why RE2 would reject it. */
export function parsePattern(src: string): Result<Token[]> {
  return new PatternParser(src).run();
}
