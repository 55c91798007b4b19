import { describe, expect, it } from 'vitest';
import { formatFloat } from './format-float.js';

// Expected strings are Go's strconv.FormatFloat(v, fmt, prec, 64). The rows
// fmt can reach (every precision but shortest %e/%f) were also printed by
// Alertmanager 0.25 through printf.
describe('formatFloat', () => {
  it.each([
    [1, 'e', 5, '1.00000e+00', 'fixed precision pads with zeros'],
    [1, 'f', 5, '1.00000', '%f pads the fraction'],
    [1, 'g', 5, '1', '%g drops trailing zeros'],
    [1, 'g', -1, '1', 'shortest'],
    [20, 'g', -1, '20', 'no exponent for small integers'],
    [1234567.8, 'g', -1, '1.2345678e+06', 'shortest %g uses an exponent from 1e6'],
    [200000, 'g', -1, '200000', 'but not below'],
    [2000000, 'g', -1, '2e+06', 'even for a single digit'],
    [400, 'g', 2, '4e+02', 'precision smaller than the exponent'],
    [40, 'g', 2, '40', 'precision equal to the digits'],
    [0.0001, 'g', -1, '0.0001', 'exponent -4 stays fixed'],
    [0.00001, 'g', -1, '1e-05', 'exponent -5 switches'],
    [-0, 'g', -1, '-0', 'negative zero keeps its sign'],
    [0, 'e', -1, '0e+00', 'shortest zero'],
    [100, 'x', -1, '0x1.9p+06', 'hex'],
    [100, 'X', 2, '0X1.90P+06', 'hex with precision'],
    [1, 'b', -1, '4503599627370496p-52', 'binary exponent'],
    [5e-324, 'e', -1, '5e-324', 'the smallest denormal'],
    [5e-324, 'e', 3, '4.941e-324', 'its exact value'],
    [1.7976931348623157e308, 'g', -1, '1.7976931348623157e+308', 'the largest double'],
    [123456789.125, 'f', 2, '123456789.12', 'an exact tie rounds to even'],
    [123456789.375, 'f', 2, '123456789.38', 'the other way'],
    [9.995, 'f', 2, '9.99', '9.995 is just below the tie'],
    [0.5, 'f', 0, '0', 'half to even at the units'],
    [9.5, 'f', 0, '10', 'carry into a new digit'],
    [0.0009, 'f', 2, '0.00', 'rounding far below the last digit'],
    [0.009, 'f', 2, '0.01', 'rounding up from below'],
    [1e23, 'f', -1, '100000000000000000000000', 'shortest %f of a large number'],
    [NaN, 'g', -1, 'NaN', 'NaN'],
    [-Infinity, 'f', 2, '-Inf', 'infinities'],
  ])('%s %s %s', (v, fmt, prec, want, _why) => {
    expect(formatFloat(v, fmt, prec)).toBe(want);
  });
});
