/**
 * Reading SMTP replies (RFC 5321 4.2) as Go's textproto.ReadResponse does:
 * `250-first` lines continue, `250 last` ends the reply; every line must
 * carry the same three-digit code.
 */
import { SmtpAbort, type SmtpStage } from './failure.js';
import { LineTooLong, type LineReader } from './stream.js';

export interface SmtpReply {
  readonly code: number;
  /** The text of each line after the code and separator. */
  readonly lines: readonly string[];
}

/** The reply text as Go joins it (lines separated by `\n`). */
export function replyText(reply: SmtpReply): string {
  return reply.lines.join('\n');
}

/** Reads one reply; a broken connection or malformed reply aborts the conversation. */
export async function readReply(reader: LineReader, stage: SmtpStage): Promise<SmtpReply> {
  const lines: string[] = [];
  let code: number | undefined;
  for (;;) {
    let line: string | undefined;
    try {
      line = await reader.readLine();
    } catch (e) {
      if (e instanceof LineTooLong) throw new SmtpAbort({ kind: 'protocol', stage, detail: 'reply line too long' });
      throw new SmtpAbort({ kind: 'network', stage, detail: 'connection failed while reading the reply' });
    }
    if (line === undefined) throw new SmtpAbort({ kind: 'network', stage, detail: 'connection closed by the server' });
    const match = /^([2-5][0-9]{2})([ -]|$)(.*)$/.exec(line);
    if (!match) throw new SmtpAbort({ kind: 'protocol', stage, detail: `malformed reply ${JSON.stringify(line.slice(0, 80))}` });
    const lineCode = Number(match[1]);
    if (code !== undefined && lineCode !== code) {
      throw new SmtpAbort({ kind: 'protocol', stage, detail: `reply lines disagree on the code (${code}, then ${lineCode})` });
    }
    code = lineCode;
    lines.push(match[3] ?? '');
    if (match[2] !== '-') return { code, lines };
  }
}

/**
 * Fails the stage unless the reply's code is accepted: `accept` is a full
 * code (250), or a prefix the way Go's expectCode reads it (25 = 25x).
 */
export function expectCode(reply: SmtpReply, accept: number, stage: SmtpStage): void {
  const ok = accept < 10 ? Math.floor(reply.code / 100) === accept : accept < 100 ? Math.floor(reply.code / 10) === accept : reply.code === accept;
  if (!ok) throw new SmtpAbort({ kind: 'reply', stage, code: reply.code, text: replyText(reply) });
}
