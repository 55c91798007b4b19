import { describe, expect, it } from 'vitest';
import { formatConfigErrors, loadConfig, type ConfigError } from './load.js';
import type { Config, EmailIntegration } from './types.js';

const ENV = { SMTP_PASSWORD: 'pw-from-secret', SMTP_SECRET: 'cram-from-secret', SEND_EMAIL: {} };

const yaml = (entry: string, global = ''): string => `${global}
route: { receiver: mail }
receivers:
  - name: mail
    email_configs:
      - ${entry}
`;

function load(text: string, env: Record<string, unknown> = ENV): Config {
  const loaded = loadConfig(text, env);
  if (!loaded.ok) throw new Error(formatConfigErrors(loaded.error));
  return loaded.value;
}

function email(text: string, env: Record<string, unknown> = ENV): EmailIntegration {
  const integration = load(text, env).receivers.get('mail')?.integrations[0];
  if (integration?.type !== 'email') throw new Error('no email integration');
  return integration;
}

function errorsOf(text: string, env: Record<string, unknown> = ENV): [string, string][] {
  const loaded = loadConfig(text, env);
  return loaded.ok ? [] : loaded.error.map((e: ConfigError) => [e.path, e.message]);
}

const E = 'receivers[0].email_configs[0]';

describe('email_configs with Alertmanager defaults', () => {
  it('fills smarthost, from, hello, auth and require_tls from global, and the Subject/To/From headers', () => {
    const global = `global:
  smtp_smarthost: 'mail.example.com:587'
  smtp_from: 'am@example.com'
  smtp_hello: edge.example.com
  smtp_auth_username: alerts
  smtp_auth_password: '\${SMTP_PASSWORD}'
  smtp_auth_secret: '\${SMTP_SECRET}'
  smtp_auth_identity: ops
  smtp_require_tls: false`;
    expect(email(yaml('{ to: ops@example.com }', global))).toEqual({
      type: 'email',
      sendResolved: false,
      to: 'ops@example.com',
      from: 'am@example.com',
      headers: new Map([
        ['Subject', '{{ template "email.default.subject" . }}'],
        ['To', 'ops@example.com'],
        ['From', 'am@example.com'],
      ]),
      html: '{{ template "email.default.html" . }}',
      text: '',
      transport: {
        kind: 'smtp',
        host: 'mail.example.com',
        port: 587,
        hello: 'edge.example.com',
        requireTls: false,
        authUsername: 'alerts',
        authPassword: 'pw-from-secret',
        authSecret: 'cram-from-secret',
        authIdentity: 'ops',
      },
    });
  });

  it("prefers the config's own fields; hello defaults to localhost and require_tls to true", () => {
    const own = email(yaml(`{ to: a@x.org, from: b@x.org, smarthost: '[2001:db8::1]:465', auth_username: me, send_resolved: true, html: '', text: hi }`));
    expect(own).toMatchObject({ sendResolved: true, from: 'b@x.org', html: '', text: 'hi' });
    expect(own.transport).toMatchObject({ host: '2001:db8::1', port: 465, hello: 'localhost', requireTls: true, authUsername: 'me', authPassword: '' });
  });

  it('keys headers by their canonical name, so `subject` replaces the default Subject', () => {
    const headers = email(yaml(`{ to: a@x.org, from: b@x.org, smarthost: 'm:587', headers: { subject: hi, x-team: db, from: 'Ops <b@x.org>' } }`)).headers;
    expect([...headers]).toEqual([
      ['Subject', 'hi'],
      ['X-Team', 'db'],
      ['From', 'Ops <b@x.org>'],
      ['To', 'a@x.org'],
    ]);
  });

  it('takes transport: cloudflare with a binding the Worker has', () => {
    expect(email(yaml('{ to: a@x.org, from: b@x.org, transport: cloudflare, binding: SEND_EMAIL }')).transport).toEqual({ kind: 'cloudflare', binding: 'SEND_EMAIL' });
  });

  it('accepts global SMTP settings no email config uses, as Alertmanager does (port 25 and a literal password included)', () => {
    expect(errorsOf(`global: { smtp_smarthost: 'mail:25', smtp_auth_password: literal }\nroute: { receiver: a }\nreceivers: [{ name: a }]`)).toEqual([]);
  });
});

