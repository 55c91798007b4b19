/**
 * Email address lists (`to: 'a@example.com, Team <b@example.com>'`) parsed
 * like Go's net/mail.ParseAddressList, which Alertmanager applies to the
 * rendered `from` and `to`: mailboxes (`addr-spec` or `display-name
 * <addr-spec>`), groups (`team: a@x, b@x;`), quoted strings and comments.
 * Only the addresses are kept: they become the SMTP envelope (MAIL FROM,
 * RCPT TO); the headers carry the text as written. Errors use Go's wording.
 */
import { err, ok, type Result } from '../../../util/result.js';

/** Parses an address list; returns the addresses (`local@domain`) in order. */
export function parseAddressList(text: string): Result<string[], string> {
  const parser = new AddressParser(text);
  try {
    return ok(parser.addressList());
  } catch (e) {
    if (e instanceof AddressError) return err(e.message);
    throw e;
  }
}

class AddressError extends Error {}

const fail = (message: string): never => {
  throw new AddressError(`mail: ${message}`);
};

const isVchar = (c: string): boolean => (c >= '!' && c <= '~') || c.charCodeAt(0) >= 0x80;
const isWsp = (c: string): boolean => c === ' ' || c === '\t';

/** RFC 5322 atext, with Go's `dot` and `permissive` variants. */
function isAtext(c: string, dot: boolean, permissive: boolean): boolean {
  if (c === '.') return dot;
  if ('()[];@\\,'.includes(c)) return permissive;
  if ('<>":'.includes(c)) return false;
  return isVchar(c);
}

class AddressParser {
  private rest: string;

  constructor(text: string) {
    this.rest = text;
  }

  addressList(): string[] {
    const list: string[] = [];
    for (;;) {
      this.skipSpace();
      list.push(...this.address(true));
      if (!this.skipCfws()) fail('misformatted parenthetical comment');
      if (this.rest === '') return list;
      if (!this.consume(',')) fail('expected comma');
    }
  }

  private address(handleGroup: boolean): string[] {
    this.skipSpace();
    if (this.rest === '') fail('no address');
    const saved = this.rest;
    const spec = this.tryAddrSpec();
    if (spec !== undefined) {
      this.skipSpace();
      if (this.peek() === '(') this.displayNameComment();
      if (this.peek() !== '<') return [spec];
      this.rest = saved;
    }
    if (this.peek() !== '<') this.phrase();
    this.skipSpace();
    if (handleGroup && this.consume(':')) return this.groupList();
    if (!this.consume('<')) fail('no angle-addr');
    const inner = this.addrSpec();
    if (!this.consume('>')) fail('unclosed angle-addr');
    return [inner];
  }

  private groupList(): string[] {
    const group: string[] = [];
    this.skipSpace();
    if (this.consume(';')) {
      this.skipCfws();
      return group;
    }
    for (;;) {
      this.skipSpace();
      group.push(...this.address(false));
      if (!this.skipCfws()) fail('misformatted parenthetical comment');
      if (this.consume(';')) {
        this.skipCfws();
        return group;
      }
      if (!this.consume(',')) fail('expected comma');
    }
  }

  private tryAddrSpec(): string | undefined {
    const saved = this.rest;
    try {
      return this.addrSpec();
    } catch (e) {
      if (!(e instanceof AddressError)) throw e;
      this.rest = saved;
      return undefined;
    }
  }

  private addrSpec(): string {
    this.skipSpace();
    if (this.rest === '') fail('no addr-spec');
    let local: string;
    if (this.peek() === '"') {
      local = this.quotedString();
      if (local === '') fail('empty quoted string in addr-spec');
    } else {
      local = this.atom(true, false);
    }
    if (!this.consume('@')) fail('missing @ in addr-spec');
    this.skipSpace();
    if (this.rest === '') fail('no domain in addr-spec');
    return `${local}@${this.atom(true, false)}`;
  }

  private phrase(): string {
    const words: string[] = [];
    for (;;) {
      this.skipSpace();
      if (this.rest === '') break;
      try {
        words.push(this.peek() === '"' ? this.quotedString() : this.atom(true, true));
      } catch (e) {
        if (!(e instanceof AddressError)) throw e;
        if (words.length === 0) fail(`missing word in phrase: ${e.message}`);
        break;
      }
    }
    return words.join(' ');
  }

  private quotedString(): string {
    let i = 1;
    let out = '';
    let escaped = false;
    const chars = [...this.rest];
    for (;;) {
      const c = chars[i];
      if (c === undefined) fail('unclosed quoted-string');
      const ch = c as string;
      if (escaped) {
        if (!isVchar(ch) && !isWsp(ch)) fail(`bad character in quoted-string: ${JSON.stringify(ch)}`);
        out += ch;
        escaped = false;
      } else if (ch === '"') {
        break;
      } else if (ch === '\\') {
        escaped = true;
      } else if (isVchar(ch) || isWsp(ch)) {
        out += ch;
      } else {
        fail(`bad character in quoted-string: ${JSON.stringify(ch)}`);
      }
      i++;
    }
    this.rest = chars.slice(i + 1).join('');
    return out;
  }

  private atom(dot: boolean, permissive: boolean): string {
    const chars = [...this.rest];
    let i = 0;
    while (i < chars.length && isAtext(chars[i] as string, dot, permissive)) i++;
    if (i === 0) fail('invalid string');
    const atom = chars.slice(0, i).join('');
    this.rest = chars.slice(i).join('');
    if (!permissive) {
      if (atom.startsWith('.')) fail('leading dot in atom');
      if (atom.includes('..')) fail('double dot in atom');
      if (atom.endsWith('.')) fail('trailing dot in atom');
    }
    return atom;
  }

  private displayNameComment(): void {
    this.consume('(');
    if (!this.comment()) fail('misformatted parenthetical comment');
  }

  /** After `(`: skips to the matching `)`; false when it never closes. */
  private comment(): boolean {
    let depth = 1;
    while (this.rest !== '' && depth > 0) {
      const c = this.peek();
      if (c === '\\' && this.rest.length > 1) this.rest = this.rest.slice(1);
      else if (c === '(') depth++;
      else if (c === ')') depth--;
      this.rest = this.rest.slice(1);
    }
    return depth === 0;
  }

  private skipCfws(): boolean {
    this.skipSpace();
    while (this.consume('(')) {
      if (!this.comment()) return false;
      this.skipSpace();
    }
    return true;
  }

  private skipSpace(): void {
    this.rest = this.rest.replace(/^[ \t]+/, '');
  }

  private peek(): string {
    return this.rest.charAt(0);
  }

  private consume(c: string): boolean {
    if (this.peek() !== c) return false;
    this.rest = this.rest.slice(1);
    return true;
  }
}
