/**
 * The lexer of Go's text/template (parse/lex.go, Go 1.19), as a state
 * machine over the whole input: each state scans a piece and returns the
 * next state. It stops after the first error token, whose text is Go's
 * message. Trim markers (`{{- ` and ` -}}`) and comments are handled here;
 * the parser never sees them. Actions may span lines (Go 1.16+).
 */
import { goQuote } from './quote.js';
import { EOF, Lexer, RIGHT, isSpace, type LexOptions, type State } from './lex-cursor.js';
import { keywordOf, type Token, type TokenKind } from './token.js';
import { isAlphaNumeric, isPrint } from './unicode.js';

const LEFT = '{{';

/** Go's %#U: `U+0024 '$'`, or just `U+0001` when not printable. */
function formatRune(cp: number): string {
  const hex = `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
  return isPrint(cp) ? `${hex} '${String.fromCodePoint(cp)}'` : hex;
}

/** Splits `input` into tokens; the last one is `eof` or `error`. */
export function lex(input: string, options: LexOptions): Token[] {
  const lexer = new Lexer(input, options);
  for (let state: State = lexText; state !== null; ) state = state.call(lexer);
  return lexer.tokens;
}

function lexText(this: Lexer): State {
  const x = this.input.indexOf(LEFT, this.pos);
  if (x < 0) {
    this.pos = this.input.length;
    if (this.pos > this.start) this.emit('text');
    this.emit('eof');
    return null;
  }
  let end = x;
  if (this.hasLeftTrimMarker(x + LEFT.length)) {
    while (end > this.start && isSpace(this.input.charCodeAt(end - 1))) end--;
  }
  this.pos = end;
  if (this.pos > this.start) this.emit('text');
  this.pos = x;
  this.ignore();
  return lexLeftDelim;
}

function lexLeftDelim(this: Lexer): State {
  this.pos += LEFT.length;
  const afterMarker = this.hasLeftTrimMarker(this.pos) ? 2 : 0;
  if (this.input.startsWith('/*', this.pos + afterMarker)) {
    this.pos += afterMarker;
    this.ignore();
    return lexComment;
  }
  this.emit('leftDelim');
  this.pos += afterMarker;
  this.ignore();
  this.parenDepth = 0;
  return lexInsideAction;
}

function lexComment(this: Lexer): State {
  this.pos += 2;
  const i = this.input.indexOf('*/', this.pos);
  if (i < 0) return this.errorf('unclosed comment');
  this.pos = i + 2;
  const { delim, trim } = this.atRightDelim();
  if (!delim) return this.errorf('comment ends before closing delimiter');
  this.pos += (trim ? 2 : 0) + RIGHT.length;
  if (trim) this.pos += this.spaceRunAt(this.pos);
  this.ignore();
  return lexText;
}

function lexRightDelim(this: Lexer): State {
  const trim = this.hasRightTrimMarker(this.pos);
  if (trim) {
    this.pos += 2;
    this.ignore();
  }
  this.pos += RIGHT.length;
  this.emit('rightDelim');
  if (trim) {
    this.pos += this.spaceRunAt(this.pos);
    this.ignore();
  }
  return lexText;
}

function lexInsideAction(this: Lexer): State {
  if (this.atRightDelim().delim) {
    return this.parenDepth === 0 ? lexRightDelim : this.errorf('unclosed left paren');
  }
  const r = this.next();
  if (r === EOF) return this.errorf('unclosed action');
  if (isSpace(r)) {
    this.backup(); // the space may start " -}}"
    return lexSpace;
  }
  switch (r) {
    case 0x3d: // =
      this.emit('assign');
      return lexInsideAction;
    case 0x3a: // :
      if (this.next() !== 0x3d) return this.errorf('expected :=');
      this.emit('declare');
      return lexInsideAction;
    case 0x7c: // |
      this.emit('pipe');
      return lexInsideAction;
    case 0x22: // "
      return lexQuote;
    case 0x60: // `
      return lexRawQuote;
    case 0x24: // $
      return lexVariable;
    case 0x27: // '
      return lexChar;
    case 0x28: // (
      this.emit('leftParen');
      this.parenDepth++;
      return lexInsideAction;
    case 0x29: // )
      this.emit('rightParen');
      this.parenDepth--;
      return this.parenDepth < 0 ? this.errorf(`unexpected right paren ${formatRune(r)}`) : lexInsideAction;
  }
  if (r === 0x2e) {
    // ".field" unless a digit follows: ".5" is a number.
    const c = this.input.charCodeAt(this.pos);
    if (this.pos < this.input.length && (c < 0x30 || c > 0x39)) return lexField;
  }
  if (r === 0x2e || r === 0x2b || r === 0x2d || (r >= 0x30 && r <= 0x39)) {
    this.backup();
    return lexNumber;
  }
  if (isAlphaNumeric(r)) {
    this.backup();
    return lexIdentifier;
  }
  if (r < 0x80 && isPrint(r)) {
    this.emit('char');
    return lexInsideAction;
  }
  return this.errorf(`unrecognized character in action: ${formatRune(r)}`);
}

