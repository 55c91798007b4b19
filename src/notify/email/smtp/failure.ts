/**
 * Why an SMTP delivery failed, in three kinds the retry decision needs:
 * the connection broke (network), the server answered with a code we did
 * not want (reply), or the conversation could not go on by the rules
 * (protocol: a malformed reply, no STARTTLS when TLS is required, no usable
 * AUTH mechanism).
 */

/** Where in the conversation it failed. */
export const SMTP_STAGES = ['connect', 'greeting', 'hello', 'starttls', 'auth', 'mail', 'rcpt', 'data', 'message'] as const;
export type SmtpStage = (typeof SMTP_STAGES)[number];

export type SmtpFailure =
  | { readonly kind: 'network'; readonly stage: SmtpStage; readonly detail: string }
  | { readonly kind: 'reply'; readonly stage: SmtpStage; readonly code: number; readonly text: string }
  | { readonly kind: 'protocol'; readonly stage: SmtpStage; readonly detail: string };

/** A failure as one line: `auth: 535 5.7.8 authentication failed`. */
export function describeSmtpFailure(failure: SmtpFailure): string {
  switch (failure.kind) {
    case 'reply':
      return `${failure.stage}: ${failure.code} ${failure.text}`.trimEnd();
    case 'network':
    case 'protocol':
      return `${failure.stage}: ${failure.detail}`;
  }
}

/** Thrown inside the conversation to end it; caught at its top. */
export class SmtpAbort extends Error {
  constructor(readonly failure: SmtpFailure) {
    super(describeSmtpFailure(failure));
  }
}
