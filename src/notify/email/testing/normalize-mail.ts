/**
 * A received email with its random parts taken out, so two messages (the
 * real Alertmanager's and edgealert's, or edgealert's and a golden file)
 * can be compared byte for byte: the Message-Id, the Date and the MIME
 * boundary are checked for their format and replaced; headers are sorted,
 * since Alertmanager writes them in Go's random map order.
 */

export interface NormalizedMail {
  /** `Name: value` lines (unfolded), sorted, without Message-Id and Date. */
  readonly headers: readonly string[];
  /** Everything after the header block, the boundary replaced by `BOUNDARY`. */
  readonly body: string;
  readonly messageId: string;
  readonly date: string;
}

/** Go's `<UnixNano.randomUint64@host>`. */
export const MESSAGE_ID = /^<\d+\.\d+@[^>\s]+>$/;
/** Go's time.RFC1123Z. */
export const RFC1123Z = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} [+-]\d{4}$/;
/** Go's multipart boundary: 30 random bytes in hex. */
const BOUNDARY = /^multipart\/alternative;  boundary=([0-9a-f]{60})$/;

/** Splits and normalizes a raw message; throws when a random part has the wrong format. */
export function normalizeMail(raw: string): NormalizedMail {
  const split = raw.indexOf('\r\n\r\n');
  if (split < 0) throw new Error('no header block');
  const lines = raw.slice(0, split).replace(/\r\n[ \t]/g, ' ').split('\r\n');
  const value = (name: string): string => {
    const found = lines.filter((l) => l.toLowerCase().startsWith(`${name.toLowerCase()}: `));
    if (found.length !== 1) throw new Error(`expected one ${name} header, found ${found.length}`);
    return (found[0] as string).slice(name.length + 2);
  };
  const messageId = value('Message-Id');
  const date = value('Date');
  if (!MESSAGE_ID.test(messageId)) throw new Error(`Message-Id ${messageId} is not <nanos.random@host>`);
  if (!RFC1123Z.test(date)) throw new Error(`Date ${date} is not RFC 1123 with a numeric zone`);
  const boundary = BOUNDARY.exec(value('Content-Type'))?.[1];
  if (boundary === undefined) throw new Error(`Content-Type ${value('Content-Type')} is not multipart/alternative with Go's boundary`);
  const headers = lines
    .filter((l) => !/^(message-id|date): /i.test(l))
    .map((l) => l.replace(boundary, 'BOUNDARY'))
    .sort();
  return { headers, body: raw.slice(split + 4).split(boundary).join('BOUNDARY'), messageId, date };
}
