import { describe, expect, it } from 'vitest';
import { lex } from './lexer.js';
import { describeToken } from './token.js';

const tokens = (input: string): string[] =>
  lex(input, { breakOK: true, continueOK: true }).map((t) => (t.kind === t.val || t.val === '' ? t.kind : `${t.kind}:${t.val}`));

// Token streams follow Go's parse/lex_test.go for the same inputs.
describe('lex', () => {
  it.each([
    ['hello', ['text:hello', 'eof'], 'text only'],
    ['a{{.X}}b', ['text:a', 'leftDelim:{{', 'field:.X', 'rightDelim:}}', 'text:b', 'eof'], 'a field'],
    ['{{.X.Y}}', ['leftDelim:{{', 'field:.X', 'field:.Y', 'rightDelim:}}', 'eof'], 'fields split at dots'],
    ['{{$x := 1}}', ['leftDelim:{{', 'variable:$x', 'space: ', 'declare::=', 'space: ', 'number:1', 'rightDelim:}}', 'eof'], 'a declaration'],
    ['{{$x = $}}', ['leftDelim:{{', 'variable:$x', 'space: ', 'assign:=', 'space: ', 'variable:$', 'rightDelim:}}', 'eof'], 'an assignment and $'],
    ['{{range $i, $v := .}}', ['leftDelim:{{', 'range', 'space: ', 'variable:$i', 'char:,', 'space: ', 'variable:$v', 'space: ', 'declare::=', 'space: ', 'dot:.', 'rightDelim:}}', 'eof'], 'keywords and the comma'],
    ['{{"a\\"b" `r` \'c\'}}', ['leftDelim:{{', 'string:"a\\"b"', 'space: ', 'rawString:`r`', 'space: ', "charConstant:'c'", 'rightDelim:}}', 'eof'], 'quoted literals keep their quotes'],
    ['{{1 -2 .5 0x1F 1e3 true nil}}', ['leftDelim:{{', 'number:1', 'space: ', 'number:-2', 'space: ', 'number:.5', 'space: ', 'number:0x1F', 'space: ', 'number:1e3', 'space: ', 'bool:true', 'space: ', 'nil', 'rightDelim:}}', 'eof'], 'numbers, bools, nil'],
    ['{{1+2i}}', ['leftDelim:{{', 'complex:1+2i', 'rightDelim:}}', 'eof'], 'complex literals lex'],
    ['{{(f .X) | g}}', ['leftDelim:{{', 'leftParen:(', 'identifier:f', 'space: ', 'field:.X', 'rightParen:)', 'space: ', 'pipe:|', 'space: ', 'identifier:g', 'rightDelim:}}', 'eof'], 'parens and pipes'],
    ['a \n {{- 3 -}} \n b', ['text:a', 'leftDelim:{{', 'number:3', 'rightDelim:}}', 'text:b', 'eof'], 'trim markers remove surrounding space'],
    ['{{-3}}', ['leftDelim:{{', 'number:-3', 'rightDelim:}}', 'eof'], 'no trim without a space'],
    ['{{ 3  -}}x', ['leftDelim:{{', 'space: ', 'number:3', 'space: ', 'rightDelim:}}', 'text:x', 'eof'], 'several spaces before a trim marker'],
    ['a {{- /* c */ -}} b', ['text:a', 'text:b', 'eof'], 'comments vanish'],
    ['{{.X\n|\tf}}', ['leftDelim:{{', 'field:.X', 'space:\n', 'pipe:|', 'space:\t', 'identifier:f', 'rightDelim:}}', 'eof'], 'newlines inside actions are spaces'],
    ['{{é}}', ['leftDelim:{{', 'identifier:é', 'rightDelim:}}', 'eof'], 'Unicode letters make identifiers'],
  ])('%j', (input, want, _why) => {
    expect(tokens(input)).toEqual(want);
  });

  it('makes break and continue identifiers when functions of those names exist', () => {
    expect(lex('{{break}}', { breakOK: false, continueOK: true }).map((t) => t.kind)).toEqual(['leftDelim', 'identifier', 'rightDelim', 'eof']);
  });

  it.each([
    ['{{', 'unclosed action', 'eof in an action'],
    ['{{"x', 'unterminated quoted string', 'eof in a string'],
    ["{{'x", 'unterminated character constant', 'eof in a char'],
    ['{{`x', 'unterminated raw quoted string', 'eof in a raw string'],
    ['{{ ) }}', 'unexpected right paren U+0029 \')\'', 'after emitting the paren'],
    ['{{ : }}', 'expected :=', 'a lone colon'],
    ['{{ \u0001 }}', 'unrecognized character in action: U+0001', 'a control character'],
    ['{{ a$ }}', "bad character U+0024 '$'", 'an identifier must end at a terminator'],
  ])('%j fails with %s', (input, message, _why) => {
    const last = lex(input, { breakOK: true, continueOK: true }).at(-1);
    expect(last).toMatchObject({ kind: 'error', val: message });
  });

  it.each([
    [{ kind: 'eof', pos: 0, val: '' }, 'EOF'],
    [{ kind: 'if', pos: 0, val: 'if' }, '<if>'],
    [{ kind: 'dot', pos: 0, val: '.' }, '<.>'],
    [{ kind: 'string', pos: 0, val: '"a"' }, '"\\"a\\""'],
    [{ kind: 'text', pos: 0, val: 'abcdefghijkl' }, '"abcdefghij"...'],
  ] as const)('names %j as %s in errors', (token, want) => {
    expect(describeToken(token)).toBe(want);
  });
});
