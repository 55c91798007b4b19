import { describe, expect, it } from 'vitest';
import { sprint, sprintf } from './printer.js';
import { render } from './testdata/render.js';
import { float64, goTypeInfo } from './values.js';

// Expected outputs are Alertmanager 0.25's (Go 1.19.8 fmt) for the same
// template text: literals are typed as Go types them (1 is int, 1.0 float64).
describe('printf verbs, flags, widths and precisions (as Go 1.19 prints them)', () => {
  it.each([
    ['"%05s|%-5s|%5.1s|%x|% x|%#x|%q|%+q|%#q|%5q" "ab" "ab" "xyz" "hé" "ab" "ab" "é\\n" "é" "a" "z"', '000ab|ab   |    x|68c3a9|61 62|0x6162|"é\\n"|"\\u00e9"|`a`|  "z"', 'strings: zero padding, precision, hex, quoting'],
    ['"%.0f %.0f %.0f %.2f %e %g %.3g %v %v %v %8.3f %-8.2f| %+.1e %G %v %v" 0.5 1.5 2.5 0.125 1234.5678 0.00001234 1234.0 100000.0 1e-5 3.0 3.14159 2.5 12345.678 1e-10 1e21 123456789.0', '0 2 2 0.12 1.234568e+03 1.234e-05 1.23e+03 100000 1e-05 3    3.142 2.50    | +1.2e+04 1E-10 1e+21 1.23456789e+08', 'floats: half-even rounding of the exact value, %g switching to exponents'],
    ['"%d %5d %-5d| %05d %+d %x %X %#x %o %#o %b %c %q %U %#U %.3d %v %x % d %08.3d" 42 42 42 -42 42 255 255 255 8 8 5 65 65 65 65 7 -3 -255 5 7', '42    42 42   | -0042 +42 ff FF 0xff 10 010 101 A \'A\' U+0041 U+0041 \'A\' 007 -3 -ff  5      007', 'integers in every base and flag'],
    ['"%d %s %f %t" "x" 1 1 "y"', '%!d(string=x) %!s(int=1) %!f(int=1) %!t(string=y)', 'wrong verbs name the type and value'],
    ['"%d %d" 1', '1 %!d(MISSING)', 'missing operand'],
    ['"%d" 1 2 "a"', '1%!(EXTRA int=2, string=a)', 'extra operands'],
    ['"%"', '%!(NOVERB)', 'a lone %'],
    ['"%z" 1', '%!z(int=1)', 'unknown verb'],
    ['"%!"', '%!!(MISSING)', '! as a verb'],
    ['"%[2]d %[1]d" 1 2', '2 1', 'argument indexes'],
    ['"%*d|%.*f" 5 1 2 3.14159', '    1|3.14', 'width and precision from operands'],
    ['"%s" nil', '%!s(<nil>)', 'nil with %s'],
    ['"%d" nil', '%!d(<nil>)', 'nil with %d'],
    ['"%v|%5.2f%%|%v %d|%e|%g|%.2e|%10.3e|%-12g|%+v|%#v %#v %#v" 1e20 12.345 true true 0.0 100000000.0 9.995 1234.5 0.5 3 "a" 1 1.0', '1e+20|12.35%|true %!d(bool=true)|0.000000e+00|1e+08|9.99e+00| 1.234e+03|0.5         |3|"a" 1 1', 'more floats, bools, %#v'],
    ['"%.0f|%08.2f|%+05d|%-05d|%d|%s|%v|%010s|%-010s|%.1q|%c|%c|%c" 1e21 -3.14159 3 3 true true nil "abc" "abc" "abc" 0x1F600 -1 "a"', '1000000000000000000000|-0003.14|+0003|3    |%!d(bool=true)|%!s(bool=true)|<nil>|0000000abc|abc       |"a"|😀|�|%!c(string=a)', 'sign and zero padding, %c of bad runes'],
    ['"%[3]d|%[1]d %d|%[0]d|%.*d|%*d|%-*d|%d %d" 1 2', '%!d(BADINDEX)|1 2|%!d(BADINDEX)|%!(BADPREC)%!d(MISSING)|%!(BADWIDTH)%!d(MISSING)|%!(BADWIDTH)%!d(MISSING)|%!d(MISSING) %!d(MISSING)', 'bad indexes, widths, precisions'],
    ['"%.*d|%*d|%-*d|" "x" 1 10000000 1 -3 1', '%!(BADPREC)1|%!(BADWIDTH)1|1  |', 'non-int and huge widths; negative width left-justifies'],
    ['"%d %d" 1 2 3 4', '1 2%!(EXTRA int=3, int=4)', 'several extras'],
    ['"%v %v %v %.1f %5.1f|%05.1f|%x|%v" 0.1 -0.0 1e-7 -0.05 -1.25 -1.5 1.5 0.000001', '0.1 -0 1e-07 -0.1  -1.2|-01.5|0x1.8p+00|1e-06', 'negative zero, tiny values, hex floats'],
    ['"%6.2v|%.3v|%10v|%-10v|%q|%v" 3.14159 "abcdef" "x" true 1.5 true', '   3.1|abc|         x|true      |%!q(float64=1.5)|true', '%v with width and precision'],
    ['"%x %X %x" "" -1 3.5', ' -1 0x1.cp+01', '%x of empty string, negative int, float'],
    ['"%." 1', '%!.(int=1)', 'a dot at the end is the verb'],
    ['"%5." 1', '%!.(int=    1)', 'the bad-verb value keeps the width'],
    ['"%-"', '%!(NOVERB)', 'flags without a verb'],
    ['"%5%"', '%', '%% ignores width'],
    ['"%[1]v %[1]T" 1', '1 int', 'an index reused'],
    ['"%[1]d %v" 1', '1 %!v(MISSING)', 'an index moves the operand cursor'],
    ['"%[2]*[1]d" 12 5', '   12', 'indexed width'],
    ['"%#o %#b %#X %O %x %X" 8 5 255 8 "Hé" "hé"', '010 0b101 0XFF 0o10 48c3a9 68C3A9', 'alternate forms'],
    ['"%6.2f|%-8.3e|%+.2f|% .2f|%+08.2f|%.3g|%.10g|%g|%g" 3.14159 1234.5678 2.5 2.5 -2.5 0.0001234 1.0 1e-5 1234567.0', '  3.14|1.235e+03|+2.50| 2.50|-0002.50|0.000123|1|1e-05|1.234567e+06', 'float flags'],
    ['"%.0f %.0f %.0f %.0f %.1f %.1f %.2f" 0.5 1.5 2.5 -0.5 0.25 0.35 1.005', '0 2 2 -0 0.2 0.3 1.00', 'ties round to even; 0.35 and 1.005 are just below the tie'],
    ['"%e %E %.0e %#.0e %#g %#.3g %#v" 0.0 123456.0 5.5 5.5 1.0 2.0 2.0', '0.000000e+00 1.234560E+05 6e+00 6.e+00 1.00000 2.00 2', '# keeps the point and %g zeros'],
    ['"%b %b" 1.0 5', '4503599627370496p-52 101', '%b of float and int'],
    ['"%x %X %.1x" 1.0 -255.5 1.75', '0x1p+00 -0X1.FFP+07 0x1.cp+00', 'hex floats with precision'],
    ['"%v %v %v %v" 1e-4 1e-5 123456.0 1234567.0', '0.0001 1e-05 123456 1.234567e+06', 'shortest %v uses an exponent below 1e-4 and from 1e6'],
    ['"%U %#U %c %q %q %+q" 0x1F600 0x1F600 0x41 0x27 0x1F600 0x1F600', "U+1F600 U+1F600 '😀' A '\\'' '😀' '\\U0001f600'", 'runes'],
    ['"%q|%+q|%#q|%#q|%q" "a\\tb\\x00\\u00e9\\U0001F600" "é😀" "back`tick" "tab\\there" "\\u2028"', '"a\\tb\\x00é😀"|"\\u00e9\\U0001f600"|"back`tick"|`tab\there`|"\\u2028"', 'quoting escapes'],
    ['"%t|%v|%5t|%-6t|" true false true false', 'true|false| true|false |', 'bools'],
    ['"%s %d" "a"', 'a %!d(MISSING)', 'missing after a good verb'],
    ['"%d %s" 1 "x" 2', '1 x%!(EXTRA int=2)', 'one extra'],
    ['"no verbs" 1', 'no verbs%!(EXTRA int=1)', 'no verbs at all'],
    ['"%!s"', '%!!(MISSING)s', '! then text'],
    ['"%v %s" .CommonLabels.nope nil', ' %!s(<nil>)', 'a missing label is an empty string'],
  ])('printf %s', (args, want, _why) => {
    expect(render(`{{ printf ${args} }}`)).toBe(want);
  });

  it.each([
    ['{{ printf "%v" .Alerts.Firing }}', '[{firing map[alertname:A instance:h1 severity:critical] map[summary:disk full] 2023-01-02 03:04:05 +0000 UTC 0001-01-01 00:00:00 +0000 UTC http://prom/graph 8ab28391aca212f1} {firing map[alertname:A instance:h2 severity:warning] map[summary:disk full] 2023-01-02 03:04:05 +0000 UTC 0001-01-01 00:00:00 +0000 UTC  d272dda83c15ef35}]', 'structs in a slice, Stringers inside'],
    ['{{ printf "%v|%s|%d|%+v" .CommonLabels .CommonLabels .CommonLabels (index .Alerts 0).Labels.SortedPairs }}', 'map[alertname:A]|map[alertname:A]|map[%!d(string=alertname):%!d(string=A)]|[{Name:alertname Value:A} {Name:instance Value:h1} {Name:severity Value:critical}]', 'verbs apply to map keys and values; %+v names fields'],
    ['{{ printf "%v|%v|%d" (stringSlice) (stringSlice "a" "b") (stringSlice "a") }}', '[]|[a b]|[%!d(string=a)]', 'slices'],
    ['{{ printf "%s|%q|%x|%10.4s|" (index .Alerts 0).StartsAt (index .Alerts 0).StartsAt "hi" (index .Alerts 0).StartsAt }}', '2023-01-02 03:04:05 +0000 UTC|"2023-01-02 03:04:05 +0000 UTC"|6869|      2023|', 'Stringers with %s %q and precision'],
    ['{{ printf "%v|%+v" (index (index .Alerts 0).Labels.SortedPairs 0) (index (index .Alerts 0).Labels.SortedPairs 0) }}', '{alertname A}|{Name:alertname Value:A}', 'a struct'],
    ['{{ printf "%#v" (index (index .Alerts 0).Labels.SortedPairs 0) }}', 'template.Pair{Name:"alertname", Value:"A"}', 'Go syntax of a struct'],
    ['{{ printf "%#v" .CommonLabels }}', 'template.KV{"alertname":"A"}', 'Go syntax of a map'],
    ['{{ printf "%5v|%-5v|%05v" (stringSlice "a" "b") (stringSlice "a") 3 }}', '[    a     b]|[a    ]|00003', 'width applies to each element'],
    ['{{ printf "%T|%T" .Alerts.Firing (index .Alerts 0) }}', '[]template.Alert|template.Alert', '%T uses the declared Go type names'],
    ['{{ printf "%T %T %T %T %T %T %T" 1 1.0 \'a\' "s" true .CommonLabels .Alerts }}', 'int float64 int string bool template.KV template.Alerts', '%T of literals and data'],
  ])('%s', (text, want, _why) => {
    expect(render(text)).toBe(want);
  });
});

