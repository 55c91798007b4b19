import { describe, expect, it } from 'vitest';
import { htmlAttributeURL, htmlEscape, normalizeURL } from './html-escape.js';
import { alert, dataOf, notification, render } from './testdata/render.js';

// Go 1.19 html/template (escape.go, html.go, url.go); rows marked AM were
// seen in Alertmanager 0.25's email HTML (golden suite).
describe('htmlEscape (htmlEscaper)', () => {
  it.each([
    ['Disk <b>/var</b> & "x" \'y\' +3%', 'Disk &lt;b&gt;/var&lt;/b&gt; &amp; &#34;x&#34; &#39;y&#39; &#43;3%', 'AM'],
    ['a\0b', 'a\ufffdb', 'NUL'],
    ['plain é', 'plain é', 'nothing else changes'],
  ])('%j -> %j (%s)', (s, want) => {
    expect(htmlEscape(s)).toBe(want);
  });
});

describe('URLs in attributes (urlFilter, urlNormalizer, attrEscaper)', () => {
  it.each([
    ['http://prom/graph?g0.expr=up%3D%3D0&g0.tab=1 x+y', 'http://prom/graph?g0.expr=up%3D%3D0&amp;g0.tab=1%20x&#43;y', 'AM'],
    ["javascript:alert('x')", '#ZgotmplZ', 'unsafe schemes are replaced (AM)'],
    ['HTTPS://x', 'HTTPS://x', 'schemes compare case-insensitively'],
    ['mailto:a@b', 'mailto:a@b', 'mailto is safe'],
    ['/path:with:colons', '/path:with:colons', 'a colon after a slash is no scheme'],
    ["x?a=(b)'é", 'x?a=%28b%29%27%c3%a9', 'parentheses, quotes and non-ASCII are percent-encoded in lower case'],
  ])('%j -> %j (%s)', (url, want) => {
    expect(htmlAttributeURL(url)).toBe(want);
  });

  it('keeps existing escapes and reserved characters', () => {
    expect(normalizeURL("%41!#$&*+,/:;=?@[]-._~")).toBe("%41!#$&*+,/:;=?@[]-._~");
  });
});

describe('__edgealertTemplate', () => {
  it('stops a template that calls itself through the email HTML', () => {
    const out = render('{{ template "email.default.html" . }}', dataOf(notification([alert({ a: '1' })])), {
      files: [{ name: 'x.tmpl', text: '{{ define "__subject" }}{{ template "email.default.html" . }}{{ end }}' }],
    });
    expect(out).toMatch(/^template error: .*exceeded maximum template depth \(8\)$/);
    expect(out.length).toBeLessThan(3000);
  });
});
