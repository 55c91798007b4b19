/**
 * The escaping builtins of text/template, byte for byte as Go 1.19 escapes
 * (checked against Alertmanager 0.25):
 *
 * - html: `"` `'` `&` `<` `>` become `&#34;` `&#39;` `&amp;` `&lt;` `&gt;`, NUL becomes U+FFFD;
 * - js: `\\` `\'` `\"`, `<` `>` `&` `=` as `\u003C`..., control and non-printable runes as `\uXXXX`;
 * - urlquery: Go's url.QueryEscape (space as `+`, all but `A-Za-z0-9-_.~` percent-encoded).
 *
 * Each takes any arguments and escapes their fmt.Sprint, nil printing as `<no value>`.
 */
import { sprint } from './printer.js';
import { isPrint, utf8Bytes } from './unicode.js';

const HTML: Readonly<Record<string, string>> = { '"': '&#34;', "'": '&#39;', '&': '&amp;', '<': '&lt;', '>': '&gt;', '\0': '\uFFFD' };

/** Go's template.HTMLEscapeString. */
export function htmlEscape(s: string): string {
  return /["'&<>\0]/.test(s) ? s.replace(/["'&<>\0]/g, (c) => HTML[c] ?? c) : s;
}

const JS: Readonly<Record<string, string>> = {
  '\\': '\\\\',
  "'": "\\'",
  '"': '\\"',
  '<': '\\u003C',
  '>': '\\u003E',
  '&': '\\u0026',
  '=': '\\u003D',
};

const hex4 = (cp: number): string => cp.toString(16).toUpperCase().padStart(4, '0');

/** Go's template.JSEscapeString. */
export function jsEscape(s: string): string {
  let out = '';
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0;
    const short = JS[ch];
    if (short !== undefined) out += short;
    else if (cp < 0x20) out += `\\u${hex4(cp)}`;
    else if (cp < 0x80 || isPrint(cp)) out += ch;
    else out += `\\u${hex4(cp)}`;
  }
  return out;
}

const UNRESERVED = /^[A-Za-z0-9\-_.~]$/;

/** Go's url.QueryEscape. */
export function urlQueryEscape(s: string): string {
  let out = '';
  for (const ch of s) {
    if (UNRESERVED.test(ch)) out += ch;
    else if (ch === ' ') out += '+';
    else for (const b of utf8Bytes(ch)) out += `%${b.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/** Go's evalArgs: one string argument as it is, anything else through fmt.Sprint with nil as `<no value>`. */
export function argsText(args: readonly unknown[]): string {
  if (args.length === 1 && typeof args[0] === 'string') return args[0];
  return sprint(args.map((a) => (a === null || a === undefined ? '<no value>' : a)));
}
