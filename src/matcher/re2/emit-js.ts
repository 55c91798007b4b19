/**
 * Turns RE2 tokens into JavaScript regex source for the `u` flag.
 *
 * Case folding: JavaScript on Node 20 has no scoped modifiers (`(?i:...)`),
 * so the emitter picks one of three modes:
 * - plain: no folded atom is case-sensitive, no `i` flag;
 * - engine: every case-sensitive atom is folded, so the `i` flag does it
 *   (the usual leading `(?i)`);
 * - hand: folded and unfolded case-sensitive atoms are mixed
 *   (`foo(?i:bar)`): no `i` flag, and folded atoms are spelled out
 *   (`b` -> `[Bb]`, `[a-c]` -> `[A-Ca-c]`). Unicode property classes cannot
 *   be folded by hand and are rejected in that mode.
 * Groups are emitted non-capturing (for matchers only whether the regex
 * matches matters) unless `captures` asks for Go's capturing groups.
 */
import { err, ok, type Result } from '../../util/result.js';
import { foldClosure, foldOrbit } from './case-fold.js';
import { normalizeRanges, sameRanges, type Range } from './ranges.js';
import type { ClassSpec, Token } from './tokens.js';

type FoldMode = 'plain' | 'engine' | 'hand';

/** JavaScript regex source and flags equivalent to the RE2 tokens. */
export interface JsPattern {
  readonly source: string;
  readonly flags: 'u' | 'ui';
}

/** Characters to backslash-escape; with the `u` flag any other escaped punctuation is a syntax error (`\-` is allowed only inside classes). */
const SYNTAX = new Set('^$\\.*+?()[]{}|/');

/** A code point as JavaScript regex text, valid with the `u` flag. */
function cpText(cp: number, inClass = true): string {
  const ch = String.fromCodePoint(cp);
  if (/^[0-9A-Za-z]$/.test(ch)) return ch;
  if (cp >= 0x20 && cp <= 0x7e) return SYNTAX.has(ch) || (inClass && ch === '-') ? `\\${ch}` : ch;
  return `\\u{${cp.toString(16)}}`;
}

function rangesText(ranges: readonly Range[]): string {
  return normalizeRanges(ranges)
    .map(([lo, hi]) => (lo === hi ? cpText(lo) : `${cpText(lo)}${hi === lo + 1 ? '' : '-'}${cpText(hi)}`))
    .join('');
}

function plainClass(cls: ClassSpec, ranges: readonly Range[]): string {
  const props = cls.props.map((p) => `\\p{${p}}`).join('') + cls.negProps.map((p) => `\\P{${p}}`).join('');
  return `[${cls.negated ? '^' : ''}${rangesText(ranges)}${props}]`;
}

/**
 * A folded class with `\P{..}` under the `i` flag. RE2 complements the folded
 * property, which is what `[^\p{x}]` does under /ui (a bare `\P{x}` inside a
 * class would not), so the union is written as an alternation of classes.
 */
function engineFoldedClass(cls: ClassSpec): string {
  const hasPositive = cls.ranges.length > 0 || cls.props.length > 0;
  const positive = plainClass({ ...cls, negated: false, negProps: [] }, cls.ranges);
  if (!cls.negated) {
    const parts = [...(hasPositive ? [positive] : []), ...cls.negProps.map((p) => `[^\\p{${p}}]`)];
    return `(?:${parts.join('|')})`;
  }
  const guards = cls.negProps.slice(0, -1).map((p) => `(?=\\p{${p}})`).join('');
  return `(?:${hasPositive ? `(?!${positive})` : ''}${guards}\\p{${cls.negProps.at(-1) ?? 'Any'}})`;
}

function classText(cls: ClassSpec, fold: boolean, mode: FoldMode): Result<string> {
  if (!fold || mode === 'plain') return ok(plainClass(cls, cls.ranges));
  if (mode === 'engine') return ok(cls.negProps.length > 0 ? engineFoldedClass(cls) : plainClass(cls, cls.ranges));
  const prop = cls.props[0] ?? cls.negProps[0];
  if (prop !== undefined) {
    return err(
      `(?i) covering only part of the pattern cannot be applied to the Unicode class \\p{${prop}}; ` +
        'move (?i) to the start of the pattern',
    );
  }
  return ok(plainClass(cls, foldClosure(cls.ranges)));
}

