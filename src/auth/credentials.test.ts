import { describe, expect, it } from 'vitest';
import { checkAuthorization, type AcceptedCredentials, type AuthOutcome } from './credentials.js';

const basic = (userPass: string) => `Basic ${btoa(userPass)}`;

const NOTHING: AcceptedCredentials = { tokens: [], basic: [] };
const TOKENS: AcceptedCredentials = { tokens: ['tok-old', 'tok-new'], basic: [] };
const BASIC: AcceptedCredentials = { tokens: [], basic: ['prom:s3cret', 'prom:rotated'] };
const BOTH: AcceptedCredentials = { tokens: ['tok-new'], basic: ['prom:s3cret'] };

describe('checkAuthorization', () => {
  it.each<[string, string | null, AcceptedCredentials, AuthOutcome]>([
    // Nothing configured: ingest is open, whatever is sent.
    ['nothing configured, nothing sent', null, NOTHING, 'open'],
    ['nothing configured, a token sent', 'Bearer anything', NOTHING, 'open'],
    // Bearer.
    ['a configured token', 'Bearer tok-new', TOKENS, 'ok'],
    ['the other token of a rotation list', 'Bearer tok-old', TOKENS, 'ok'],
    ['a token next to Basic credentials', 'Bearer tok-new', BOTH, 'ok'],
    ['a wrong token', 'Bearer tok-newer', TOKENS, 'wrong'],
    ['a prefix of a token', 'Bearer tok-', TOKENS, 'wrong'],
    ['a token where only Basic is configured', 'Bearer prom:s3cret', BASIC, 'wrong'],
    ['"bearer" in lower case', 'bearer tok-new', TOKENS, 'ok'],
    ['"BEARER" in upper case', 'BEARER tok-new', TOKENS, 'ok'],
    ['spaces around', '  Bearer   tok-new  ', TOKENS, 'ok'],
    // Basic.
    ['configured Basic credentials', basic('prom:s3cret'), BASIC, 'ok'],
    ['the other pair of a rotation list', basic('prom:rotated'), BASIC, 'ok'],
    ['Basic next to a token', basic('prom:s3cret'), BOTH, 'ok'],
    ['"BASIC" in upper case', `BASIC ${btoa('prom:s3cret')}`, BASIC, 'ok'],
    ['a wrong password', basic('prom:guess'), BASIC, 'wrong'],
    ['a wrong user', basic('grafana:s3cret'), BASIC, 'wrong'],
    ['a user without password', basic('prom'), BASIC, 'wrong'],
    ['Basic credentials where only tokens are configured', basic('tok-new'), TOKENS, 'wrong'],
    // Missing.
    ['no header', null, TOKENS, 'missing'],
    ['an empty header', '', BASIC, 'missing'],
    ['a scheme without credentials', 'Bearer', TOKENS, 'missing'],
    ['a bare token without a scheme', 'tok-new', TOKENS, 'missing'],
    ['another scheme', 'Token tok-new', TOKENS, 'missing'],
  ])('%s -> %s', async (_what, header, accepted, outcome) => {
    expect(await checkAuthorization(header, accepted)).toBe(outcome);
  });

  it('accepts non-ASCII Basic credentials (UTF-8, as Go sends them)', async () => {
    const utf8 = String.fromCharCode(...new TextEncoder().encode('prom:pässwörd'));
    expect(await checkAuthorization(`Basic ${btoa(utf8)}`, { tokens: [], basic: ['prom:pässwörd'] })).toBe('ok');
  });

  // BUG (minor): a Basic header whose value is not base64 counts as "missing"
  // (src/auth/credentials.ts:38-39 returns undefined, so :24 answers
  // 'missing'), although AUTH_OUTCOMES (:17) defines missing as "none sent".
  // Expected 'wrong' (a credential was sent and does not match); got 'missing',
  // so the 401 says "authentication required" to a client that did send one.
  it('calls an undecodable Basic credential wrong, not missing', async () => {
    expect(await checkAuthorization('Basic !!not-base64!!', BASIC)).toBe('wrong');
  });

  it('compares every candidate, so the outcome does not depend on its position in the list', async () => {
    const many: AcceptedCredentials = { tokens: ['t1', 't2', 't3', 't4'], basic: [] };
    for (const token of many.tokens) expect(await checkAuthorization(`Bearer ${token}`, many)).toBe('ok');
  });
});
