/**
 * The email integration (Alertmanager's email_configs): renders the
 * message, then sends it by SMTP to the smarthost or through a
 * `send_email` binding. send_resolved defaults to false, as in
 * Alertmanager. What is retried: see email-outcome.ts.
 */
import type { EmailIntegration, SmtpTransport } from '../../config/types.js';
import type { TemplateSet } from '../../template/index.js';
import type { Notifier } from '../integration.js';
import type { NotifyOutcome } from '../outcome.js';
import type { EmailIO } from './email-io.js';
import { outcomeOfBindingError, outcomeOfSetup, outcomeOfSmtpFailure, scrubCredentials } from './email-outcome.js';
import { boundaryFrom, buildMessage, messageIdFor } from './mime/message.js';
import { renderEmail, type RenderedEmail } from './render-email.js';
import { sendMail } from './smtp/client.js';

/** Builds the notifier for one email_configs entry. */
export function emailNotifier(config: EmailIntegration, templates: TemplateSet): Notifier {
  return {
    name: 'email',
    sendResolved: config.sendResolved,
    async notify(notification, ctx) {
      const io = ctx.email;
      if (!io) return outcomeOfSetup('this runtime cannot send email');
      const rendered = renderEmail(config, templates, notification, ctx.externalURL, ctx.onTemplateError);
      if (!rendered.ok) return outcomeOfSetup(rendered.error);
      const raw = messageOf(rendered.value, io);
      const transport = config.transport;
      if (transport.kind === 'cloudflare') return sendWithBinding(io, transport.binding, rendered.value, raw);
      return sendWithSmtp(io, transport, rendered.value, raw);
    },
  };
}

function messageOf(email: RenderedEmail, io: EmailIO): string {
  const date = io.now();
  const domain = email.from.slice(email.from.lastIndexOf('@') + 1) || 'localhost';
  return buildMessage(email.content, { date, messageId: messageIdFor(date, io.randomBytes(8), domain), boundary: boundaryFrom(io.randomBytes(30)) });
}

async function sendWithSmtp(io: EmailIO, transport: SmtpTransport, email: RenderedEmail, message: string): Promise<NotifyOutcome> {
  const credentials = {
    username: transport.authUsername,
    password: transport.authPassword,
    secret: transport.authSecret,
    identity: transport.authIdentity,
  };
  const result = await sendMail(
    io.connect,
    {
      endpoint: { host: transport.host, port: transport.port, security: transport.port === 465 ? 'implicit-tls' : transport.requireTls ? 'starttls' : 'plain' },
      hello: transport.hello,
      requireTls: transport.requireTls,
      credentials,
      from: email.from,
      to: email.to,
      message,
    },
    io.smtpTimeoutMs === undefined ? {} : { timeoutMs: io.smtpTimeoutMs },
  );
  if (result.ok) return { ok: true };
  const plainBlob = `${credentials.identity}\0${credentials.username}\0${credentials.password}`;
  return scrubCredentials(outcomeOfSmtpFailure(result.error), [credentials.password, credentials.secret, plainBlob]);
}

/** One binding call per recipient: a send_email EmailMessage has a single envelope recipient. */
async function sendWithBinding(io: EmailIO, binding: string, email: RenderedEmail, raw: string): Promise<NotifyOutcome> {
  for (const to of email.to) {
    try {
      await io.sendWithBinding(binding, { from: email.from, to, raw });
    } catch (error) {
      return outcomeOfBindingError(error);
    }
  }
  return { ok: true };
}
