import { describe, expect, it } from 'vitest';
import { render } from './testdata/render.js';
import { variadic } from './values.js';

const callErr = (node: string, fn: string, message: string): string =>
  `template: :1:3: executing "" at <${node}>: error calling ${fn}: ${message}`;

// Template rows: Alertmanager 0.25 (Go 1.19.8) gave the same output or error.
describe('builtin functions', () => {
  it.each([
    ['{{ and 1 0 2 }}|{{ or 0 "" 3 }}|{{ and 1 2 }}|{{ or 0 "" }}|{{ not 0 }}|{{ not "x" }}', '0|3|2||true|false', 'and/or return an operand; not a bool'],
    ['{{ "a" | not | not }}|{{ 0 | or 1 }}|{{ 0 | and 1 }}', 'true|1|0', 'piped into and/or/not'],
    ['{{ not }}', 'template: :1:3: executing "" at <not>: wrong number of args for not: want 1 got 0', 'not takes one'],
    ['{{ not 1 2 }}', 'template: :1:3: executing "" at <not>: wrong number of args for not: want 1 got 2', 'not takes only one'],
    ['{{ and }}', 'template: :1:3: executing "" at <and>: wrong number of args for and: want at least 1 got 0', 'and takes at least one'],
    ['{{ len .Alerts }}|{{ len "héllo" }}|{{ index "é" 0 }}', '2|6|195', 'len counts bytes of strings; index of a string is a byte'],
    ['{{ len .CommonLabels }}|{{ len (stringSlice) }}|{{ len "" }}', '1|0|0', 'len of map, empty slice, empty string'],
    ['{{ len 3 }}', callErr('len 3', 'len', 'len of type int'), 'len of an int'],
    ['{{ len nil }}', callErr('len nil', 'len', 'reflect: call of reflect.Value.Type on zero Value'), "len of nil, in Go 1.19's words"],
    ['{{ index "abc" 1 }}|{{ index .CommonLabels "nope" }}|{{ len .CommonLabels.nope }}', '98||0', 'index of a missing key is the zero value'],
    ['{{ index .Alerts 0 | printf "%T" }}|{{ index (index .Alerts 1).Labels "instance" }}', 'template.Alert|h2', 'index of slices and maps'],
    ['{{ index .Alerts 5 }}', callErr('index .Alerts 5', 'index', 'index out of range: 5'), 'beyond the length'],
    ['{{ index .Alerts 2 }}', callErr('index .Alerts 2', 'index', 'reflect: slice index out of range'), 'at the length (Go 1.19 panics there)'],
    ['{{ index .Alerts -1 }}', callErr('index .Alerts -1', 'index', 'index out of range: -1'), 'negative'],
    ['{{ index "abc" 3 }}', callErr('index "abc" 3', 'index', 'reflect: string index out of range'), 'at the end of a string'],
    ['{{ index .CommonLabels 1 }}', callErr('index .CommonLabels 1', 'index', 'value has type int; should be string'), 'map keys are strings'],
    ['{{ index .CommonLabels nil }}', callErr('index .CommonLabels nil', 'index', 'value is nil; should be of type string'), 'nil key'],
    ['{{ index 1 1 }}', callErr('index 1 1', 'index', "can't index item of type int"), 'an int cannot be indexed'],
    ['{{ index nil 1 }}', callErr('index nil 1', 'index', 'index of untyped nil'), 'nil cannot be indexed'],
    ['{{ index (stringSlice "a") 1.5 }}', callErr('index (stringSlice "a") 1.5', 'index', 'cannot index slice/array with type float64'), 'float index'],
    ['{{ index }}', 'template: :1:3: executing "" at <index>: wrong number of args for index: want at least 1 got 0', 'index needs an item'],
    ['{{ slice "abcdef" 1 3 }}|{{ slice (stringSlice "a" "b" "c") 1 }}|{{ slice "abc" }}', 'bc|[b c]|abc', 'slice strings and slices'],
    ['{{ slice "héllo" 1 3 }}|{{ slice "abc" 1 1 }}|{{ slice (stringSlice "a" "b" "c") 0 2 3 }}', 'é||[a b]', 'strings slice by bytes; three indexes'],
    ['{{ slice "abc" 2 1 }}', callErr('slice "abc" 2 1', 'slice', 'invalid slice index: 2 > 1'), 'reversed indexes'],
    ['{{ slice "abc" 1 2 3 }}', callErr('slice "abc" 1 2 3', 'slice', 'cannot 3-index slice a string'), 'three indexes on a string'],
    ['{{ slice .Status 5 9 }}', callErr('slice .Status 5 9', 'slice', 'index out of range: 9'), 'beyond the end'],
    ['{{ slice 1 }}', callErr('slice 1', 'slice', "can't slice item of type int"), 'an int cannot be sliced'],
    ['{{ call .Status }}', callErr('call .Status', 'call', 'non-function of type string'), 'call needs a function'],
    ['{{ call }}', 'template: :1:3: executing "" at <call>: wrong number of args for call: want at least 1 got 0', 'call needs a function at all'],
    ['{{ html "<b>" "&" 1 }}|{{ js "it\'s \\"x\\"\\\\" }}|{{ urlquery "a=b&c d" "/x" }}|{{ "<x>" | html }}|{{ .Alerts.Firing | len | printf "%d" | html }}', '&lt;b&gt;&amp;1|it\\\'s \\"x\\"\\\\|a%3Db%26c+d%2Fx|&lt;x&gt;|2', 'escapers join their operands like print'],
    ['{{ html nil }}|{{ print nil }}|{{ urlquery nil }}|{{ js nil 1 }}|{{ print .CommonLabels.nope }}|{{ html 1 2 "x" 3 }}', '&lt;no value&gt;|<nil>|%3Cno+value%3E|\\u003Cno value\\u003E1||1 2x3', 'escapers print nil as <no value>, print as <nil>'],
  ])('%s', (text, want, _why) => {
    expect(render(text)).toBe(want);
  });

  it('calls function values from the data with call', () => {
    const data = { add: (a: number, b: number) => a + b, sum: variadic((...xs: number[]) => xs.reduce((a, b) => a + b, 0)) };
    expect(render('{{ call .add 1 2 }}|{{ call .sum }}|{{ call .sum 1 2 3 }}', { data })).toBe('3|0|6');
    expect(render('{{ call .add 1 }}', { data })).toBe(
      'template: :1:3: executing "" at <call .add 1>: error calling call: wrong number of args: got 1 want 2',
    );
  });

  it('does not evaluate and/or operands after the deciding one', () => {
    const calls: string[] = [];
    const funcs = { f: (x: string) => (calls.push(x), x) };
    expect(render('{{ or (f "a") (f "b") }}{{ and (f "") (f "c") }}', { funcs })).toBe('a');
    expect(calls).toEqual(['a', '']);
  });
});

