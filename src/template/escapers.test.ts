import { describe, expect, it } from 'vitest';
import { htmlEscape, jsEscape, urlQueryEscape } from './escapers.js';
import { render } from './testdata/render.js';

// Outputs as Alertmanager 0.25 (Go 1.19.8) escaped the same input.
describe('escapers', () => {
  it.each([
    ['html', '{{ html "<a\'\\"&>" }}', '&lt;a&#39;&#34;&amp;&gt;', 'the five HTML specials, numeric quotes'],
    ['html', '{{ html "\\u0000" }}', '\uFFFD', 'NUL becomes U+FFFD'],
    ['js', '{{ js "<a href=\'x\'>=&\\u00e9\\u2028" }}', "\\u003Ca href\\u003D\\'x\\'\\u003E\\u003D\\u0026é\\u2028", "angle brackets, = and & as \\u; printable non-ASCII kept, U+2028 escaped"],
    ['js', '{{ js "\\u0001\\t\\u007f\\u00a0\\u00ad😀" }}', '\\u0001\\u0009\u007f\\u00A0\\u00AD😀', 'controls escaped, DEL kept, non-printable runes escaped, emoji kept'],
    ['urlquery', '{{ urlquery "a b&c=d/é" }}', 'a+b%26c%3Dd%2F%C3%A9', 'space as +, UTF-8 percent-encoded'],
    ['urlquery', '{{ urlquery "~-_. !*\'()" }}', '~-_.+%21%2A%27%28%29', 'only A-Za-z0-9 and -_.~ stay'],
  ])('%s: %s', (_fn, text, want, _why) => {
    expect(render(text)).toBe(want);
  });

  it('leaves text without specials alone', () => {
    expect([htmlEscape('plain'), jsEscape('plain text'), urlQueryEscape('plain')]).toEqual(['plain', 'plain text', 'plain']);
  });
});
