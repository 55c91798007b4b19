/**
 * What the email integration needs from its runtime, passed in through the
 * NotifyContext so the integration stays plain TypeScript: a way to open
 * SMTP connections, a way to hand a message to a `send_email` binding, a
 * clock and randomness (Date header, Message-Id, MIME boundary). The Worker
 * builds it in worker-email-io.ts; tests build their own.
 */
import type { SmtpConnect } from './smtp/stream.js';

/** One message for a send_email binding: envelope sender, one recipient, the raw MIME text. */
export interface BindingMessage {
  readonly from: string;
  readonly to: string;
  readonly raw: string;
}

/**
 * Sends through the named `send_email` binding; rejects with the binding's
 * error (which carries a `code` such as `E_RATE_LIMIT_EXCEEDED`).
 */
export type SendWithBinding = (binding: string, message: BindingMessage) => Promise<void>;

export interface EmailIO {
  readonly connect: SmtpConnect;
  readonly sendWithBinding: SendWithBinding;
  /** Milliseconds since the epoch (the Date header, the Message-Id). */
  readonly now: () => number;
  /** `length` random bytes (the MIME boundary, the Message-Id). */
  readonly randomBytes: (length: number) => Uint8Array;
  /** Deadline for one SMTP conversation (default 60 s). */
  readonly smtpTimeoutMs?: number;
}
