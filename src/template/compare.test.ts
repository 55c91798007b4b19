import { describe, expect, it } from 'vitest';
import { eq, lt } from './compare.js';
import { render } from './testdata/render.js';
import { float64 } from './values.js';

const err = (fn: string, args: string, message: string): string =>
  `template: :1:3: executing "" at <${fn} ${args}>: error calling ${fn}: ${message}`;

// Template rows: Alertmanager 0.25 (Go 1.19.8) gave the same output or error.
describe("comparison functions follow Go's rules", () => {
  it.each([
    ['{{ eq "a" "b" "a" }}', 'true', 'eq with several arguments is "equals any"'],
    ['{{ eq 1 2 1 }}', 'true', 'ints'],
    ['{{ eq nil nil }}', 'true', 'nil equals nil'],
    ['{{ ne 1 2 }}|{{ le 2 2 }}|{{ gt "b" "a" }}|{{ ge 1 2 }}|{{ lt -1 0 }}', 'true|true|true|false|true', 'the other comparisons'],
    ['{{ eq .Status nil }}|{{ eq nil 1 }}|{{ eq 1 nil }}|{{ eq .CommonLabels nil }}|{{ ne nil 1 }}', 'false|false|false|false|true', 'nil is unequal to anything else, without error'],
    ['{{ eq 1 1.0 }}', err('eq', '1 1.0', 'incompatible types for comparison'), 'int and float64 are different kinds'],
    ['{{ eq "x" 1.5 }}', err('eq', '"x" 1.5', 'incompatible types for comparison'), 'string and float'],
    ['{{ lt 1 2.5 }}', err('lt', '1 2.5', 'incompatible types for comparison'), 'lt of int and float'],
    ['{{ lt true false }}', err('lt', 'true false', 'invalid type for comparison'), 'bools have no order'],
    ['{{ lt .Alerts 1 }}', err('lt', '.Alerts 1', 'invalid type for comparison'), 'slices have no order'],
    ['{{ lt nil 1 }}', err('lt', 'nil 1', 'invalid type for comparison'), 'nil has no order'],
    ['{{ eq 1 }}', err('eq', '1', 'missing argument for comparison'), 'eq needs two operands'],
    ['{{ ne 1 2 3 }}', 'template: :1:3: executing "" at <ne>: wrong number of args for ne: want 2 got 3', 'ne takes exactly two'],
    ['{{ eq "x" 1.5 nil }}', err('eq', '"x" 1.5 nil', 'incompatible types for comparison'), 'fails at the first incompatible operand'],
  ])('%s', (text, want, _why) => {
    expect(render(text)).toBe(want);
  });

  it('reports non-comparable values with their value and type', () => {
    expect(render('{{ eq .Alerts .Alerts }}')).toMatch(
      /^template: :1:3: executing "" at <eq \.Alerts \.Alerts>: error calling eq: non-comparable type \[\{firing .*\}\]: template\.Alerts$/,
    );
  });

  it.each([
    ['ints of different sizes compare by value (int vs int64)', [1, 1n], true],
    ['large ints too', [2 ** 53, 2n ** 53n], true],
    ['eq with several mixed int kinds', [1, 2n, 1n], true],
    ['two float64', [float64(2), float64(2)], true],
  ])('eq: %s', (_why, args, want) => {
    const [first, ...rest] = args;
    expect(eq(first, ...rest)).toBe(want);
  });

  it('eq: a float64 2.0 and the int 2 are incompatible', () => {
    expect(() => eq(float64(2), 2)).toThrow('incompatible types for comparison');
  });

  it.each([
    ['strings in byte order', 'a', 'b', true],
    ['U+FFFF sorts before U+1F600 in UTF-8 (not in UTF-16)', '\uffff', '😀', true],
    ['int64 against int', 1n, 2, true],
    ['floats', 2.5, float64(3), true],
  ])('lt: %s', (_why, a, b, want) => {
    expect(lt(a, b)).toBe(want);
  });

  it('compares maps and slices only with nil', () => {
    expect(() => eq([1], {})).toThrow('non-comparable types [1]: []interface {}, map[string]interface {}: map[]');
    expect(eq({}, null)).toBe(false);
  });
});
