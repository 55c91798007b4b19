import { describe, expect, it } from 'vitest';
import { authorize } from './authorize.js';

const bearer = (t: string) => `Bearer ${t}`;
const secrets = { READ_TOKEN: 'r1, r2', SILENCE_TOKEN: 's', INGEST_BASIC_AUTH: 'prom:pw', ADMIN_TOKEN: 'adm' };

describe('authorize', () => {
  it.each([
    ['its scope token', 'read', bearer('r2'), true],
    ['the admin token for any scope', 'metrics', bearer('adm'), true],
    ['Basic credentials for ingest', 'ingest', `Basic ${btoa('prom:pw')}`, true],
  ] as const)('allows %s', async (_what, scope, header, allowed) => {
    expect((await authorize(secrets, scope, header)).allowed).toBe(allowed);
  });

  it.each([
    ['no header', 'read', null, 'missing'],
    ['a wrong token', 'read', bearer('r3'), 'wrong'],
    ['a token of another scope', 'silence', bearer('r1'), 'wrong_scope'],
    ['a scope token for admin', 'admin', bearer('s'), 'wrong_scope'],
  ] as const)('refuses %s as %s', async (_what, scope, header, reason) => {
    expect(await authorize(secrets, scope, header)).toMatchObject({ allowed: false, reason });
  });

  it('opens a scope without credentials only when local', async () => {
    expect(await authorize({ EDGEALERT_LOCAL: 'true' }, 'read', null)).toEqual({ allowed: true, open: true });
    expect(await authorize({}, 'read', null)).toMatchObject({ allowed: false, reason: 'unconfigured' });
    expect(await authorize({ EDGEALERT_LOCAL: '1' }, 'read', null)).toMatchObject({ allowed: false, reason: 'unconfigured' });
  });

  it('fails closed on a blank secret, even locally', async () => {
    expect(await authorize({ EDGEALERT_LOCAL: 'true', ADMIN_TOKEN: ' , ' }, 'read', null)).toEqual({
      allowed: false,
      reason: 'misconfigured',
      message: 'ADMIN_TOKEN is set but holds no credential: set a value or delete the secret',
    });
  });
});