function lexSpace(this: Lexer): State {
  let spaces = 0;
  while (isSpace(this.peek())) {
    this.next();
    spaces++;
  }
  // A trim-marked right delimiter starts with a space: leave that space to it.
  if (this.hasRightTrimMarker(this.pos - 1) && this.input.startsWith(RIGHT, this.pos + 1)) {
    this.pos--;
    if (spaces === 1) return lexRightDelim;
  }
  this.emit('space');
  return lexInsideAction;
}

function lexIdentifier(this: Lexer): State {
  let r: number;
  while (isAlphaNumeric((r = this.next())));
  this.backup();
  if (!this.atTerminator()) return this.errorf(`bad character ${formatRune(r)}`);
  const word = this.input.slice(this.start, this.pos);
  const keyword = keywordOf(word);
  if (keyword !== undefined) {
    const disabled = (keyword === 'break' && !this.options.breakOK) || (keyword === 'continue' && !this.options.continueOK);
    this.emit(disabled ? 'identifier' : keyword);
  } else this.emit(word === 'true' || word === 'false' ? 'bool' : 'identifier');
  return lexInsideAction;
}

function lexField(this: Lexer): State {
  return lexFieldOrVariable.call(this, 'field');
}

function lexVariable(this: Lexer): State {
  if (this.atTerminator()) {
    this.emit('variable'); // just "$"
    return lexInsideAction;
  }
  return lexFieldOrVariable.call(this, 'variable');
}

function lexFieldOrVariable(this: Lexer, kind: 'field' | 'variable'): State {
  if (this.atTerminator()) {
    this.emit(kind === 'variable' ? 'variable' : 'dot');
    return lexInsideAction;
  }
  let r: number;
  while (isAlphaNumeric((r = this.next())));
  this.backup();
  if (!this.atTerminator()) return this.errorf(`bad character ${formatRune(r)}`);
  this.emit(kind);
  return lexInsideAction;
}

function lexChar(this: Lexer): State {
  return lexQuoted.call(this, 0x27, 'charConstant', 'unterminated character constant');
}

function lexQuote(this: Lexer): State {
  return lexQuoted.call(this, 0x22, 'string', 'unterminated quoted string');
}

function lexQuoted(this: Lexer, quote: number, kind: TokenKind, unterminated: string): State {
  for (;;) {
    let r = this.next();
    if (r === 0x5c) {
      r = this.next();
      if (r !== EOF && r !== 0x0a) continue;
    }
    if (r === EOF || r === 0x0a) return this.errorf(unterminated);
    if (r === quote) break;
  }
  this.emit(kind);
  return lexInsideAction;
}

function lexRawQuote(this: Lexer): State {
  for (;;) {
    const r = this.next();
    if (r === EOF) return this.errorf('unterminated raw quoted string');
    if (r === 0x60) break;
  }
  this.emit('rawString');
  return lexInsideAction;
}

function lexNumber(this: Lexer): State {
  if (!scanNumber(this)) return this.errorf(`bad number syntax: ${goQuote(this.input.slice(this.start, this.pos))}`);
  const sign = this.peek();
  if (sign === 0x2b || sign === 0x2d) {
    // Complex: 1+2i. No spaces, must end in 'i'.
    if (!scanNumber(this) || this.input[this.pos - 1] !== 'i') {
      return this.errorf(`bad number syntax: ${goQuote(this.input.slice(this.start, this.pos))}`);
    }
    this.emit('complex');
  } else this.emit('number');
  return lexInsideAction;
}

/** Accepts anything number-like (the parser rejects what strconv would); false if a letter follows. */
function scanNumber(l: Lexer): boolean {
  l.accept('+-');
  let digits = '0123456789_';
  if (l.accept('0')) {
    if (l.accept('xX')) digits = '0123456789abcdefABCDEF_';
    else if (l.accept('oO')) digits = '01234567_';
    else if (l.accept('bB')) digits = '01_';
  }
  l.acceptRun(digits);
  if (l.accept('.')) l.acceptRun(digits);
  if (digits.length === 11 && l.accept('eE')) {
    l.accept('+-');
    l.acceptRun('0123456789_');
  }
  if (digits.length === 23 && l.accept('pP')) {
    l.accept('+-');
    l.acceptRun('0123456789_');
  }
  l.accept('i');
  if (isAlphaNumeric(l.peek())) {
    l.next();
    return false;
  }
  return true;
}
