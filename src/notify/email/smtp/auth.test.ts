import { describe, expect, it } from 'vitest';
import { chooseMechanism, fromBase64, toBase64, type SmtpCredentials } from './auth.js';

const ALL: SmtpCredentials = { username: 'alerts', password: 'pw', secret: 'sec', identity: '' };
const TLS = { tls: true, host: 'mail.example.com' };
const utf8 = (s: string) => new TextEncoder().encode(s);
const text = (b: Uint8Array | undefined) => (b ? new TextDecoder().decode(b) : b);

describe('chooseMechanism (Alertmanager 0.25 email.go auth)', () => {
  it('does no AUTH without a username', () => {
    expect(chooseMechanism({ ...ALL, username: '' }, { mechanisms: 'PLAIN', ...TLS })).toEqual({ ok: true, value: undefined });
  });

  it.each([
    ['PLAIN LOGIN CRAM-MD5', ALL, 'PLAIN'],
    ['CRAM-MD5 PLAIN', ALL, 'CRAM-MD5'],
    ['CRAM-MD5 PLAIN', { ...ALL, secret: '' }, 'PLAIN'],
    ['LOGIN PLAIN', ALL, 'LOGIN'],
    ['XOAUTH2 LOGIN', ALL, 'LOGIN'],
  ])('offered %j picks the first usable: %s', (mechanisms, credentials, name) => {
    const chosen = chooseMechanism(credentials, { mechanisms, ...TLS });
    expect(chosen.ok && chosen.value?.name).toBe(name);
  });

  it.each([
    ['CRAM-MD5', { ...ALL, secret: '' }, 'missing secret for CRAM-MD5 auth mechanism'],
    ['PLAIN LOGIN', { ...ALL, password: '' }, 'missing password for PLAIN auth mechanism; missing password for LOGIN auth mechanism'],
    ['GSSAPI NTLM', ALL, 'unknown auth mechanism: GSSAPI NTLM'],
  ])('offered %j with what the config has fails: %s', (mechanisms, credentials, message) => {
    expect(chooseMechanism(credentials, { mechanisms, ...TLS })).toEqual({ ok: false, error: message });
  });

  it('will not send a PLAIN password over plain text, except to localhost (Go smtp.PlainAuth)', () => {
    expect(chooseMechanism(ALL, { mechanisms: 'PLAIN', tls: false, host: 'mail.example.com' })).toEqual({ ok: false, error: 'unencrypted connection' });
    for (const host of ['localhost', '127.0.0.1', '::1']) expect(chooseMechanism(ALL, { mechanisms: 'PLAIN', tls: false, host }).ok).toBe(true);
  });

  it('builds the PLAIN initial response identity\\0username\\0password', () => {
    const chosen = chooseMechanism({ ...ALL, identity: 'admin' }, { mechanisms: 'PLAIN', ...TLS });
    expect(chosen.ok && text(chosen.value?.initial)).toBe('admin\0alerts\0pw');
  });

  it('answers LOGIN prompts in any case and refuses others', () => {
    const chosen = chooseMechanism(ALL, { mechanisms: 'LOGIN', ...TLS });
    const login = chosen.ok ? chosen.value : undefined;
    expect(login?.next(utf8('USERNAME:'), true)).toEqual({ ok: true, value: utf8('alerts') });
    expect(login?.next(utf8('password:'), true)).toEqual({ ok: true, value: utf8('pw') });
    expect(login?.next(utf8('Who?'), true)).toEqual({ ok: false, error: 'unexpected server challenge' });
    expect(login?.next(utf8('2.7.0 accepted'), false)).toEqual({ ok: true, value: undefined });
  });

  it('answers the RFC 2195 CRAM-MD5 challenge', () => {
    const chosen = chooseMechanism({ ...ALL, username: 'tim', secret: 'tanstaaftanstaaf' }, { mechanisms: 'CRAM-MD5', ...TLS });
    const answer = chosen.ok ? chosen.value?.next(utf8('<1896.697170952@postoffice.reston.mci.net>'), true) : undefined;
    expect(answer?.ok && text(answer.value)).toBe('tim b913a602c7eda7a495b4e6e7334d3890');
  });
});

describe('base64', () => {
  it('round-trips bytes and refuses what is not base64', () => {
    expect(toBase64(utf8('\0alerts\0pw'))).toBe('AGFsZXJ0cwBwdw==');
    expect(text(fromBase64('VXNlcm5hbWU6'))).toBe('Username:');
    expect(fromBase64('not base64!')).toBeUndefined();
    expect(fromBase64('abc')).toBeUndefined();
  });
});