describe('email_configs checks', () => {
  const ok = `to: a@x.org, from: b@x.org, smarthost: 'mail.example.com:587'`;

  it.each([
    ['no to', `{ from: b@x.org, smarthost: 'm:587' }`, [[`${E}.to`, 'missing to address in email config']]],
    ['no smarthost anywhere', '{ to: a@x.org, from: b@x.org }', [[E, 'no global SMTP smarthost set (set smarthost here or global.smtp_smarthost, or use transport: cloudflare)']]],
    ['no from anywhere', `{ to: a@x.org, smarthost: 'm:587' }`, [[E, 'no global SMTP from set (set from here or global.smtp_from)']]],
    ['a smarthost without port', `{ ${ok}, smarthost: mail }`, 'duplicate'],
    ['two headers that are one in canonical form', `{ ${ok}, headers: { Subject: a, subject: b } }`, [[`${E}.headers`, 'duplicate header "Subject" in email config']]],
    ['an invalid header name', `{ ${ok}, headers: { 'X Team': a } }`, [[`${E}.headers.X Team`, 'invalid header name "X Team"']]],
    ['an unknown transport', `{ ${ok}, transport: sendgrid }`, [[`${E}.transport`, 'unknown transport "sendgrid": use smtp (a smarthost) or cloudflare (a send_email binding)']]],
    ['a binding without transport: cloudflare', `{ ${ok}, binding: SEND_EMAIL }`, [[`${E}.binding`, 'binding is only used with transport: cloudflare']]],
    ['auth_password_file', `{ ${ok}, auth_password_file: /pw }`, [[`${E}.auth_password_file`, expect.stringContaining('cannot read files')]]],
    ['tls_config.ca_file', `{ ${ok}, tls_config: { ca_file: /ca.pem } }`, [[`${E}.tls_config.ca_file`, expect.stringContaining('public certificate authorities')]]],
    ['tls_config.insecure_skip_verify', `{ ${ok}, tls_config: { insecure_skip_verify: true } }`, [[`${E}.tls_config.insecure_skip_verify`, 'not supported: Workers sockets always verify TLS certificates']]],
    ['tls_config.cert_file', `{ ${ok}, tls_config: { cert_file: /c.pem, key_file: /k.pem } }`, 'two'],
    ['a tls_config.server_name other than the smarthost host', `{ ${ok}, tls_config: { server_name: mx.example.com } }`, [[`${E}.tls_config.server_name`, "not supported: Workers sockets verify the certificate against the smarthost's host (mail.example.com); use that name in smarthost"]]],
    ['a hello with a line break', `{ ${ok}, hello: "a\\r\\nRSET" }`, [[`${E}.hello`, 'must be a single line (it is sent as EHLO <hello>)']]],
    ['a from that is not an address', `{ to: a@x.org, from: alertmanager, smarthost: 'm:587' }`, [[`${E}.from`, "parse 'from' addresses: mail: no angle-addr"]]],
    ['two from addresses', `{ to: a@x.org, from: 'a@x.org, b@x.org', smarthost: 'm:587' }`, [[`${E}.from`, "must be exactly one 'from' address (got: 2)"]]],
    ['a to that is not an address list', `{ to: 'a@x.org b@x.org', from: b@x.org, smarthost: 'm:587' }`, [[`${E}.to`, "parse 'to' addresses: mail: expected comma"]]],
  ])('refuses %s', (_why, entry, want) => {
    const errors = errorsOf(yaml(entry));
    if (want === 'duplicate' || want === 'two') expect(errors.length).toBeGreaterThan(0);
    else expect(errors).toEqual(want);
  });

  it('accepts tls_config.server_name equal to the smarthost host, and min/max_version (left to the runtime)', () => {
    expect(errorsOf(yaml(`{ ${ok}, tls_config: { server_name: mail.example.com, min_version: TLS12, max_version: TLS13 } }`))).toEqual([]);
  });

  it('does not parse from/to that are templates (they are checked when rendered)', () => {
    expect(errorsOf(yaml(`{ to: '{{ .CommonLabels.owner }}', from: '{{ .Receiver }}@x.org', smarthost: 'm:587' }`))).toEqual([]);
  });

  describe('port 25', () => {
    const blocked = expect.stringMatching(/^port 25 is blocked: Cloudflare Workers cannot open outbound connections to port 25; use .* 587 .* 465 .* transport: cloudflare/);
    it.each([
      ['on the config', `{ to: a@x.org, from: b@x.org, smarthost: 'mail.example.com:25' }`, '', `${E}.smarthost`],
      ['by its service name', `{ to: a@x.org, from: b@x.org, smarthost: 'mail.example.com:smtp' }`, '', `${E}.smarthost`],
      ['inherited from global', '{ to: a@x.org, from: b@x.org }', "global: { smtp_smarthost: 'mail.example.com:25' }", 'global.smtp_smarthost'],
    ])('is refused %s, saying why and what to use instead', (_why, entry, global, path) => {
      expect(errorsOf(yaml(entry, global))).toEqual([[path, blocked]]);
    });

    it('is fine with transport: cloudflare, which needs no smarthost', () => {
      expect(errorsOf(yaml('{ to: a@x.org, from: b@x.org, transport: cloudflare, binding: SEND_EMAIL }', "global: { smtp_smarthost: 'mail:25' }"))).toEqual([]);
    });
  });

  describe('credentials only as ${NAME}', () => {
    it.each([
      ['auth_password', `{ ${ok}, auth_password: hunter2 }`, `${E}.auth_password`],
      ['auth_secret', `{ ${ok}, auth_secret: hunter2 }`, `${E}.auth_secret`],
    ])('refuses a literal %s without printing it', (_field, entry, path) => {
      const errors = errorsOf(yaml(entry));
      expect(errors).toEqual([[path, expect.stringMatching(/^a credential must not be written in the config .*wrangler secret put SMTP_/)]]);
      expect(JSON.stringify(errors)).not.toContain('hunter2');
    });

    it('refuses a literal global password once, where a config inherits it', () => {
      const global = 'global: { smtp_auth_password: hunter2 }';
      const twice = `${yaml(`{ ${ok} }`, global)}      - { ${ok} }\n`;
      expect(errorsOf(twice)).toEqual([['global.smtp_auth_password', expect.stringContaining('write smtp_auth_password: ${SMTP_PASSWORD}')]]);
    });

    it("accepts a literal global password that no config uses (each has its own reference)", () => {
      expect(errorsOf(yaml(`{ ${ok}, auth_password: '\${SMTP_PASSWORD}' }`, 'global: { smtp_auth_password: hunter2 }'))).toEqual([]);
    });
  });

  describe('transport: cloudflare', () => {
    it('needs a binding name', () => {
      expect(errorsOf(yaml('{ to: a@x.org, from: b@x.org, transport: cloudflare }'))).toEqual([[E, 'transport: cloudflare needs binding: the name of a [[send_email]] binding in wrangler.toml']]);
    });

    it('needs the Worker to have that binding', () => {
      expect(errorsOf(yaml('{ to: a@x.org, from: b@x.org, transport: cloudflare, binding: MAIL }'))).toEqual([
        [`${E}.binding`, 'the Worker has no send_email binding "MAIL": add [[send_email]] name = "MAIL" to wrangler.toml'],
      ]);
      expect(errorsOf(yaml('{ to: a@x.org, from: b@x.org, transport: cloudflare, binding: SMTP_PASSWORD }'))).toHaveLength(1); // a secret, not a binding
    });

    it('refuses SMTP settings that would do nothing', () => {
      expect(errorsOf(yaml(`{ to: a@x.org, from: b@x.org, transport: cloudflare, binding: SEND_EMAIL, smarthost: 'm:587', auth_username: u }`))).toEqual([
        [`${E}.smarthost`, 'smarthost has no effect with transport: cloudflare (the send_email binding delivers)'],
        [`${E}.auth_username`, 'auth_username has no effect with transport: cloudflare (the send_email binding delivers)'],
      ]);
    });
  });
});

describe('email in a receiver', () => {
  it("comes after the receiver's webhooks, in Alertmanager's integration order", () => {
    const config = load(`route: { receiver: r }
receivers:
  - name: r
    email_configs: [{ to: a@x.org, from: b@x.org, smarthost: 'm:587' }]
    webhook_configs: [{ url: 'http://hook' }]
`);
    expect(config.receivers.get('r')?.integrations.map((i) => i.type)).toEqual(['webhook', 'email']);
  });
});
