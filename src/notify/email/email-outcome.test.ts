import { describe, expect, it } from 'vitest';
import type { FailureReason } from '../outcome.js';
import { outcomeOfBindingError, outcomeOfSmtpFailure, scrubCredentials } from './email-outcome.js';
import type { SmtpFailure } from './smtp/failure.js';

describe('outcomeOfSmtpFailure', () => {
  it.each([
    [{ kind: 'network', stage: 'connect', detail: 'could not connect to mail:587' }, true, 'networkError', 'a refused or dropped connection may work next time'],
    [{ kind: 'network', stage: 'starttls', detail: 'TLS handshake failed' }, true, 'networkError', 'a handshake cut short looks the same as a network fault'],
    [{ kind: 'network', stage: 'message', detail: 'no answer within 60 s' }, true, 'networkError', 'a timeout'],
    [{ kind: 'reply', stage: 'greeting', code: 421, text: 'too busy' }, true, 'serverError', '4xx: transient negative completion (RFC 5321 4.2.1)'],
    [{ kind: 'reply', stage: 'rcpt', code: 450, text: 'mailbox busy' }, true, 'serverError', 'greylisting answers 450/451'],
    [{ kind: 'reply', stage: 'auth', code: 454, text: 'temporary authentication failure' }, true, 'serverError', 'a temporary AUTH failure'],
    [{ kind: 'reply', stage: 'auth', code: 535, text: 'authentication failed' }, false, 'clientError', 'wrong credentials stay wrong'],
    [{ kind: 'reply', stage: 'rcpt', code: 550, text: 'no such user' }, false, 'clientError', 'an unknown recipient stays unknown'],
    [{ kind: 'reply', stage: 'message', code: 554, text: 'rejected as spam' }, false, 'clientError', 'a policy refusal'],
    [{ kind: 'reply', stage: 'data', code: 250, text: 'ok' }, false, 'other', 'a success code where 354 was due: the server is confused'],
    [{ kind: 'protocol', stage: 'starttls', detail: 'no STARTTLS' }, false, 'other', 'require_tls against a server without STARTTLS'],
    [{ kind: 'protocol', stage: 'auth', detail: 'missing secret for CRAM-MD5 auth mechanism' }, false, 'other', 'no usable AUTH mechanism'],
    [{ kind: 'protocol', stage: 'greeting', detail: 'malformed reply' }, false, 'other', 'not an SMTP server'],
  ] as [SmtpFailure, boolean, FailureReason, string][])('%j: retry=%s, %s (%s)', (failure, retry, reason) => {
    expect(outcomeOfSmtpFailure(failure)).toMatchObject({ ok: false, retry, reason });
  });

  it('says where it failed and what the server said', () => {
    expect(outcomeOfSmtpFailure({ kind: 'reply', stage: 'rcpt', code: 550, text: '5.1.1 no such user' })).toMatchObject({
      message: 'email: rcpt: 550 5.1.1 no such user',
    });
  });
});

describe('outcomeOfBindingError (send_email)', () => {
  const coded = (code: string, message = 'refused'): Error => Object.assign(new Error(message), { code });
  it.each([
    [coded('E_RATE_LIMIT_EXCEEDED'), true, 'rateLimited'],
    [coded('E_DAILY_LIMIT_EXCEEDED'), true, 'rateLimited'],
    [coded('E_INTERNAL_SERVER_ERROR'), true, 'serverError'],
    [coded('E_SENDER_NOT_VERIFIED'), false, 'clientError'],
    [coded('E_RECIPIENT_NOT_ALLOWED'), false, 'clientError'],
    [coded('E_RECIPIENT_SUPPRESSED'), false, 'clientError'],
    [coded('E_VALIDATION_ERROR'), false, 'clientError'],
    [new Error('Network connection lost.'), true, 'networkError'],
    [new Error('internal error'), true, 'networkError'],
    [new Error('email to x@example.com not allowed'), false, 'other'],
    ['a thrown string', false, 'other'],
  ] as [unknown, boolean, FailureReason][])('%s: retry=%s, %s', (error, retry, reason) => {
    expect(outcomeOfBindingError(error)).toMatchObject({ ok: false, retry, reason });
  });

  it('names the code and the message', () => {
    expect(outcomeOfBindingError(coded('E_SENDER_NOT_VERIFIED', 'Sender domain not verified'))).toMatchObject({
      message: 'email: send_email binding: E_SENDER_NOT_VERIFIED: Sender domain not verified',
    });
  });
});

describe('scrubCredentials', () => {
  const failure = (message: string) => ({ ok: false as const, retry: false, reason: 'other' as const, message });

  it('replaces credentials, as they are and base64-encoded, by <secret>', () => {
    const scrubbed = scrubCredentials(failure(`email: auth: 535 bad pa55 ${btoa('\0alerts\0pa55')} ${btoa('pa55')}`), ['pa55', '\0alerts\0pa55']);
    expect(scrubbed.ok === false && scrubbed.message).toBe('email: auth: 535 bad <secret> <secret> <secret>');
  });

  it('drops control characters and caps the length', () => {
    const scrubbed = scrubCredentials(failure(`a\r\nb${'x'.repeat(500)}`), []);
    expect(scrubbed.ok === false && scrubbed.message).toMatch(/^a bx+…$/);
    expect(scrubbed.ok === false && scrubbed.message.length).toBe(300);
  });

  it('leaves a success alone', () => {
    expect(scrubCredentials({ ok: true }, ['x'])).toEqual({ ok: true });
  });
});
