import { describe, expect, it } from 'vitest';
import { urlUnescape } from './url-unescape.js';

// Go's url.QueryUnescape (net/url).
describe('urlUnescape', () => {
  it.each([
    ['a%20b+c', 'a b c', '%20 and + are spaces'],
    ['%E2%9C%93%3d', '✓=', 'bytes form UTF-8; hex in either case'],
    ['plain', 'plain', 'nothing to do'],
    ['%ff', '\ufffd', 'a byte that is not UTF-8 prints as U+FFFD'],
  ])('%j -> %j (%s)', (s, want) => {
    expect(urlUnescape(s)).toBe(want);
  });

  it.each([
    ['%zz', 'invalid URL escape "%zz"'],
    ['abc%4', 'invalid URL escape "%4"'],
    ['%', 'invalid URL escape "%"'],
  ])('refuses %j: %s', (s, message) => {
    expect(() => urlUnescape(s)).toThrow(message);
  });
});
