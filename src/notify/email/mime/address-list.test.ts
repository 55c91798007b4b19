import { describe, expect, it } from 'vitest';
import { parseAddressList } from './address-list.js';

describe('parseAddressList (Go net/mail.ParseAddressList)', () => {
  it.each([
    ['jdoe@machine.example', ['jdoe@machine.example']],
    ['John Doe <jdoe@machine.example>', ['jdoe@machine.example']],
    ['"Joe Q. Public" <john.q.public@example.com>', ['john.q.public@example.com']],
    ['Mary Smith <mary@x.test>, jdoe@example.org, Who? <one@y.test>', ['mary@x.test', 'jdoe@example.org', 'one@y.test']],
    ['<boss@nil.test>, "Giant; \\"Big\\" Box" <sysservices@example.net>', ['boss@nil.test', 'sysservices@example.net']],
    ['A Group:Ed Jones <c@a.test>,joe@where.test,John <jdoe@one.test>;', ['c@a.test', 'joe@where.test', 'jdoe@one.test']],
    ['Undisclosed recipients:;', []],
    ['ops@example.com (the ops team)', ['ops@example.com']],
    ['  ops@example.com ,  dba@example.com  ', ['ops@example.com', 'dba@example.com']],
    ['"quoted local"@example.com', ['quoted local@example.com']],
    ['Jörg <joerg@exämple.de>', ['joerg@exämple.de']],
  ])('%j -> %j', (input, want) => {
    expect(parseAddressList(input)).toEqual({ ok: true, value: want });
  });

  it.each([
    ['', 'mail: no address'],
    ['ops', 'mail: no angle-addr'],
    ['ops@', 'mail: no angle-addr'],
    ['a@b,', 'mail: no address'],
    ['John <jdoe@one.test', 'mail: unclosed angle-addr'],
    ['a@b c@d', 'mail: expected comma'],
    ['a@b (unclosed', 'mail: misformatted parenthetical comment'],
    ['.a@b', 'mail: no angle-addr'],
  ])('%j is refused: %s', (input, message) => {
    expect(parseAddressList(input)).toEqual({ ok: false, error: message });
  });
});
