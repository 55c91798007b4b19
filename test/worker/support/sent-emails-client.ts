/**
 * The tests' side of sent-emails.ts: the messages the Worker handed to its
 * send_email bindings (as Miniflare stored them), through SENT_EMAILS.
 */
import { testEnv } from './edgealert.js';
import type { SentEmail } from './sent-emails.js';

export type { SentEmail };

/** Every message sent since the run started whose raw text contains `marker`, oldest first. */
export async function sentEmailsContaining(marker: string): Promise<SentEmail[]> {
  const service = (testEnv as unknown as { SENT_EMAILS: Fetcher }).SENT_EMAILS;
  const res = await service.fetch(`http://sent-emails.control/?contains=${encodeURIComponent(marker)}`);
  if (!res.ok) throw new Error(`sent emails: ${res.status} ${await res.text()}`);
  return res.json();
}
