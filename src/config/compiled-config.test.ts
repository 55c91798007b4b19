/**
 * The compiled config: compiled at build time with placeholders for the
 * secrets, rebuilt by the Worker with the secrets' values, it must be the
 * Config loadConfig gives with those values; and the Worker's checks of
 * the secrets name the path and the secret, never a value.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { diskNotification } from '../notify/testdata/notification.js';
import { templateData, type TemplateFile } from '../template/alertmanager/index.js';
import { compileConfigText } from './compile-config-text.js';
import { compileConfig } from './compile-config.js';
import type { CompiledConfig } from './compiled-config.js';
import { configFromCompiled } from './config-from-compiled.js';
import { formatConfigErrors, loadConfig } from './load.js';
import { secretPlaceholders } from './secret-placeholders.js';
import type { Config, EmailIntegration, SlackIntegration, WebhookIntegration } from './types.js';

const FIXTURE = readFileSync(new URL('./testdata/compile-fixture.yml', import.meta.url), 'utf8');
const TEMPLATES = [{ name: 'templates/mine.tmpl', text: '{{ define "mine.title" }}[{{ .Status }}] {{ .GroupLabels.alertname }}{{ end }}' }];

/** The fixture's secrets, some with the spaces and newline a secret store may keep. */
const SECRETS = {
  SMTP_HOST: 'smtp-s3cr3t.example.com',
  FROM_ADDRESS: 'from-s3cr3t@example.com',
  SMTP_PASSWORD: 'smtp-pässword',
  SLACK_API_URL: 'https://hooks.slack.com/services/T0/B0/global-s3cr3t',
  BASIC_PASSWORD: ' basic-s3cr3t\n',
  LABEL_TOKEN: 'label-s3cr3t',
  HOOK_URL: 'https://hooks.example.com/hook/s3cr3t',
  HOOK_TOKEN: 'T0/B0/hook-s3cr3t',
  API_TOKEN: 'api-s3cr3t\n',
  ONCALL_EMAIL: 'oncall-s3cr3t@example.com',
  SMTP_USER: 'user-s3cr3t',
  SMTP_SECRET: 'cram-s3cr3t',
  PD_ROUTING_KEY: 'R0UT1NGs3cr3t',
  PD_SERVICE_KEY: 'SERV1CEs3cr3t',
  SLACK_APP_TOKEN: ' xoxb-s3cr3t ',
  SLACK_HOOK_PATH: 'T1/B1/team-s3cr3t',
  BOB_EMAIL: 'bob-s3cr3t@example.com',
};
const ENV = { ...SECRETS, SEND_EMAIL: {} };

function compile(yaml: string, templates: readonly TemplateFile[] = []): CompiledConfig {
  const compiled = compileConfigText(yaml, { templates });
  if (!compiled.ok) throw new Error(formatConfigErrors(compiled.error));
  // Through JSON text, as the bundle and EDGEALERT_CONFIG carry it.
  return JSON.parse(JSON.stringify(compiled.value)) as CompiledConfig;
}

function rebuild(yaml: string, env: Record<string, unknown> = ENV, templates: readonly TemplateFile[] = []): Config {
  const config = configFromCompiled(compile(yaml, templates), env);
  if (!config.ok) throw new Error(formatConfigErrors(config.error));
  return config.value;
}

function load(yaml: string, env: Record<string, unknown> = ENV, templates: readonly TemplateFile[] = []): Config {
  const config = loadConfig(yaml, env, { templates });
  if (!config.ok) throw new Error(formatConfigErrors(config.error));
  return config.value;
}

/** The errors a compiled config gives with `env`, as `path: message`. */
function loadErrors(yaml: string, env: Record<string, unknown>): string[] {
  const config = configFromCompiled(compile(yaml), env);
  return config.ok ? [] : config.error.map((e) => `${e.path}: ${e.message}`);
}

