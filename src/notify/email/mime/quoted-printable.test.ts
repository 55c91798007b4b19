import { describe, expect, it } from 'vitest';
import { encodeQuotedPrintable } from './quoted-printable.js';

describe('encodeQuotedPrintable', () => {
  // Go's mime/quotedprintable writer_test.go (text mode), which Alertmanager's email parts go through.
  it.each([
    ['', ''],
    ['foo bar', 'foo bar'],
    ['foo bar=', 'foo bar=3D'],
    ['foo bar\r', 'foo bar\r\n'],
    ['foo bar\r\r', 'foo bar\r\n\r\n'],
    ['foo bar\n', 'foo bar\r\n'],
    ['foo bar\r\n', 'foo bar\r\n'],
    ['foo bar\r\r\n', 'foo bar\r\n\r\n'],
    ['foo bar ', 'foo bar=20'],
    ['foo bar\t', 'foo bar=09'],
    ['foo bar  ', 'foo bar =20'],
    ['foo bar \n', 'foo bar=20\r\n'],
    ['foo bar \r', 'foo bar=20\r\n'],
    ['foo bar \r\n', 'foo bar=20\r\n'],
    ['foo bar  \n', 'foo bar =20\r\n'],
    ['foo bar  \n ', 'foo bar =20\r\n=20'],
    ['¡Hola Señor!', '=C2=A1Hola Se=C3=B1or!'],
    ["\t !\"#$%&'()*+,-./ :;<>?@[\\]^_`{|}~", "\t !\"#$%&'()*+,-./ :;<>?@[\\]^_`{|}~"],
    ['a'.repeat(75), 'a'.repeat(75)],
    ['a'.repeat(76), `${'a'.repeat(75)}=\r\na`],
    [`${'a'.repeat(72)}=`, `${'a'.repeat(72)}=3D`],
    [`${'a'.repeat(73)}=`, `${'a'.repeat(73)}=\r\n=3D`],
    [`${'a'.repeat(74)}=`, `${'a'.repeat(74)}=\r\n=3D`],
    [`${'a'.repeat(75)}=`, `${'a'.repeat(75)}=\r\n=3D`],
    [' '.repeat(73), `${' '.repeat(72)}=20`],
    [' '.repeat(74), `${' '.repeat(73)}=\r\n=20`],
    [' '.repeat(75), `${' '.repeat(74)}=\r\n=20`],
    [' '.repeat(76), `${' '.repeat(75)}=\r\n=20`],
    [' '.repeat(77), `${' '.repeat(75)}=\r\n =20`],
  ])('encodes %j as Go does', (input, want) => {
    expect(encodeQuotedPrintable(input)).toBe(want);
  });

  it('encodes control characters and DEL, never splitting an escape', () => {
    expect(encodeQuotedPrintable('a\u0000b\u007fc')).toBe('a=00b=7Fc');
    expect(encodeQuotedPrintable(`${'a'.repeat(74)}é`)).toBe(`${'a'.repeat(74)}=\r\n=C3=A9`);
  });
});
