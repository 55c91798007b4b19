/**
 * The parser's cursor over the tokens of one source, and its error helpers.
 * Errors name the line of the furthest token read so far, as Go's parser
 * does (it reports the line of the token it last took from the lexer).
 */
import type { Tree } from './ast.js';
import { TemplateFailure, parseError } from './template-error.js';
import { lineAndColumn } from './unicode.js';
import { describeToken, type Token, type TokenKind } from './token.js';

export class ParseState {
  private i = 0;
  private high = 0;
  /** Variables in scope; `$` always is. */
  vars: string[] = ['$'];
  rangeDepth = 0;
  /** Offset of the `{{` of the action being parsed, or -1. */
  actionPos = -1;
  /** Nesting of parenthesized pipelines. */
  parenDepth = 0;
  /** Name of the tree being parsed (the source, or a define). */
  treeName: string;
  /** Trees finished so far: the defines and blocks of the source. */
  readonly trees = new Map<string, Tree>();

  constructor(
    private readonly tokens: readonly Token[],
    readonly source: string,
    readonly text: string,
    readonly hasFunction: (name: string) => boolean,
  ) {
    this.treeName = source;
  }

  private at(i: number): Token {
    const last = this.tokens.length - 1;
    if (i > this.high) this.high = Math.min(i, last);
    return this.tokens[Math.min(i, last)] as Token;
  }

  next(): Token {
    return this.at(this.i++);
  }

  peek(): Token {
    return this.at(this.i);
  }

  backup(): void {
    this.i--;
  }

  /** Where the cursor is, to come back to it (Go's backup2/backup3). */
  mark(): number {
    return this.i;
  }

  reset(mark: number): void {
    this.i = mark;
  }

  nextNonSpace(): Token {
    let t = this.next();
    while (t.kind === 'space') t = this.next();
    return t;
  }

  peekNonSpace(): Token {
    const t = this.nextNonSpace();
    this.backup();
    return t;
  }

  expect(kind: TokenKind, context: string): Token {
    const t = this.nextNonSpace();
    if (t.kind !== kind) this.unexpected(t, context);
    return t;
  }

  errorf(reason: string): never {
    const pos = (this.tokens[this.high] as Token).pos;
    throw new TemplateFailure(parseError({ source: this.source, text: this.text, pos }, this.treeName, reason));
  }

  /** Complains about `token`; a lexer error is reported as itself, noting where a multi-line action started. */
  unexpected(token: Token, context: string): never {
    if (token.kind === 'error') {
      let extra = '';
      if (this.actionPos >= 0) {
        const actionLine = lineAndColumn(this.text, this.actionPos).line;
        if (actionLine !== lineAndColumn(this.text, token.pos).line) {
          extra = ` in action started at ${this.source}:${actionLine}`;
          if (token.val.endsWith(' action')) extra = extra.slice(' in action'.length); // not "action in action"
        }
      }
      this.errorf(`${token.val}${extra}`);
    }
    this.errorf(`unexpected ${describeToken(token)} in ${context}`);
  }
}