const withoutTemplates = ({ templates: _set, ...rest }: Config) => rest;
const integration = <T>(config: Config, receiver: string, index: number) => config.receivers.get(receiver)?.integrations[index] as T;

describe('compile, then rebuild with the secrets', () => {
  const rebuilt = rebuild(FIXTURE, ENV, TEMPLATES);
  const loaded = load(FIXTURE, ENV, TEMPLATES);

  it('gives the config loadConfig gives with the same secrets', () => {
    expect(withoutTemplates(rebuilt)).toEqual(withoutTemplates(loaded));
    // Maps keep their order (receivers by file order, the notification log keys integrations by position).
    expect([...rebuilt.receivers.keys()]).toEqual([...loaded.receivers.keys()]);
  });

  it('holds no secret in the compiled form', () => {
    const json = JSON.stringify(compile(FIXTURE, TEMPLATES));
    for (const value of Object.values(SECRETS)) expect(json).not.toContain(value.trim());
  });

  it('puts secrets in whole and partial references, in strings, map values and keys of routes', () => {
    expect(integration<WebhookIntegration>(rebuilt, 'hooks', 0).url).toBe(SECRETS.HOOK_URL);
    expect(integration<WebhookIntegration>(rebuilt, 'hooks', 1).url).toBe(`https://hooks.example.com/services/${SECRETS.HOOK_TOKEN}?v=1`);
    expect(integration<EmailIntegration>(rebuilt, 'mail', 0).headers.get('To')).toBe(`${SECRETS.ONCALL_EMAIL}, team@example.com`);
    expect(integration<EmailIntegration>(rebuilt, 'mail', 0).transport).toMatchObject({ kind: 'smtp', host: SECRETS.SMTP_HOST, port: 587 });
    expect(rebuilt.route.routes.at(-1)?.key).toBe(`{}/{token="${SECRETS.LABEL_TOKEN}"}`);
  });

  it('takes a secret inside the userinfo or host of a URL as the loader does with the secret', () => {
    const yaml = `
route: { receiver: parts }
receivers:
  - name: parts
    webhook_configs:
      - url: https://bot:\${HOOK_PASS}@hooks.example.com/in
      - url: https://\${HOOK_HOST}.example.com/in
`;
    const env = { HOOK_PASS: 's3cr3t', HOOK_HOST: 'Hooks-Eu' };
    const rebuiltParts = rebuild(yaml, env);
    const loaded = load(yaml, env);
    expect(integration<WebhookIntegration>(rebuiltParts, 'parts', 0).url).toBe(integration<WebhookIntegration>(loaded, 'parts', 0).url);
    expect(integration<WebhookIntegration>(rebuiltParts, 'parts', 0).url).toBe('https://bot:s3cr3t@hooks.example.com/in');
    expect(integration<WebhookIntegration>(rebuiltParts, 'parts', 1).url).toBe(integration<WebhookIntegration>(loaded, 'parts', 1).url);
  });

  it('sends no Authorization header for a bearer_token secret set to an empty string, as the loader does', () => {
    const yaml = `
route: { receiver: hook }
receivers:
  - name: hook
    webhook_configs: [{ url: 'https://hooks.example.com/in', http_config: { bearer_token: '\${HOOK_TOKEN}' } }]
`;
    const header = (env: Record<string, unknown>) => integration<WebhookIntegration>(rebuild(yaml, env), 'hook', 0).http.authorization;
    expect(header({ HOOK_TOKEN: '' })).toBeUndefined();
    expect(header({ HOOK_TOKEN: '' })).toBe(integration<WebhookIntegration>(load(yaml, { HOOK_TOKEN: '' }), 'hook', 0).http.authorization);
    expect(header({ HOOK_TOKEN: ' t0k ' })).toBe('Bearer t0k');
  });

  it('makes Authorization headers from the secrets, trimmed as Alertmanager trims them', () => {
    expect(rebuilt.global.http.authorization).toBe(`Basic ${btoa('ops:basic-s3cr3t')}`);
    expect(integration<WebhookIntegration>(rebuilt, 'hooks', 1).http.authorization).toBe('Token api-s3cr3t');
    expect(integration<WebhookIntegration>(rebuilt, 'hooks', 2).http.authorization).toBe('Bearer api-s3cr3t');
    expect(integration<SlackIntegration>(rebuilt, 'chat', 1).http.authorization).toBe('Bearer xoxb-s3cr3t');
  });

  it('renders templates as the loaded config does', () => {
    const data = templateData(diskNotification('firing', 'resolved'), { externalURL: 'http://edgealert.test' });
    for (const name of ['mine.title', 'slack.default.title', 'email.default.subject']) {
      expect(rebuilt.templates.execute(name, data)).toEqual(loaded.templates.execute(name, data));
    }
    expect(rebuilt.templates.execute('mine.title', data)).toEqual({ ok: true, value: '[firing] DiskFull' });
  });

  it('keeps the redacted config text for /api/v2/status', () => {
    expect(rebuilt.redactedOriginal).toBe(loaded.redactedOriginal);
    expect(rebuilt.redactedOriginal).toContain('url: <secret>');
  });

  it('compiles the same text to the same output (no placeholder token in it)', () => {
    expect(JSON.stringify(compile(FIXTURE, TEMPLATES))).toBe(JSON.stringify(compile(FIXTURE, TEMPLATES)));
  });
});

