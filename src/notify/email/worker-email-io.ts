/**
 * The EmailIO of the Worker: SMTP over `cloudflare:sockets`, messages for
 * `send_email` bindings as `EmailMessage`s of `cloudflare:email`, the
 * runtime clock and crypto.getRandomValues. Worker-only (the Dispatcher
 * builds it; unit tests never import it).
 * https://developers.cloudflare.com/email-service/api/send-emails/workers-api/
 */
import { EmailMessage } from 'cloudflare:email';
import { cloudflareSmtpConnect } from './cloudflare-socket.js';
import type { EmailIO } from './email-io.js';

/** The email IO for a Worker with these bindings (send_email bindings are looked up by name). */
export function workerEmailIO(bindings: object): EmailIO {
  const env = bindings as Readonly<Record<string, unknown>>;
  return {
    connect: cloudflareSmtpConnect,
    sendWithBinding: async (name, message) => {
      const binding = Object.prototype.hasOwnProperty.call(env, name) ? (env[name] as SendEmail | undefined) : undefined;
      if (!binding) throw Object.assign(new Error(`the Worker has no send_email binding ${JSON.stringify(name)}`), { code: 'E_NO_BINDING' });
      await binding.send(new EmailMessage(message.from, message.to, message.raw));
    },
    now: () => Date.now(),
    randomBytes: (length) => crypto.getRandomValues(new Uint8Array(length)),
  };
}