describe('the function map', () => {
  const funcs = {
    upper: (s: string) => s.toUpperCase(),
    join: variadic((sep: string, ...parts: string[]) => parts.join(sep)),
    fail: (why: string) => {
      throw new Error(why);
    },
    len: () => 'mine',
  };

  it.each([
    ['{{ upper "a" }}|{{ "b" | upper }}', 'A|B', 'called with arguments, or with the piped value'],
    ['{{ join "-" "a" "b" }}|{{ join "-" }}', 'a-b|', 'variadic functions take any number after the fixed ones'],
    ['{{ join }}', 'template: :1:3: executing "" at <join>: wrong number of args for join: want at least 1 got 0', 'but not fewer than the fixed ones'],
    ['{{ upper }}', 'template: :1:3: executing "" at <upper>: wrong number of args for upper: want 1 got 0', 'plain functions take exactly their length'],
    ['{{ fail "no way" }}', 'template: :1:3: executing "" at <fail "no way">: error calling fail: no way', 'a thrown Error is the Go error'],
    ['{{ len }}', 'mine', 'functions shadow the builtins'],
  ])('%s', (text, want, _why) => {
    expect(render(text, { funcs, data: null })).toBe(want);
  });

  it('passes float64 values as plain numbers', () => {
    expect(render('{{ kind 1.0 }} {{ kind 2 }}', { funcs: { kind: (x: unknown) => `${typeof x}:${String(x)}` } })).toBe('number:1 number:2');
  });

  it('calls methods with their receiver and checks their arity', () => {
    class Counter {
      constructor(private readonly n: number) {}
      Plus(k: number): number {
        return this.n + k;
      }
    }
    expect(render('{{ .Plus 2 }}|{{ 3 | .Plus }}', { data: new Counter(1) })).toBe('3|4');
    expect(render('{{ .Plus }}', { data: new Counter(1) })).toBe(
      'template: :1:3: executing "" at <.Plus>: wrong number of args for Plus: want 1 got 0',
    );
    expect(render('{{ .n }}', { data: new Counter(1) })).toBe(
      'template: :1:3: executing "" at <.n>: n is an unexported field of struct type Counter',
    );
  });
});
