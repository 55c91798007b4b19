/**
 * Tokens of the template language, as Go's text/template/parse lexer emits
 * them (its `item`s), and how a token is named in "unexpected ..." errors.
 */
import { goQuote } from './quote.js';
import { truncateRunes, utf8Length } from './unicode.js';

export const KEYWORDS = ['block', 'break', 'continue', 'define', 'else', 'end', 'if', 'nil', 'range', 'template', 'with'] as const;
export type Keyword = (typeof KEYWORDS)[number];

export const TOKEN_KINDS = [
  'error', // lexing failed; val is the message
  'bool',
  'char', // a printable ASCII character: the grab bag for ',' and the like
  'charConstant',
  'complex',
  'assign', // '='
  'declare', // ':='
  'eof',
  'field', // '.Name'
  'identifier',
  'leftDelim',
  'leftParen',
  'number',
  'pipe',
  'rawString',
  'rightDelim',
  'rightParen',
  'space',
  'string',
  'text',
  'variable', // '$' or '$name'
  'dot',
  ...KEYWORDS,
] as const;
export type TokenKind = (typeof TOKEN_KINDS)[number];

export interface Token {
  readonly kind: TokenKind;
  /** Offset of the token in the source text (UTF-16 units). */
  readonly pos: number;
  readonly val: string;
}

const KEYWORD_SET: ReadonlySet<string> = new Set<string>(KEYWORDS);

/** The keyword `word` spells, if any. */
export function keywordOf(word: string): Keyword | undefined {
  return KEYWORD_SET.has(word) ? (word as Keyword) : undefined;
}

/** Go's item.String(): how errors name a token (`EOF`, `<if>`, `"foo"`, `"verylongte"...`). */
export function describeToken(t: Token): string {
  if (t.kind === 'eof') return 'EOF';
  if (t.kind === 'error') return t.val;
  if (t.kind === 'dot' || KEYWORD_SET.has(t.kind)) return `<${t.val}>`;
  // Go measures in bytes but truncates in runes (`%.10q...`).
  return utf8Length(t.val) > 10 ? `${goQuote(truncateRunes(t.val, 10))}...` : goQuote(t.val);
}
