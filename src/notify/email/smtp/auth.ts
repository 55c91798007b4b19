/**
 * SMTP AUTH (RFC 4954) with the three mechanisms Alertmanager 0.25 speaks,
 * chosen the way it chooses (notify/email/email.go `auth`): no username
 * means no AUTH at all; otherwise the first mechanism the server lists
 * that the config has a credential for — CRAM-MD5 needs auth_secret,
 * PLAIN and LOGIN need auth_password.
 *
 * - PLAIN (RFC 4616): `AUTH PLAIN base64(identity\0username\0password)`.
 *   Like Go's smtp.PlainAuth it refuses to send the password over a
 *   connection without TLS unless the server is localhost.
 * - LOGIN: username and password as answers to `Username:` / `Password:`.
 * - CRAM-MD5 (RFC 2195): `username hex(HMAC-MD5(secret, challenge))`.
 */
import { err, ok, type Result } from '../../../util/result.js';
import { hmacMd5 } from '../md5.js';
import { toHex } from '../../../util/hex.js';

/** What the config supplies for AUTH (resolved secrets; never logged). */
export interface SmtpCredentials {
  readonly username: string;
  readonly password: string;
  readonly secret: string;
  readonly identity: string;
}

/** One SASL exchange, shaped like Go's smtp.Auth. */
export interface SaslMechanism {
  readonly name: 'PLAIN' | 'LOGIN' | 'CRAM-MD5';
  /** The initial response sent with AUTH (empty: none). */
  readonly initial: Uint8Array;
  /**
   * The answer to a server message: `more` for a 334 challenge, false for
   * the final 235. undefined ends the exchange; a string aborts it.
   */
  next(fromServer: Uint8Array, more: boolean): Result<Uint8Array | undefined, string>;
}

/** What the server and the connection offer. */
export interface AuthContext {
  /** The AUTH parameters from EHLO, e.g. `PLAIN LOGIN CRAM-MD5`. */
  readonly mechanisms: string;
  readonly tls: boolean;
  /** The smarthost's host. */
  readonly host: string;
}

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

/**
 * The mechanism to use, undefined for no AUTH (no username), or why none
 * fits (Alertmanager's messages: `missing password for PLAIN auth
 * mechanism`, `unknown auth mechanism: GSSAPI`, `unencrypted connection`).
 */
export function chooseMechanism(credentials: SmtpCredentials, context: AuthContext): Result<SaslMechanism | undefined, string> {
  if (credentials.username === '') return ok(undefined);
  const problems: string[] = [];
  for (const mech of context.mechanisms.split(' ')) {
    switch (mech) {
      case 'CRAM-MD5':
        if (credentials.secret === '') problems.push('missing secret for CRAM-MD5 auth mechanism');
        else return ok(cramMd5(credentials));
        break;
      case 'PLAIN':
        if (credentials.password === '') problems.push('missing password for PLAIN auth mechanism');
        else if (!context.tls && !isLocalhost(context.host)) return err('unencrypted connection');
        else return ok(plain(credentials));
        break;
      case 'LOGIN':
        if (credentials.password === '') problems.push('missing password for LOGIN auth mechanism');
        else return ok(login(credentials));
        break;
    }
  }
  return err(problems.length > 0 ? problems.join('; ') : `unknown auth mechanism: ${context.mechanisms}`);
}

/** Go's smtp isLocalhost: PLAIN may go unencrypted only to these. */
function isLocalhost(host: string): boolean {
  return host === 'localhost' || host === '127.0.0.1' || host === '::1';
}

function plain(c: SmtpCredentials): SaslMechanism {
  return {
    name: 'PLAIN',
    initial: utf8(`${c.identity}\0${c.username}\0${c.password}`),
    next: (_fromServer, more) => (more ? err('unexpected server challenge') : ok(undefined)),
  };
}

function login(c: SmtpCredentials): SaslMechanism {
  return {
    name: 'LOGIN',
    initial: new Uint8Array(0),
    next: (fromServer, more) => {
      if (!more) return ok(undefined);
      switch (new TextDecoder().decode(fromServer).toLowerCase()) {
        case 'username:':
          return ok(utf8(c.username));
        case 'password:':
          return ok(utf8(c.password));
        default:
          return err('unexpected server challenge');
      }
    },
  };
}

function cramMd5(c: SmtpCredentials): SaslMechanism {
  return {
    name: 'CRAM-MD5',
    initial: new Uint8Array(0),
    next: (fromServer, more) => (more ? ok(utf8(`${c.username} ${toHex(hmacMd5(utf8(c.secret), fromServer))}`)) : ok(undefined)),
  };
}

/** Standard base64 of bytes. */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary);
}

/** Decodes standard base64; undefined when it is not valid base64. */
export function fromBase64(text: string): Uint8Array | undefined {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text) || text.length % 4 !== 0) return undefined;
  try {
    return Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
  } catch {
    return undefined;
  }
}
