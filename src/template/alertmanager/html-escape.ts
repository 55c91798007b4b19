/**
 * The escaping Go's html/template applies where Alertmanager's email HTML
 * prints values (it executes email templates with html/template): text and
 * `<title>` content, and URLs in attributes. edgealert renders templates
 * as text, so its default email HTML calls these itself:
 *
 * - `__edgealertHtml`: html/template's htmlEscaper (`&lt;`, `&amp;`,
 *   `&#34;`, `&#39;`, and `&#43;` for `+`, which text/template's `html`
 *   leaves alone);
 * - `__edgealertHtmlURL`: a URL in an attribute: a scheme other than http,
 *   https or mailto becomes `#ZgotmplZ`, bytes outside RFC 3986's sets are
 *   percent-encoded (existing `%XX` kept), then the attribute escaping;
 * - `__edgealertTemplate NAME DATA`: the output of another template as a
 *   string, to escape it (html/template escapes inside the called template;
 *   for text that only its actions print, escaping the whole is the same).
 */
import type { TemplateFuncs, TemplateSet } from '../index.js';
import { sprint } from '../printer.js';
import { utf8Bytes } from '../unicode.js';

const HTML: Readonly<Record<string, string>> = { '\0': '\uFFFD', '"': '&#34;', '&': '&amp;', "'": '&#39;', '+': '&#43;', '<': '&lt;', '>': '&gt;' };
const HTML_SPECIAL = /["&'+<>\0]/g;

/** html/template's htmlEscaper (also its rcdata and attribute escaper) for plain text. */
export function htmlEscape(s: string): string {
  return s.replace(HTML_SPECIAL, (c) => HTML[c] ?? c);
}

/** html/template's isSafeURL: no scheme, or http, https or mailto. */
function isSafeURL(s: string): boolean {
  const colon = s.indexOf(':');
  if (colon < 0) return true;
  const scheme = s.slice(0, colon);
  return scheme.includes('/') || /^(?:https?|mailto)$/i.test(scheme);
}

/** Bytes html/template's URL normalizer leaves as they are. */
const URL_KEEP = /^[A-Za-z0-9!#$&*+,/:;=?@[\]\-._~%]$/;

/** html/template's urlNormalizer: other bytes as lower-case `%xx`. */
export function normalizeURL(s: string): string {
  let out = '';
  for (const ch of s) {
    if (URL_KEEP.test(ch)) out += ch;
    else for (const b of utf8Bytes(ch)) out += `%${b.toString(16).padStart(2, '0')}`;
  }
  return out;
}

/** A URL printed in an attribute: urlFilter, urlNormalizer, attrEscaper. */
export function htmlAttributeURL(s: string): string {
  return htmlEscape(normalizeURL(isSafeURL(s) ? s : '#ZgotmplZ'));
}

const text = (v: unknown): string => (typeof v === 'string' ? v : sprint([v]));

/** Nested __edgealertTemplate calls allowed (the defaults nest one): a template that calls itself through one stops here. */
const MAX_NESTING = 8;

/** The functions the default email HTML uses; `set` gives the set being executed. */
export function htmlFunctions(set: () => TemplateSet | undefined): TemplateFuncs {
  let nesting = 0;
  return {
    __edgealertHtml: (v: unknown) => htmlEscape(text(v)),
    __edgealertHtmlURL: (v: unknown) => htmlAttributeURL(text(v)),
    __edgealertTemplate: (name: unknown, data: unknown) => {
      if (nesting >= MAX_NESTING) throw new Error(`exceeded maximum template depth (${MAX_NESTING})`);
      nesting++;
      try {
        const result = set()?.execute(text(name), data);
        if (!result) throw new Error('no template set');
        if (!result.ok) throw new Error(result.error.message);
        return result.value;
      } finally {
        nesting--;
      }
    },
  };
}
