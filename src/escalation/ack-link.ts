/**
 * Signed acknowledgement links: a token in a page that lets whoever got the
 * page acknowledge its incident without logging in. Format, version 1:
 *
 *   v1.<payload>.<signature>
 *
 * - payload: base64url of the JSON `{"i": incidentId, "a": "ack", "e":
 *   expiresAt (ms since the epoch), "n": nonce}`;
 * - signature: base64url of HMAC-SHA256(key, "v1.<payload>"): the version
 *   is signed too, so a token cannot be replayed under another format.
 *
 * base64url is unpadded, so a token is letters, digits, `-`, `_` and `.`:
 * safe in a URL path as it is. The signature is checked (in constant time)
 * before the payload is read. A link works once: the incident desk
 * remembers each nonce until its expiresAt, which is why verify returns both.
 */
import * as z from 'zod';
import { decodeBase64url, encodeBase64url } from '../util/base64url.js';
import { hmacSha256, verifyHmacSha256 } from '../util/hmac.js';
import { err, ok, type Result } from '../util/result.js';

export const ACK_LINK_VERSION = 'v1';

export const ACK_LINK_ACTIONS = ['ack'] as const;
export type AckLinkAction = (typeof ACK_LINK_ACTIONS)[number];

/** Bytes of randomness in a nonce (22 base64url characters). */
export const NONCE_BYTES = 16;

export const ACK_LINK_ERRORS = ['malformed', 'bad_signature', 'expired'] as const;
export type AckLinkError = (typeof ACK_LINK_ERRORS)[number];

export interface AckLinkClaims {
  readonly incidentId: string;
  readonly action: AckLinkAction;
  /** Milliseconds since the epoch; the link works while now < expiresAt. */
  readonly expiresAt: number;
  /** Unique per link: what single use is enforced on. */
  readonly nonce: string;
}

const NONCE = new RegExp(`^[A-Za-z0-9_-]{${Math.ceil((NONCE_BYTES * 4) / 3)}}$`);

const payloadSchema = z.strictObject({
  i: z.string().min(1),
  a: z.enum(ACK_LINK_ACTIONS),
  e: z.number().int().nonnegative(),
  n: z.string().regex(NONCE),
});

/** A fresh nonce from `randomBytes` (the host's crypto.getRandomValues; a fixed source in tests). */
export function newNonce(randomBytes: (n: number) => Uint8Array): string {
  return encodeBase64url(randomBytes(NONCE_BYTES));
}

/** The token for these claims, signed with `key` (ACK_LINK_SECRET; must not be empty). */
export async function signAckLink(claims: AckLinkClaims, key: string): Promise<string> {
  const json = JSON.stringify({ i: claims.incidentId, a: claims.action, e: claims.expiresAt, n: claims.nonce } satisfies z.input<typeof payloadSchema>);
  const signed = `${ACK_LINK_VERSION}.${encodeBase64url(new TextEncoder().encode(json))}`;
  return `${signed}.${encodeBase64url(await hmacSha256(key, signed))}`;
}

/**
 * The claims of a token signed with `key`, if it is well-formed, its
 * signature checks out and it has not expired at `now` (ms). Whether its
 * nonce was already used is for the caller to check.
 */
export async function verifyAckLink(token: string, key: string, now: number): Promise<Result<AckLinkClaims, AckLinkError>> {
  const parts = token.split('.');
  if (parts.length !== 3 || parts[0] !== ACK_LINK_VERSION) return err('malformed');
  const [version, payload, signature] = parts as [string, string, string];
  const payloadBytes = decodeBase64url(payload);
  const signatureBytes = decodeBase64url(signature);
  if (!payloadBytes || payloadBytes.length === 0 || !signatureBytes) return err('malformed');
  if (!(await verifyHmacSha256(key, `${version}.${payload}`, signatureBytes))) return err('bad_signature');
  const claims = readPayload(payloadBytes);
  if (!claims) return err('malformed');
  return now >= claims.expiresAt ? err('expired') : ok(claims);
}

/** Where a token is used: `${externalURL}/ack/${token}`. */
export function ackLinkUrl(externalURL: string, token: string): string {
  return `${externalURL}/ack/${token}`;
}

function readPayload(bytes: Uint8Array): AckLinkClaims | undefined {
  try {
    const parsed = payloadSchema.safeParse(JSON.parse(new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes)));
    return parsed.success ? { incidentId: parsed.data.i, action: parsed.data.a, expiresAt: parsed.data.e, nonce: parsed.data.n } : undefined;
  } catch {
    return undefined;
  }
}
