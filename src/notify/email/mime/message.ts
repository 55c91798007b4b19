/**
 * The email message Alertmanager 0.25 writes (notify/email/email.go), byte
 * for byte apart from its random parts:
 *
 *   <configured headers: Name: Q-encoded value>
 *   Message-Id: <nanos.random@host>      (unless configured)
 *   Date: Mon, 02 Jan 2006 15:04:05 -0700
 *   Content-Type: multipart/alternative;  boundary=<60 hex>
 *   MIME-Version: 1.0
 *
 *   --<boundary>
 *   Content-Transfer-Encoding: quoted-printable
 *   Content-Type: text/plain; charset=UTF-8
 *
 *   <text, quoted-printable>
 *   --<boundary>
 *   Content-Transfer-Encoding: quoted-printable
 *   Content-Type: text/html; charset=UTF-8
 *
 *   <html, quoted-printable>
 *   --<boundary>--
 *
 * (Go's multipart.Writer: a part after the first starts with CRLF, and so
 * does the closing delimiter.) The text part is there when the `text`
 * template is non-empty, the HTML part when `html` is (the preferred
 * alternative last, RFC 2046 5.1.4). Go writes the configured headers in
 * its random map order; edgealert writes From, To, Subject, then the rest
 * sorted by name. Every line ends in CRLF.
 */
import { toHex } from '../../../util/hex.js';
import { qEncodeHeader } from './encoded-word.js';
import { encodeQuotedPrintable } from './quoted-printable.js';

export interface MessageContent {
  /** Header names (canonical) and rendered values, not yet encoded. */
  readonly headers: ReadonlyMap<string, string>;
  /** The rendered text part; absent when the text template is empty. */
  readonly text?: string;
  /** The rendered HTML part; absent when the html template is empty. */
  readonly html?: string;
}

/** The random and clock-dependent parts, passed in so a message can be reproduced. */
export interface MessageEnvelope {
  /** Milliseconds since the epoch, for the Date header. */
  readonly date: number;
  /** The Message-Id value with its angle brackets, used unless a header sets one. */
  readonly messageId: string;
  /** The multipart boundary (Go: 30 random bytes in hex). */
  readonly boundary: string;
}

const FIRST = ['From', 'To', 'Subject'];

/** The full message, CRLF line endings, ready for DATA (before dot-stuffing) or a send_email binding. */
export function buildMessage(content: MessageContent, envelope: MessageEnvelope): string {
  const lines: string[] = [];
  for (const name of headerOrder(content.headers)) lines.push(`${name}: ${qEncodeHeader(content.headers.get(name) ?? '')}`);
  if (!content.headers.has('Message-Id')) lines.push(`Message-Id: ${envelope.messageId}`);
  // Go writes Date even when a header sets one; a message with two is invalid, so a configured one wins.
  if (!content.headers.has('Date')) lines.push(`Date: ${formatRfc1123z(envelope.date)}`);
  lines.push(`Content-Type: multipart/alternative;  boundary=${envelope.boundary}`, 'MIME-Version: 1.0', '');
  const parts: string[] = [];
  if (content.text !== undefined) parts.push(part(envelope.boundary, 'text/plain', content.text));
  if (content.html !== undefined) parts.push(part(envelope.boundary, 'text/html', content.html));
  return `${lines.join('\r\n')}\r\n${parts.join('\r\n')}\r\n--${envelope.boundary}--\r\n`;
}

function part(boundary: string, type: string, body: string): string {
  return [
    `--${boundary}`,
    'Content-Transfer-Encoding: quoted-printable',
    `Content-Type: ${type}; charset=UTF-8`,
    '',
    encodeQuotedPrintable(body),
  ].join('\r\n');
}

function headerOrder(headers: ReadonlyMap<string, string>): string[] {
  const rest = [...headers.keys()].filter((name) => !FIRST.includes(name)).sort();
  return [...FIRST.filter((name) => headers.has(name)), ...rest];
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Go's time.RFC1123Z in UTC: `Wed, 25 Nov 2026 07:23:28 +0000`. */
export function formatRfc1123z(ms: number): string {
  const d = new Date(ms);
  const two = (n: number): string => String(n).padStart(2, '0');
  return `${DAYS[d.getUTCDay()]}, ${two(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} +0000`;
}

/** Go's multipart boundary: 30 random bytes as lower-case hex. */
export function boundaryFrom(random: Uint8Array): string {
  return toHex(random.subarray(0, 30));
}

/**
 * A Message-Id like Alertmanager's `<UnixNano.randomUint64@hostname>`; a
 * Worker has no host name, so the sender's domain stands in.
 */
export function messageIdFor(date: number, random: Uint8Array, domain: string): string {
  const view = new DataView(random.buffer, random.byteOffset, 8);
  const rand = view.getBigUint64(0);
  return `<${BigInt(date) * 1_000_000n}.${rand}@${domain}>`;
}