describe('the Worker checks of secrets', () => {
  const HOOK = `route: {receiver: a}\nreceivers:\n  - name: a\n    webhook_configs:\n      - url: \${HOOK}\n      - url: https://hooks.example.com/\${TOKEN}\n`;

  it('reports an unset secret at its path, as the loader does', () => {
    expect(loadErrors(HOOK, { HOOK: 'https://example.com/x' })).toEqual([
      'receivers[0].webhook_configs[1].url: secret ${TOKEN} is not set (add it with `wrangler secret put TOKEN` or to .dev.vars)',
    ]);
    expect(loadErrors(HOOK, { HOOK: 'https://example.com/x', TOKEN: {} })).toEqual([
      'receivers[0].webhook_configs[1].url: secret ${TOKEN} is not a string in the Worker environment (is the name used by a binding?)',
    ]);
  });

  it.each([
    ['a URL field whose secret is not a URL', HOOK, { HOOK: 'ftp://s3cr3t-host/x', TOKEN: 't' }, 'receivers[0].webhook_configs[0].url: with the value of secret ${HOOK} this is not a valid http or https URL'],
    [
      'a URL whose host, a secret, is not a host',
      'route: {receiver: a}\nreceivers: [{name: a, webhook_configs: [{url: "https://${HOST}/hook"}]}]\n',
      { HOST: 'bad s3cr3t' },
      'receivers[0].webhook_configs[0].url: with the value of secret ${HOST} this is not a valid http or https URL',
    ],
    [
      'a host:port whose secret holds a colon',
      'global: {smtp_smarthost: "${HOST}:587"}\nroute: {receiver: a}\nreceivers: [{name: a}]\n',
      { HOST: 's3cr3t:1' },
      'global.smtp_smarthost: with the value of secret ${HOST} this is not a valid host:port address (the port written in the config)',
    ],
    [
      'an email address that does not parse',
      'global: {smtp_smarthost: "mail.example.com:587", smtp_from: a@example.com}\nroute: {receiver: a}\nreceivers: [{name: a, email_configs: [{to: "${TO}"}]}]\n',
      { TO: 's3cr3t <<' },
      'receivers[0].email_configs[0].to: with the value of secret ${TO} this is not a valid email address list',
    ],
  ])('refuses %s, naming the path and the secret only', (_why, yaml, env, error) => {
    const errors = loadErrors(yaml, env);
    expect(errors).toEqual([error]);
    expect(errors.join('\n')).not.toContain('s3cr3t');
  });

  it('reports a send_email binding the Worker does not have', () => {
    const yaml = 'route: {receiver: a}\nreceivers: [{name: a, email_configs: [{to: a@example.com, from: b@example.com, transport: cloudflare, binding: MAILER}]}]\n';
    expect(loadErrors(yaml, {})).toEqual([
      'receivers[0].email_configs[0].binding: the Worker has no send_email binding "MAILER": add [[send_email]] name = "MAILER" to wrangler.toml',
    ]);
    expect(loadErrors(yaml, { MAILER: {} })).toEqual([]);
  });
});

