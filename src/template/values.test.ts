import { describe, expect, it } from 'vitest';
import { render } from './testdata/render.js';
import { float64, goTypeInfo, isTrue, kindOf, typeName, type GoKind } from './values.js';

class Host {
  readonly Name = 'h1';
  private readonly secret = 's';
  get Upper(): string {
    return this.Name.toUpperCase();
  }
  Greet(who: string): string {
    return `${this.Name} greets ${who}`;
  }
  lower(): string {
    return this.secret;
  }
}

describe('JavaScript values as Go values', () => {
  it.each([
    [null, 'nil', '<nil>', false],
    [undefined, 'nil', '<nil>', false],
    ['', 'string', 'string', false],
    ['x', 'string', 'string', true],
    [0, 'int', 'int', false],
    [-0, 'int', 'int', false],
    [3, 'int', 'int', true],
    [0n, 'int', 'int64', false],
    [0.5, 'float', 'float64', true],
    [NaN, 'float', 'float64', true],
    [float64(0), 'float', 'float64', false],
    [false, 'bool', 'bool', false],
    [[], 'slice', '[]interface {}', false],
    [[0], 'slice', '[]interface {}', true],
    [{}, 'map', 'map[string]interface {}', false],
    [{ a: 1 }, 'map', 'map[string]interface {}', true],
    [new Map(), 'map', 'map[string]interface {}', false],
    [Object.create(null), 'map', 'map[string]interface {}', false],
    [new Host(), 'struct', 'Host', true],
    [() => 1, 'func', 'func()', true],
  ] as [unknown, GoKind, string, boolean][])('%o is a %s (%s), truth %s', (value, kind, name, truth) => {
    expect([kindOf(value), typeName(value), isTrue(value)]).toEqual([kind, name, truth]);
  });

  it('takes a type name from goTypeInfo on the value or its prototype', () => {
    class Labels extends Map<string, string> {}
    Object.defineProperty(Labels.prototype, goTypeInfo, { value: { name: 'model.LabelSet', elemZero: '' } });
    expect([typeName(new Labels()), kindOf(new Labels())]).toEqual(['model.LabelSet', 'map']);
  });

  it.each([
    ['{{ .Name }}|{{ .Upper }}|{{ .Greet "you" }}', 'h1|H1|h1 greets you', 'fields, getters and methods of a class instance'],
    ['{{ .lower }}', "template: :1:3: executing \"\" at <.lower>: can't evaluate field lower in type Host", 'lower-case methods are not Go methods'],
    ['{{ .secret }}', 'template: :1:3: executing "" at <.secret>: secret is an unexported field of struct type Host', 'lower-case fields are unexported'],
    ['{{ .Missing }}', "template: :1:3: executing \"\" at <.Missing>: can't evaluate field Missing in type Host", 'structs have no missing keys'],
    ['{{ .constructor }}', "template: :1:3: executing \"\" at <.constructor>: can't evaluate field constructor in type Host", 'JavaScript internals stay out of reach'],
  ])('%s', (text, want, _why) => {
    expect(render(text, { data: new Host() })).toBe(want);
  });

  it('reads only own keys of plain objects', () => {
    expect(render('{{ .toString }}|{{ .a }}|{{ index . "constructor" }}', { data: { a: 1 }, missingKey: 'default' })).toBe(
      '<no value>|1|<no value>',
    );
  });

  it('does not call functions stored as map values or fields', () => {
    expect(render('{{ .f }}', { data: { f: () => 1 } })).toBe('template: :1:3: executing "" at <{{.f}}>: can\'t print {{.f}} of type func()');
  });
});
