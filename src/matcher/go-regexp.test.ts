import { describe, expect, it } from 'vitest';
import { compileGoRegexp, goMatchString, goReplaceAllString } from './go-regexp.js';

function compiled(pattern: string) {
  const re = compileGoRegexp(pattern);
  if (!re.ok) throw new Error(re.error);
  return re.value;
}

// Rows marked "AM" were checked against Alertmanager 0.25 (match and
// reReplaceAll in test/conformance/templates.test.ts); the others follow
// Go's regexp documentation and source (regexp.go: replaceAll, expand).
describe('goMatchString (Go regexp.MatchString)', () => {
  it.each([
    ['a|b', 'xbx', true, 'unanchored: a match anywhere counts (AM)'],
    ['^a.c$', 'hello abc', false, 'explicit anchors still anchor (AM)'],
    ['^a.c$', 'abc', true, 'and match a whole text'],
    ['(?i)HELLO', 'say hello', true, 'flags work (AM)'],
    ['[[:digit:]]+', 'abc 123', true, 'POSIX classes (AM)'],
    ['\\bfoo\\b', 'a foo b', true, 'word boundaries (AM)'],
    ['x*', 'abc', true, 'an empty match is a match (AM)'],
    ['^$', 'abc', false, 'an empty pattern anchored at both ends needs an empty text (AM)'],
    ['é+', 'café', true, 'non-ASCII literals (AM)'],
    ['\\d', '\u0663', false, '\\d is ASCII-only in RE2'],
    ['a.c', 'a\nc', false, '. does not match a newline'],
    ['a$', 'a\n', false, '$ without (?m) is the end of the text only'],
  ])('%s in %j is %s: %s', (pattern, text, want) => {
    expect(goMatchString(compiled(pattern), text)).toBe(want);
  });
});

describe('goReplaceAllString (Go Regexp.ReplaceAllString)', () => {
  it.each([
    ['a*', 'X', 'baaac', 'XbXcX', 'an empty match right after a match is skipped (AM; JavaScript gives XbXXcX)'],
    ['', '-', 'abc', '-a-b-c-', 'an empty pattern matches between every character (AM)'],
    ['b*', '-', 'abbc', '-a-c-', 'AM'],
    ['(a)|b', '[$1]', 'ab', '[a][]', 'a group that did not take part is empty (AM)'],
    ['(\\w+)@(\\w+)', '$2 at ${1}x $1x $$', 'joe@example', 'example at joex  $', '$1x names group "1x": empty; $$ is $ (AM)'],
    ['(?P<host>[^:]+):(?P<port>\\d+)', '${host} port $port', 'db-1:5432', 'db-1 port 5432', 'named groups (AM)'],
    ['(x)', '<$0>', 'axb', 'a<x>b', '$0 is the whole match'],
    ['(x)', '<$10>', 'axb', 'a<>b', 'a group number past the last group is empty'],
    ['(x)', '<$01>', 'axb', 'a<>b', 'a leading zero makes it a name, and no group has it'],
    ['x', 'cost: $', 'x', 'cost: $', 'a $ at the end is kept'],
    ['x', '${1', 'x', '${1', 'an unclosed brace keeps the $'],
    ['x', '$-', 'x', '$-', 'a $ before a non-name character is kept'],
    ['', '-', '😀a', '-😀-a-', 'empty matches step over whole code points'],
    ['(?i)K', 'k', 'Kelvin \u212a', 'kelvin k', 'case folding includes the Kelvin sign'],
    ['a', 'b', '', '', 'nothing to replace in an empty text'],
  ])('%s -> %j in %j gives %j: %s', (pattern, repl, text, want) => {
    expect(goReplaceAllString(compiled(pattern), text, repl)).toBe(want);
  });

  it('is repeatable with the shared compiled pattern', () => {
    const re = compiled('o');
    expect([goReplaceAllString(re, 'foo', '0'), goReplaceAllString(re, 'boo', '0')]).toEqual(['f00', 'b00']);
  });
});

describe('compileGoRegexp errors', () => {
  it.each([
    ['(', 'error parsing regexp: missing closing ): `(`', 'unbalanced group'],
    ['a)|(b', 'error parsing regexp: unexpected ): `a)|(b`', 'valid only inside the anchoring group matchers add'],
    ['x**', 'error parsing regexp: invalid nested repetition operator: `**`', 'stacked repetition'],
    ['\\8', 'error parsing regexp: invalid escape sequence: `\\8` (backreferences are not supported by RE2)', 'backreferences'],
  ])('%s: %s (%s)', (pattern, message) => {
    expect(compileGoRegexp(pattern)).toEqual({ ok: false, error: message });
  });
});