function charText(cp: number, fold: boolean, mode: FoldMode): string {
  if (!fold || mode !== 'hand') return cpText(cp, false);
  const orbit = foldOrbit(cp);
  return orbit.length > 1 ? `[${rangesText(orbit.map((c) => [c, c] as const))}]` : cpText(cp, false);
}

/** Cheap over-approximation of caseSensitive that never needs the Unicode fold table. */
function mayBeCaseSensitive(t: Token): boolean {
  if (t.kind === 'char') return t.cp >= 0x80 || foldOrbit(t.cp).length > 1;
  if (t.kind !== 'class') return false;
  return t.cls.ranges.some(([, hi]) => hi >= 0x80) || caseSensitive(t);
}

/** Whether case folding changes what the atom matches (exact; may build the fold table). */
function caseSensitive(t: Token): boolean {
  if (t.kind === 'char') return foldOrbit(t.cp).length > 1;
  if (t.kind !== 'class') return false;
  const { ranges, props, negProps } = t.cls;
  return props.length > 0 || negProps.length > 0 || !sameRanges(normalizeRanges(ranges), foldClosure(ranges));
}

function foldMode(tokens: readonly Token[]): FoldMode {
  const atoms = tokens.filter((t) => t.kind === 'char' || t.kind === 'class');
  if (!atoms.some((t) => t.fold && mayBeCaseSensitive(t))) return 'plain';
  if (atoms.some((t) => !t.fold && caseSensitive(t))) return 'hand';
  // Under the i flag JavaScript's \b counts ſ and K (Kelvin) as word characters; RE2's
  // \b is ASCII-only. Folding by hand avoids the flag, when there is no \p{..} to fold.
  const boundary = tokens.some((t) => t.kind === 'assert' && (t.js === '\\b' || t.js === '\\B'));
  const props = atoms.some((t) => t.kind === 'class' && t.fold && (t.cls.props.length > 0 || t.cls.negProps.length > 0));
  return boundary && !props ? 'hand' : 'engine';
}

interface Atom {
  readonly text: string;
  /** Needs `(?:...)` before taking a quantifier: an assertion or an already quantified atom. */
  readonly wrap: boolean;
}

function quantifier(t: Extract<Token, { kind: 'repeat' }>): string {
  const { min, max } = t;
  let q: string;
  if (min === 0 && max === -1) q = '*';
  else if (min === 1 && max === -1) q = '+';
  else if (min === 0 && max === 1) q = '?';
  else q = max === -1 ? `{${min},}` : max === min ? `{${min}}` : `{${min},${max}}`;
  return t.lazy ? `${q}?` : q;
}

/** How to emit: `captures` keeps RE2's capturing groups capturing (numbered as in Go); by default every group is `(?:`. */
export interface EmitOptions {
  readonly captures?: boolean;
}

/** JavaScript source for the tokens, or why it cannot be expressed. */
export function emitJs(tokens: readonly Token[], options: EmitOptions = {}): Result<JsPattern> {
  const mode = foldMode(tokens);
  const stack: Atom[][] = [[]];
  const capturing: boolean[] = [];
  for (const t of tokens) {
    const atoms = stack[stack.length - 1]!;
    if (t.kind === 'open') {
      stack.push([]);
      capturing.push(options.captures === true && t.capture === true);
    } else if (t.kind === 'close') {
      const inner = stack.pop()!;
      const open = capturing.pop() ? '(' : '(?:';
      stack[stack.length - 1]!.push({ text: `${open}${inner.map((a) => a.text).join('')})`, wrap: false });
    } else if (t.kind === 'alt') atoms.push({ text: '|', wrap: false });
    else if (t.kind === 'assert') atoms.push({ text: t.js, wrap: true });
    else if (t.kind === 'char') atoms.push({ text: charText(t.cp, t.fold, mode), wrap: false });
    else if (t.kind === 'class') {
      const text = classText(t.cls, t.fold, mode);
      if (!text.ok) return text;
      atoms.push({ text: text.value, wrap: false });
    } else {
      const last = atoms.pop()!;
      atoms.push({ text: `${last.wrap ? `(?:${last.text})` : last.text}${quantifier(t)}`, wrap: true });
    }
  }
  const source = stack[0]!.map((a) => a.text).join('');
  return ok({ source, flags: mode === 'engine' ? 'ui' : 'u' });
}
