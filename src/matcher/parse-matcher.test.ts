import { describe, expect, it } from 'vitest';
import { formatMatchers } from './format-matcher.js';
import { parseMatcher, parseMatchers } from './parse-matcher.js';
import { sortMatchers } from './sort-matchers.js';

/**
 * Matcher lines and what Alertmanager 0.25 makes of them. Each line was put
 * under a route's `matchers:` and run through `amtool config routes show`
 * (Debian 0.25 build), which prints the parsed, sorted matchers exactly as
 * `formatMatchers(sortMatchers(...))` must; `{}` stands for no matchers.
 */
const ACCEPTED: readonly (readonly [line: string, printed: string, reason: string])[] = [
  ['a=b', '{a="b"}', 'unquoted value'],
  ['a="b"', '{a="b"}', 'quoted value'],
  ['{a=b}', '{a="b"}', 'braces are optional'],
  ['{ a=b }', '{a="b"}', 'whitespace inside the braces'],
  ['{a=b} ', '{a="b}"}', 'only a } that is the last character is stripped'],
  ['a=b}', '{a="b"}', 'a lone closing brace is stripped too'],
  ['a=b,', '{a="b"}', 'a trailing comma is ignored'],
  ['a=b , ', '{a="b"}', 'also with whitespace around it'],
  ['', '{}', 'the empty line has no matchers'],
  ['{}', '{}', 'and so do empty braces'],
  ['a=', '{a=""}', 'empty unquoted value'],
  ['a=""', '{a=""}', 'empty quoted value'],
  ['a:b=c', '{a:b="c"}', 'colons are allowed in names'],
  ['_a=1', '{_a="1"}', 'names may start with an underscore'],
  ['a=b c', '{a="b c"}', 'inner spaces are kept in unquoted values'],
  ['a=  spaced  ', '{a="spaced"}', 'outer spaces are dropped from unquoted values'],
  ['a="  spaced  "', '{a="  spaced  "}', 'and kept inside quotes'],
  ['a\t=\tb', '{a="b"}', 'tabs count as whitespace'],
  ['a=b\u00a0,c=d', '{a="b\u00a0",c="d"}', 'a no-break space is not whitespace to the matcher regex'],
  ['a=b\u00a0', '{a="b"}', 'but the last item is trimmed of all Unicode spaces'],
  ['a =~ b', '{a=~"b"}', 'spaced operator'],
  ['a!=~b', '{a!="~b"}', '!= wins, the ~ starts the value'],
  ['a==b', '{a="=b"}', '= then a value starting with ='],
  ['a=~~~', '{a=~"~~"}', '=~ is preferred over ='],
  ['a="x\\"y"', '{a="x\\"y"}', 'escaped quote inside quotes'],
  ['a=x\\"y', '{a="x\\"y"}', 'escaped quote in an unquoted value'],
  ['a="x,y",b=c', '{a="x,y",b="c"}', 'commas inside quotes do not split'],
  ['a="x\\",y"', '{a="x\\",y"}', 'an escaped quote does not end the quoted part'],
  ['a="\\n"', '{a="\\n"}', '\\n is a line feed'],
  ['a="\\t"', '{a="\\\\t"}', '\\t is not an escape: the backslash stays'],
  ['a=\\', '{a="\\\\"}', 'a final lone backslash is literal'],
  ['a="é ü"', '{a="é ü"}', 'UTF-8 values'],
  ["a='x'", '{a="\'x\'"}', 'single quotes are ordinary characters'],
  ['b=2,a=1', '{a="1",b="2"}', 'the printed form is sorted by name'],
  ['a!~x,a=~x,a!=x,a=x', '{a="x",a!="x",a=~"x",a!~"x"}', 'then by operator order'],
  ['contains_quote != "\\"" , contains_comma !~ "foo,bar" , ', '{contains_comma!~"foo,bar",contains_quote!="\\""}', "Alertmanager's own example"],
];

const REJECTED: readonly (readonly [line: string, message: string, reason: string])[] = [
  [' {a=b}', 'bad matcher format: {a=b (invalid label name "{a"', 'a { after a space is not stripped'],
  ['a=b,,c=d', 'bad matcher format: empty matcher', 'doubled comma'],
  [',a=b', 'bad matcher format: empty matcher', 'leading comma'],
  ['invalid-name=x', 'invalid label name "invalid-name"', 'dash in a name'],
  ['1a=b', 'invalid label name "1a"', 'names cannot start with a digit'],
  ['"a"=b', 'invalid label name "\\"a\\""', 'names are never quoted'],
  ['a', 'missing operator (=, !=, =~ or !~) after label name "a"', 'no operator'],
  ['Foo', 'missing operator', 'the amtool alertname shorthand is not matcher syntax'],
  ['a~=b', 'missing operator', '~= is not an operator'],
  ['=b', 'missing label name before "="', 'no name'],
  ['a="', 'matcher value contains unescaped double quote: "', 'unterminated quote'],
  ['a=x"y', 'matcher value contains unescaped double quote: x"y', 'bare quote inside a value'],
  ['a="b"c', 'matcher value contains unescaped double quote: "b"c', 'text after the closing quote'],
  ['a="\\"', 'matcher value contains unescaped double quote', 'the closing quote is escaped'],
  ['a=x\\,y', 'bad matcher format: y', 'a backslash does not protect a comma'],
  ['a=~"("', 'invalid regular expression "(": missing closing )', 'regex values are compiled'],
];

describe('parseMatchers', () => {
  it.each(ACCEPTED)('reads %j as %s (%s)', (line, printed) => {
    const r = parseMatchers(line);
    if (!r.ok) throw new Error(r.error);
    expect(formatMatchers(sortMatchers(r.value))).toBe(printed);
  });

  it.each(REJECTED)('rejects %j (%s)', (line, message) => {
    const r = parseMatchers(line);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toContain(message);
  });

  it('keeps the written order', () => {
    const r = parseMatchers('b=2, a=1');
    expect(r.ok && r.value.map((m) => m.name)).toEqual(['b', 'a']);
  });
});

describe('parseMatcher', () => {
  it('reads a single matcher into name, type and value', () => {
    expect(parseMatcher('severity =~ "crit|warn"')).toEqual({
      ok: true,
      value: { name: 'severity', type: '=~', value: 'crit|warn' },
    });
  });

  it('does not strip braces or split on commas', () => {
    expect(parseMatcher('{a=b}').ok).toBe(false);
    expect(parseMatcher('a=b,c')).toEqual({ ok: true, value: { name: 'a', type: '=', value: 'b,c' } });
  });

  it('rejects a value holding a lone surrogate as invalid UTF-8', () => {
    const r = parseMatcher('a="\ud800"');
    expect(r.ok || r.error).toContain('not valid UTF-8');
  });
});