describe('print and println (as Go 1.19 prints them)', () => {
  it.each([
    ['{{ print 1 2 "a" "b" 3 nil }}|{{ println 1 "a" }}|{{ print 1.5 true }}', '1 2ab3 <nil>|1 a\n|1.5 true', 'spaces only between non-strings'],
    ['{{ print 1.0 2.5 }}|{{ print "a" 1 2 "b" }}|{{ print nil nil }}|{{ println }}|{{ print }}', '1 2.5|a1 2b|<nil> <nil>|\n|', 'nil operands and no operands'],
    ['{{ print "a" "b" 1 2 "c" .CommonLabels.nope }}|{{ print 1 nil 2 }}|{{ println "a" 1 2 }}', 'ab1 2c|1 <nil> 2|a 1 2\n', 'more spacing'],
    ['{{ print .Alerts.Firing }}', '[{firing map[alertname:A instance:h1 severity:critical] map[summary:disk full] 2023-01-02 03:04:05 +0000 UTC 0001-01-01 00:00:00 +0000 UTC http://prom/graph 8ab28391aca212f1} {firing map[alertname:A instance:h2 severity:warning] map[summary:disk full] 2023-01-02 03:04:05 +0000 UTC 0001-01-01 00:00:00 +0000 UTC  d272dda83c15ef35}]', 'print of a slice of structs is %v'],
  ])('%s', (text, want, _why) => {
    expect(render(text)).toBe(want);
  });
});

