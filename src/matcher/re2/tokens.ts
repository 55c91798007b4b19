/**
 * The flat token stream the RE2 parser produces and the JavaScript emitter
 * consumes. Tokens carry everything RE2's flags decided at parse time (case
 * folding per atom, `.` and `^`/`$` already resolved), so the emitter needs
 * no flag state of its own.
 */
import type { Result } from '../../util/result.js';
import type { Range } from './ranges.js';

/** RE2 parse flags that change meaning (Go's FoldCase, !OneLine, DotNL, NonGreedy). */
export const FLAG_FOLD = 1;
export const FLAG_MULTILINE = 2;
export const FLAG_DOT_NL = 4;
export const FLAG_UNGREEDY = 8;

/** A character class: `ranges` plus JavaScript property escapes, optionally complemented. */
export interface ClassSpec {
  readonly negated: boolean;
  readonly ranges: readonly Range[];
  /** Property names used as `\p{name}`. */
  readonly props: readonly string[];
  /** Property names used as `\P{name}`. Under case folding RE2 complements the folded set. */
  readonly negProps: readonly string[];
}

export type Token =
  | { readonly kind: 'char'; readonly cp: number; readonly fold: boolean }
  | { readonly kind: 'class'; readonly cls: ClassSpec; readonly fold: boolean }
  /** A zero-width assertion, already in JavaScript syntax. */
  | { readonly kind: 'assert'; readonly js: string }
  /** A group; `capture` for `(...)` and `(?P<name>...)`, which Go numbers from 1 in order of their `(`. */
  | { readonly kind: 'open'; readonly capture?: boolean; readonly name?: string }
  | { readonly kind: 'close' }
  | { readonly kind: 'alt' }
  /** `max` -1 means unbounded. */
  | { readonly kind: 'repeat'; readonly min: number; readonly max: number; readonly lazy: boolean };

/** A parse step: the value and the index just past what was consumed. */
export type Parsed<T> = Result<{ readonly value: T; readonly end: number }>;

/** The text RE2 wraps every Alertmanager regex in. */
export const ANCHOR_PREFIX = '^(?:';
export const ANCHOR_SUFFIX = ')$';

/**
 * An error message in Go's shape (`what: \`snippet\``), where the snippet is
 * cut from the anchored source but clipped to the user's own pattern.
 */
export function syntaxError(src: string, what: string, from: number, to: number): string {
  const lo = Math.max(from, ANCHOR_PREFIX.length);
  const hi = Math.min(to, src.length - ANCHOR_SUFFIX.length);
  const snippet = hi > lo ? src.slice(lo, hi) : src.slice(from, to);
  return `${what}: \`${snippet}\``;
}

/** The code point at `i` and its length in UTF-16 units. */
export function codePointAt(src: string, i: number): { cp: number; len: number } {
  const cp = src.codePointAt(i) ?? 0;
  return { cp, len: cp > 0xffff ? 2 : 1 };
}
