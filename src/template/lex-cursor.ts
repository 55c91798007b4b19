/**
 * The lexer's cursor over the input (Go's lexer struct and its helpers):
 * reading runes, emitting tokens, and the checks for trim markers, right
 * delimiters and word ends that the states share.
 */
import type { Token, TokenKind } from './token.js';

export const EOF = -1;
export const RIGHT = '}}';

/** A lexer state: scans a piece of input and returns the next state, or null to stop. */
export type State = ((this: Lexer) => State) | null;

export interface LexOptions {
  /** `break` and `continue` are keywords unless a function of that name exists. */
  readonly breakOK: boolean;
  readonly continueOK: boolean;
}

/** Space as the lexer means it inside actions and around trim markers. */
export const isSpace = (c: number): boolean => c === 0x20 || c === 0x09 || c === 0x0d || c === 0x0a;

/** Position, pending token start and emitted tokens of one lexing run. */
export class Lexer {
  readonly tokens: Token[] = [];
  pos = 0;
  start = 0;
  width = 0;
  parenDepth = 0;

  constructor(
    readonly input: string,
    readonly options: LexOptions,
  ) {}

  next(): number {
    if (this.pos >= this.input.length) {
      this.width = 0;
      return EOF;
    }
    const cp = this.input.codePointAt(this.pos) ?? 0;
    this.width = cp > 0xffff ? 2 : 1;
    this.pos += this.width;
    return cp;
  }

  peek(): number {
    const cp = this.next();
    this.backup();
    return cp;
  }

  backup(): void {
    this.pos -= this.width;
  }

  emit(kind: TokenKind): void {
    this.tokens.push({ kind, pos: this.start, val: this.input.slice(this.start, this.pos) });
    this.start = this.pos;
  }

  ignore(): void {
    this.start = this.pos;
  }

  accept(valid: string): boolean {
    const cp = this.next();
    if (cp !== EOF && valid.includes(String.fromCodePoint(cp))) return true;
    this.backup();
    return false;
  }

  acceptRun(valid: string): void {
    while (this.accept(valid));
  }

  errorf(message: string): State {
    this.tokens.push({ kind: 'error', pos: this.start, val: message });
    return null;
  }

  /** `-` followed by a space: the left delimiter trims the text before it. */
  hasLeftTrimMarker(at: number): boolean {
    return this.input[at] === '-' && isSpace(this.input.charCodeAt(at + 1));
  }

  /** A space followed by `-`: the right delimiter trims the text after it. */
  hasRightTrimMarker(at: number): boolean {
    return isSpace(this.input.charCodeAt(at)) && this.input[at + 1] === '-';
  }

  atRightDelim(): { delim: boolean; trim: boolean } {
    if (this.hasRightTrimMarker(this.pos) && this.input.startsWith(RIGHT, this.pos + 2)) return { delim: true, trim: true };
    return { delim: this.input.startsWith(RIGHT, this.pos), trim: false };
  }

  spaceRunAt(at: number): number {
    let n = 0;
    while (isSpace(this.input.charCodeAt(at + n))) n++;
    return n;
  }

  /** After an identifier, field or variable: can the word end here? (`.X.Y` splits; `$x+2` does not lex.) */
  atTerminator(): boolean {
    const cp = this.peek();
    if (isSpace(cp)) return true;
    // eof . , | : ) ( and the first character of the right delimiter
    return cp === EOF || cp === 0x2e || cp === 0x2c || cp === 0x7c || cp === 0x3a || cp === 0x29 || cp === 0x28 || cp === 0x7d;
  }
}