describe('compiling', () => {
  it('reports what the loader reports, secrets shown as <secret>', () => {
    const compiled = compileConfigText('route: {receiver: a}\nreceivers: [{name: a, webhook_configs: [{url: "${HOOK}", max_alerts: -1}]}]\n');
    expect(compiled.ok ? [] : compiled.error.map((e) => e.path)).toEqual(['receivers[0].webhook_configs[0].max_alerts']);
  });

  it('says a field checked with a placeholder must be valid whatever the secret', () => {
    const compiled = compileConfigText('global: {smtp_smarthost: "${SMARTHOST}"}\nroute: {receiver: a}\nreceivers: [{name: a}]\n');
    expect(compiled.ok ? [] : formatConfigErrors(compiled.error)).toBe(
      'global.smtp_smarthost: address <secret>: missing port in address (checked at build time with a placeholder for ${SMARTHOST}: the field must be valid whatever the secret\'s value)',
    );
  });

  it('refuses a value the loader derives from a secret, which the Worker could not rebuild', () => {
    const yaml = "route: {receiver: a}\nreceivers: [{name: a, slack_configs: [{app_token: '${T}', channel: '#c', app_url: '${APP_URL}'}]}]\n";
    const compiled = compileConfigText(yaml);
    expect(compiled.ok ? '' : formatConfigErrors(compiled.error)).toMatch(/app\.updateUrl: this value is computed from a \$\{NAME\} secret/);
  });

  it('keeps an escaped $${NAME} as the literal text ${NAME}', () => {
    const yaml = 'route: {receiver: a}\nreceivers: [{name: a, webhook_configs: [{url: "https://example.com/$${NOT_A_SECRET}"}]}]\n';
    expect(integration<WebhookIntegration>(rebuild(yaml, {}), 'a', 0).url).toBe('https://example.com/${NOT_A_SECRET}');
  });

  it('keeps keys starting with $ apart from its own tags', () => {
    const yaml = "route: {receiver: a}\nreceivers: [{name: a, pagerduty_configs: [{routing_key: '${K}', details: {$map: x, $secret: y, $$z: w}}]}]\n";
    const details = (rebuild(yaml, { K: 'k' }).receivers.get('a')?.integrations[0] as { event: { details: Record<string, string> } }).event.details;
    expect(details).toMatchObject({ $map: 'x', $secret: 'y', $$z: 'w' });
  });

  it('takes placeholders back out of any string (whole, partial, several)', () => {
    const placeholders = secretPlaceholders('abcdefgh12');
    const url = placeholders.value('A', ['receivers', 0, 'webhook_configs', 0, 'url']);
    const host = placeholders.value('B', ['global', 'smtp_smarthost']);
    const address = placeholders.value('C', ['people', 'x', 'email']);
    expect(placeholders.split(`x${url}y${host}:25,${address}`)).toEqual(['x', 'A', 'y', 'B', ':25,', 'C', '']);
    expect(placeholders.split('no placeholder')).toBeUndefined();
    expect(placeholders.leftover(url.slice(0, -3))).toBe(true);
  });

  it('compiles a loaded config without secrets as it is', () => {
    const config = load('route: {receiver: a}\nreceivers: [{name: a}]\n', {});
    const compiled = compileConfig(config);
    expect(compiled.ok && compiled.value.config.route).toMatchObject({ receiver: 'a' });
  });
});
