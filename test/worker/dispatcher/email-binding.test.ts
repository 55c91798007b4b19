/**
 * Email through a `send_email` binding (`transport: cloudflare`) inside
 * workerd: the Dispatcher renders the MIME message and hands it to the
 * binding as an EmailMessage from `cloudflare:email`, one per recipient.
 * Miniflare's binding checks what Cloudflare checks (a Message-ID, the From
 * header equal to the envelope sender, allowed recipients) and stores the
 * message, which is then parsed in Node (support/sent-emails.ts).
 *
 * SMTP over `cloudflare:sockets` cannot run here: the pool sends all
 * outbound traffic to a JavaScript service (the webhook receiver), which
 * cannot take a TCP connection ("Incoming CONNECT on a worker not
 * supported"). test/conformance/email.test.ts covers it under wrangler dev.
 */
import { describe, expect, it } from 'vitest';
import { api, useConfig } from '../support/edgealert.js';
import { sentEmailsContaining } from '../support/sent-emails-client.js';
import { advanceTo, firing, freshStatePerTest, nextAlarm, push, resolved } from '../support/timeline.js';

useConfig(`
route:
  receiver: mail
  group_by: [alertname]
  group_wait: 1s
  group_interval: 1m
  repeat_interval: 1h
  routes:
    - matchers: [kind="restricted"]
      receiver: restricted
receivers:
  - name: mail
    email_configs:
      - to: 'ops@example.com, "DB Team" <dba@example.com>'
        from: 'Alertmanager <alerts@example.com>'
        transport: cloudflare
        binding: SEND_EMAIL
        send_resolved: true
        text: '{{ template "__text_alert_list" .Alerts }}'
        headers: { X-Team: 'dépôt' }
  - name: restricted
    email_configs:
      - to: nobody@example.com
        from: alerts@example.com
        transport: cloudflare
        binding: ONLY_OPS
`);
freshStatePerTest();

/** An alertname no other test (or earlier run in this process) uses, to find its messages. */
const unique = (what: string): string => `${what}${crypto.randomUUID().slice(0, 8)}`;

describe('email through a send_email binding', () => {
  it('sends the multipart message once per recipient, and the resolved one after', async () => {
    const name = unique('DiskFull');
    await push([firing(name, { instance: 'h1' })]);
    await advanceTo(1000);

    const firingMails = await sentEmailsContaining(name);
    expect(firingMails).toHaveLength(2); // an EmailMessage has one envelope recipient
    for (const mail of firingMails) {
      expect(mail).toMatchObject({
        subject: `[FIRING:1] ${name} (h1)`,
        from: '"Alertmanager" <alerts@example.com>',
        to: 'ops@example.com, "DB Team" <dba@example.com>',
        messageId: expect.stringMatching(/^<\d+\.\d+@example\.com>$/),
      });
      expect(mail.text).toContain(` - alertname = ${name}\n - instance = h1\n`);
      expect(mail.html).toContain(`<title>[FIRING:1] ${name} (h1)</title>`);
      expect(mail.raw).toContain('X-Team: =?utf-8?q?d=C3=A9p=C3=B4t?=\r\n');
      expect(mail.raw).toContain('Date: Sun, 01 Jan 2040 12:00:01 +0000\r\n'); // the Dispatcher's clock
      expect(mail.headerNames.slice(0, 3)).toEqual(['from', 'to', 'subject']);
    }

    await push([resolved(name, { instance: 'h1' })]);
    await advanceTo(61_000);
    const all = await sentEmailsContaining(name);
    expect(all.map((m) => m.subject)).toEqual([`[FIRING:1] ${name} (h1)`, `[FIRING:1] ${name} (h1)`, `[RESOLVED] ${name} (h1)`, `[RESOLVED] ${name} (h1)`]);
  });

  it('does not retry what the binding refuses (a recipient it may not send to), and counts the failure', async () => {
    const name = unique('Refused');
    await push([firing(name, { kind: 'restricted' })]);
    await advanceTo(1000);
    expect(await sentEmailsContaining(name)).toEqual([]);
    // No retry alarm: the next one is the group's tick a minute later.
    expect(await nextAlarm()).toBe(61_000);
    const metrics = await (await api('/metrics')).text();
    expect(metrics).toMatch(/alertmanager_notifications_failed_total\{[^}]*integration="email"[^}]*reason="other"[^}]*\} 1/);
  });
});
