/**
 * Payload shape: edgealert's message, sent through a real SMTP server, is
 * the message the real Alertmanager 0.25 sent for the same config and
 * alerts (testdata/alertmanager-0.25/*.eml, recorded by
 * test/conformance/email.test.ts, which also checks the live binary still
 * sends them), byte for byte once the Message-Id, Date and boundary are
 * taken out and the headers sorted (Go writes them in random map order).
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSmtpSink, type SmtpSink } from '../../../test/support/smtp-sink.js';
import type { Notification } from '../notification.js';
import { emailNotifier } from './email-notifier.js';
import { configOf, emailContext, emailIntegration, nodeEmailIO, notificationOf } from './testing/email-fixtures.js';
import { normalizeMail } from './testing/normalize-mail.js';
import { DEFAULTS_ALERT, GOLDEN_EXTERNAL_URL, GOLDEN_FILES, goldenConfig, MAIL_ALERTS } from './testdata/golden-scenario.js';

const golden = (file: string): string => readFileSync(new URL(`./testdata/${file}`, import.meta.url), 'utf8');

let sink: SmtpSink;
beforeAll(async () => {
  sink = await startSmtpSink({ tls: 'none' });
});
afterAll(() => sink.close());

async function sent(receiver: string, notification: Notification): Promise<string> {
  const config = configOf(goldenConfig(`127.0.0.1:${sink.port}`));
  const before = sink.mails.length;
  const outcome = await emailNotifier(emailIntegration(config, receiver), config.templates).notify(notification, emailContext(nodeEmailIO(), GOLDEN_EXTERNAL_URL));
  expect(outcome).toEqual({ ok: true });
  const mails = await sink.waitForMails(before + 1);
  return (mails[before] as (typeof mails)[number]).raw;
}

describe('the email message, against Alertmanager 0.25', () => {
  it.each([
    ['firing', 'mail', GOLDEN_FILES.firing, notificationOf('mail', { alertname: 'DiskFull' }, MAIL_ALERTS)],
    ['resolved', 'mail', GOLDEN_FILES.resolved, notificationOf('mail', { alertname: 'DiskFull' }, MAIL_ALERTS.map((a) => ({ ...a, resolved: true })))],
    ['all defaults', 'defaults', GOLDEN_FILES.defaults, notificationOf('defaults', { alertname: 'Disk<Full>' }, [DEFAULTS_ALERT])],
  ])('sends what the binary sent: %s', async (_what, receiver, file, notification) => {
    const ours = normalizeMail(await sent(receiver, notification));
    const theirs = normalizeMail(golden(file));
    expect(ours.headers).toEqual(theirs.headers);
    expect(ours.body).toBe(theirs.body);
  });

  it('writes the random parts in Go\'s formats: Message-Id from the clock and the sender\'s domain, Date in RFC 1123 with a zone', async () => {
    const mail = normalizeMail(await sent('defaults', notificationOf('defaults', { alertname: 'Disk<Full>' }, [DEFAULTS_ALERT])));
    expect(mail.messageId).toMatch(/^<1767323045000000000\.\d+@example\.com>$/);
    expect(mail.date).toBe('Fri, 02 Jan 2026 03:04:05 +0000');
  });
});