// Values only JavaScript has, or that no template literal can make: these
// follow the mapping documented in values.ts.
describe('formatting JavaScript values as the Go values they play', () => {
  class Temp {
    constructor(readonly Celsius: number) {}
    String(): string {
      return `${this.Celsius}°C`;
    }
  }
  class Broken {
    String(): string {
      throw new Error('boom');
    }
  }
  it.each([
    ['%v %d', [10n ** 20n, -(2n ** 63n)], '100000000000000000000 -9223372036854775808', 'bigints are int64 (and print beyond it)'],
    ['%v %.1f %T', [float64(2), float64(2), float64(2)], '2 2.0 float64', 'GoFloat keeps an integral value a float'],
    ['%.1f %T', [2, 2], '%!f(int=2) int', 'an integral number is an int'],
    ['%v %T', [2.5, 2.5], '2.5 float64', 'a fractional number is a float64'],
    ['%v', [{ b: 1, a: [1, 'x', null] }], 'map[a:[1 x <nil>] b:1]', 'plain objects are maps with sorted keys; null elements are <nil>'],
    ['%v', [new Map([[2, 'b'], [10, 'a']])], 'map[2:b 10:a]', 'numeric map keys sort numerically'],
    ['%v|%s|%d', [new Temp(21), new Temp(21), new Temp(21)], '21°C|21°C|{21}', 'String() is used for the string verbs only'],
    ['%v', [new Broken()], '%!v(PANIC=String method: boom)', 'a throwing String() is reported like a Go panic'],
    ['%v %s', [new Error('bad'), new Error('bad')], 'bad bad', 'errors print their message'],
    ['%v %T', [Object.assign(['x'], { [goTypeInfo]: { name: 'model.LabelValues' } }), Object.assign(['x'], { [goTypeInfo]: { name: 'model.LabelValues' } })], '[x] model.LabelValues', 'goTypeInfo names a type'],
  ])('sprintf(%j)', (format, args, want, _why) => {
    expect(sprintf(format, args)).toBe(want);
  });

  it('sprint puts spaces between operands that are not strings', () => {
    expect(sprint([1, 2n, 'a', float64(3), null])).toBe('1 2a3 <nil>');
  });
});
