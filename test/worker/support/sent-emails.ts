/**
 * The email the Worker handed to its `send_email` bindings. Miniflare's
 * local send_email binding checks each message as Cloudflare does
 * (Message-ID present, From header = envelope sender, allowed recipients)
 * and stores it as an .eml file under its temporary folder; this service
 * runs in Node (vitest.config.ts binds it as SENT_EMAILS), finds the files
 * written since the test run started and parses them with mailparser.
 * Tests read them through sent-emails-client.ts.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';

/** One stored message, parsed. */
export interface SentEmail {
  readonly raw: string;
  readonly subject: string | undefined;
  readonly from: string | undefined;
  readonly to: string | undefined;
  readonly messageId: string | undefined;
  readonly text: string | undefined;
  readonly html: string | undefined;
  /** Header names (lower-case) in order. */
  readonly headerNames: readonly string[];
}

/** The SENT_EMAILS service: `GET /?contains=TEXT` lists the messages whose raw text contains TEXT, oldest first. */
export function sentEmails(): (request: Request) => Promise<Response> {
  const since = Date.now();
  return async (request) => {
    const contains = new URL(request.url).searchParams.get('contains') ?? '';
    const files: { path: string; at: number }[] = [];
    for (const dir of await readdir(tmpdir()).catch(() => [])) {
      if (!dir.startsWith('miniflare-')) continue;
      const folder = join(tmpdir(), dir, 'files', 'email');
      for (const name of await readdir(folder).catch(() => [])) {
        const path = join(folder, name);
        const at = (await stat(path)).mtimeMs;
        if (name.endsWith('.eml') && at >= since) files.push({ path, at });
      }
    }
    files.sort((a, b) => a.at - b.at);
    const found: SentEmail[] = [];
    for (const { path } of files) {
      const raw = await readFile(path, 'utf8');
      if (!raw.includes(contains)) continue;
      const parsed = await simpleParser(raw);
      const address = (v: typeof parsed.from | typeof parsed.to): string | undefined => (Array.isArray(v) ? v.map((a) => a.text).join(', ') : v?.text);
      found.push({
        raw,
        subject: parsed.subject,
        from: address(parsed.from),
        to: address(parsed.to),
        messageId: parsed.messageId,
        text: parsed.text,
        html: typeof parsed.html === 'string' ? parsed.html : undefined,
        headerNames: parsed.headerLines.map((h) => h.key),
      });
    }
    return Response.json(found);
  };
}
