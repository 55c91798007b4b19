import { describe, expect, it } from 'vitest';
import { needsEncoding, qEncodeHeader } from './encoded-word.js';

describe('qEncodeHeader (Go mime.QEncoding.Encode("utf-8", s))', () => {
  it.each([
    ['', ''],
    ['A', 'A'],
    ['[FIRING:2] DiskFull (prod)', '[FIRING:2] DiskFull (prod)'],
    ['tab\tstays', 'tab\tstays'],
    ['François-Jérôme', '=?utf-8?q?Fran=C3=A7ois-J=C3=A9r=C3=B4me?='],
    ['¡Hola, señor!', '=?utf-8?q?=C2=A1Hola,_se=C3=B1or!?='],
    ['\n', '=?utf-8?q?=0A?='],
    ['a=b?c_d é', '=?utf-8?q?a=3Db=3Fc=5Fd_=C3=A9?='],
  ])('encodes %j as %j', (input, want) => {
    expect(qEncodeHeader(input)).toBe(want);
  });

  it('encodes a line break, so a rendered value can never start another header', () => {
    expect(qEncodeHeader('x\r\nBcc: victim@example.com')).toBe('=?utf-8?q?x=0D=0ABcc:_victim@example.com?=');
  });

  it('splits into words of at most 75 characters without splitting a character', () => {
    // 63 characters of content per word: ten "é" (6 each) fit, the eleventh starts a new word.
    expect(qEncodeHeader('é'.repeat(11))).toBe(`=?utf-8?q?${'=C3=A9'.repeat(10)}?= =?utf-8?q?=C3=A9?=`);
    expect(qEncodeHeader(`é${'a'.repeat(60)}€`)).toBe(`=?utf-8?q?=C3=A9${'a'.repeat(57)}?= =?utf-8?q?aaa=E2=82=AC?=`);
    for (const word of qEncodeHeader('ünïcödé '.repeat(30)).split(' ')) expect(word.length).toBeLessThanOrEqual(75);
  });
});

describe('needsEncoding', () => {
  it.each([
    ['plain ascii', false],
    ['tab\t', false],
    ['newline\n', true],
    ['del\u007f', true],
    ['é', true],
  ])('%j: %s', (input, want) => {
    expect(needsEncoding(input)).toBe(want);
  });
});
