import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ackLinkUrl, newNonce, signAckLink, verifyAckLink, type AckLinkClaims } from './ack-link.js';

const KEY = 'ack-link-test-secret';
const T0 = Date.UTC(2026, 0, 5, 9, 0, 0);
/** A counting byte source: deterministic nonces. */
const bytesFrom = (start: number) => (n: number) => Uint8Array.from({ length: n }, (_, i) => (start + i) % 256);
const CLAIMS: AckLinkClaims = { incidentId: '42', action: 'ack', expiresAt: T0 + 3_600_000, nonce: newNonce(bytesFrom(0)) };

const [, PAYLOAD = '', SIGNATURE = ''] = (await signAckLink(CLAIMS, KEY)).split('.');
const b64url = (data: Buffer | string) => Buffer.from(data).toString('base64url');
/** A token signed independently of the code under test (node:crypto), to forge well-signed odd payloads. */
const forge = (payload: Buffer | string) => {
  const signed = `v1.${b64url(payload)}`;
  return `${signed}.${createHmac('sha256', KEY).update(signed).digest('base64url')}`;
};
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
/** A 32-byte value's 43rd character carries 4 bits and 2 unused zero bits: setting one decodes to the same bytes. */
const withStrayBits = (text: string) => `${text.slice(0, -1)}${ALPHABET[ALPHABET.indexOf(text.slice(-1)) + 1]}`;
/** Changes one character to another that is still base64url. */
const flip = (text: string, at: number) => `${text.slice(0, at)}${text[at] === 'A' ? 'B' : 'A'}${text.slice(at + 1)}`;

describe('newNonce', () => {
  it('is 16 bytes of the given source, base64url without padding', () => {
    expect(newNonce(bytesFrom(0))).toBe(b64url(Buffer.from(bytesFrom(0)(16))));
    expect(newNonce(bytesFrom(0))).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(newNonce(bytesFrom(1))).not.toBe(newNonce(bytesFrom(0)));
  });
});

describe('signAckLink / verifyAckLink', () => {
  it('gives back the claims a token was signed with, nonce and expiry included', async () => {
    const token = await signAckLink(CLAIMS, KEY);
    expect(await verifyAckLink(token, KEY, T0)).toEqual({ ok: true, value: CLAIMS });
  });

  it('signs with HMAC-SHA256 over "v1.<payload>", as an independent implementation computes it', async () => {
    const token = await signAckLink(CLAIMS, KEY);
    expect(SIGNATURE).toBe(createHmac('sha256', KEY).update(`v1.${PAYLOAD}`).digest('base64url'));
    expect(JSON.parse(Buffer.from(PAYLOAD, 'base64url').toString())).toEqual({ i: '42', a: 'ack', e: CLAIMS.expiresAt, n: CLAIMS.nonce });
    expect(token).toBe(`v1.${PAYLOAD}.${SIGNATURE}`);
  });

  it('makes tokens that need no escaping in a URL path', async () => {
    const token = await signAckLink({ ...CLAIMS, incidentId: 'ünïcode/?&#% id' }, KEY);
    expect(token).toMatch(/^[A-Za-z0-9_.-]+$/);
    expect(encodeURIComponent(token)).toBe(token);
    expect(await verifyAckLink(token, KEY, T0)).toMatchObject({ ok: true, value: { incidentId: 'ünïcode/?&#% id' } });
  });

  it('is valid until just before expiresAt and expired from then on', async () => {
    const token = await signAckLink(CLAIMS, KEY);
    expect((await verifyAckLink(token, KEY, CLAIMS.expiresAt - 1)).ok).toBe(true);
    expect(await verifyAckLink(token, KEY, CLAIMS.expiresAt)).toEqual({ ok: false, error: 'expired' });
    expect(await verifyAckLink(token, KEY, CLAIMS.expiresAt + 86_400_000)).toEqual({ ok: false, error: 'expired' });
  });

  it.each([
    ['a changed payload', () => `v1.${b64url(JSON.stringify({ i: '43', a: 'ack', e: CLAIMS.expiresAt, n: CLAIMS.nonce }))}.${SIGNATURE}`],
    ['a later expiry', () => `v1.${b64url(JSON.stringify({ i: '42', a: 'ack', e: CLAIMS.expiresAt + 1, n: CLAIMS.nonce }))}.${SIGNATURE}`],
    ['one payload character changed', () => `v1.${flip(PAYLOAD, 5)}.${SIGNATURE}`],
    ['one signature character changed', () => `v1.${PAYLOAD}.${flip(SIGNATURE, 0)}`],
    ['a signature cut short', () => `v1.${PAYLOAD}.${SIGNATURE.slice(0, 40)}`],
    ['an empty signature', () => `v1.${PAYLOAD}.`],
  ])('refuses %s as bad_signature', async (_what, token) => {
    expect(await verifyAckLink(token(), KEY, T0)).toEqual({ ok: false, error: 'bad_signature' });
  });

  it('refuses a token signed with another key as bad_signature', async () => {
    const token = await signAckLink(CLAIMS, 'another-secret');
    expect(await verifyAckLink(token, KEY, T0)).toEqual({ ok: false, error: 'bad_signature' });
  });

  it.each([
    ['empty', () => ''],
    ['no dots', () => `v1${PAYLOAD}${SIGNATURE}`],
    ['another version', () => `v2.${PAYLOAD}.${SIGNATURE}`],
    ['no version', () => `${PAYLOAD}.${SIGNATURE}`],
    ['an extra dot', () => `v1.${PAYLOAD}.${SIGNATURE}.`],
    ['an extra part', () => `v1.${PAYLOAD}.${SIGNATURE}.x`],
    ['an empty payload', () => `v1..${SIGNATURE}`],
    ['padding', () => `v1.${PAYLOAD}==.${SIGNATURE}`],
    ['standard base64 characters', () => `v1.${PAYLOAD}.${SIGNATURE.slice(0, -1)}+`],
    ['a character that is not base64 at all', () => `v1.${PAYLOAD}.${SIGNATURE.slice(0, -1)}*`],
    ['the same signature spelled with stray bits in its last character', () => `v1.${PAYLOAD}.${withStrayBits(SIGNATURE)}`],
    ['an impossible length', () => `v1.${PAYLOAD}.${SIGNATURE}AA`],
    // Well signed, but not a payload this version writes:
    ['a payload that is not JSON', () => forge('not json')],
    ['a payload without a nonce', () => forge(JSON.stringify({ i: '42', a: 'ack', e: CLAIMS.expiresAt }))],
    ['an action other than ack', () => forge(JSON.stringify({ i: '42', a: 'resolve', e: CLAIMS.expiresAt, n: CLAIMS.nonce }))],
    ['an empty incident id', () => forge(JSON.stringify({ i: '', a: 'ack', e: CLAIMS.expiresAt, n: CLAIMS.nonce }))],
    ['an unknown field', () => forge(JSON.stringify({ i: '42', a: 'ack', e: CLAIMS.expiresAt, n: CLAIMS.nonce, x: 1 }))],
    ['a payload that is not UTF-8', () => forge(Buffer.from([0xff, 0xfe]))],
  ])('refuses a token with %s as malformed', async (_what, token) => {
    expect(await verifyAckLink(token(), KEY, T0)).toEqual({ ok: false, error: 'malformed' });
  });
});

describe('ackLinkUrl', () => {
  it('puts the token under /ack/ of the external URL', () => {
    expect(ackLinkUrl('https://alerts.example.com', 'v1.abc.def')).toBe('https://alerts.example.com/ack/v1.abc.def');
  });
});
