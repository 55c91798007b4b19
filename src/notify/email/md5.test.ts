import { createHash, createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { toHex } from '../../util/hex.js';
import { hmacMd5, md5 } from './md5.js';

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('md5', () => {
  // RFC 1321, appendix A.5.
  it.each([
    ['', 'd41d8cd98f00b204e9800998ecf8427e'],
    ['a', '0cc175b9c0f1b6a831c399e269772661'],
    ['abc', '900150983cd24fb0d6963f7d28e17f72'],
    ['message digest', 'f96b697d7cb7938d525a2f31aaf161d0'],
    ['abcdefghijklmnopqrstuvwxyz', 'c3fcd3d76192e4007dfb496cca67e13b'],
    ['ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789', 'd174ab98d277d9f5a5611c2c9f419d9f'],
    ['12345678901234567890123456789012345678901234567890123456789012345678901234567890', '57edf4a22be3c955ac49da2e2107b67a'],
  ])('hashes %j as RFC 1321 says', (input, digest) => {
    expect(toHex(md5(utf8(input)))).toBe(digest);
  });

  it.each([55, 56, 63, 64, 65, 119, 120, 1000])('agrees with node:crypto at %i bytes (padding boundaries)', (length) => {
    const bytes = Uint8Array.from({ length }, (_, i) => (i * 31 + 7) & 0xff);
    expect(toHex(md5(bytes))).toBe(createHash('md5').update(bytes).digest('hex'));
  });
});

describe('hmacMd5', () => {
  // RFC 2104 section 2 / RFC 2202 test cases 1, 2 and 6 (key longer than a block).
  it.each([
    [new Uint8Array(16).fill(0x0b), utf8('Hi There'), '9294727a3638bb1c13f48ef8158bfc9d'],
    [utf8('Jefe'), utf8('what do ya want for nothing?'), '750c783e6ab0b503eaa86e310a5db738'],
    [new Uint8Array(80).fill(0xaa), utf8('Test Using Larger Than Block-Size Key - Hash Key First'), '6b1ab7fe4bd7bf8f0b62e6ce61b9d0cd'],
  ])('matches the RFC test vector %#', (key, message, digest) => {
    expect(toHex(hmacMd5(key, message))).toBe(digest);
  });

  it('computes the CRAM-MD5 response of RFC 2195', () => {
    const challenge = utf8('<1896.697170952@postoffice.reston.mci.net>');
    expect(toHex(hmacMd5(utf8('tanstaaftanstaaf'), challenge))).toBe('b913a602c7eda7a495b4e6e7334d3890');
    expect(toHex(hmacMd5(utf8('k'), challenge))).toBe(createHmac('md5', 'k').update(challenge).digest('hex'));
  });
});
