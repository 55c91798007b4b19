import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isUri, isUriByParsing as referenceIsUri } from './is-uri.js';

const runs = { seed: 20_261_125, numRuns: 3000 };

/** Pieces of hosts, chosen to reach the parser's edge cases: numbers, hex, Punycode, empty labels, IPv4-like. */
const hostLabel = fc.oneof(
  fc.stringMatching(/^[a-zA-Z0-9-]{0,8}$/),
  fc.constantFrom('', '0', '00', '09', '0x', '0x1f', '0X', '255', '256', '999', '4294967295', 'xn--', 'xn--abc', 'xn--nxasmq6b', 'a--b', '-', 'a_b', 'localhost', 'LOCALHOST', 'é', '1e', '1.', 'ab'),
  fc.integer({ min: 0, max: 300 }).map(String),
);
const host = fc.array(hostLabel, { minLength: 1, maxLength: 5 }).map((labels) => labels.join('.'));
const port = fc.oneof(fc.constant(''), fc.constantFrom(':', ':0', ':80', ':9090', ':65535', ':65536', ':99999', ':123456', ':x'), fc.nat({ max: 70_000 }).map((n) => `:${n}`));
const rest = fc.oneof(
  fc.constant(''),
  fc.constantFrom('/', '/graph?g0.expr=up&g0.tab=1', '?q', '#frag', '/%zz', '/a\\b', '/[x]', '/\x7f', '/é', '/a b', '//x', '@evil'),
  fc.string({ unit: 'binary', maxLength: 12 }).map((s) => `/${s}`),
  fc.string({ maxLength: 12 }),
);
const scheme = fc.constantFrom('http://', 'https://', 'HTTP://', 'Https://', 'http:/', 'http:', 'ftp://', 'httpx://', 'http//', 'h://', '');
const urlLike = fc.tuple(scheme, host, port, rest).map((parts) => parts.join(''));

describe('isUri', () => {
  it.each([
    ['', true],
    ['/graph?g0.expr=up', true],
    ['http://prometheus.example.com:9090/graph?g0.expr=up&g0.tab=1', true],
    ['http://127.0.0.1:9090/graph', true],
    ['https://[::1]:9090/', true],
    ['mailto:ops@example.com', true],
    ['http://1.2.3.4.5/', false],
    ['http://a.123/', false],
    ['http://xn--a/', false],
    ['http://a:65536/', false],
    ['http://x/ y', false],
    ['not a url', false],
    ['relative/path', false],
  ])('isUri(%j) is %s', (text, want) => {
    expect(isUri(text)).toBe(want);
  });

  it('agrees with new URL on URL-shaped strings built to reach its edge cases', () => {
    fc.assert(fc.property(urlLike, (text) => isUri(text) === referenceIsUri(text)), runs);
  });

  it('agrees with new URL on web URLs and on arbitrary strings', () => {
    const anything = fc.oneof(fc.webUrl({ withQueryParameters: true, withFragments: true }), fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' }));
    fc.assert(fc.property(anything, (text) => isUri(text) === referenceIsUri(text)), runs);
  });
});
