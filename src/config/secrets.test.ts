import { describe, expect, it } from 'vitest';
import { formatConfigErrors, loadConfig } from './load.js';
import { hasSecretReference } from './secrets.js';
import type { Config, WebhookIntegration } from './types.js';

const HOOK = 'https://hooks.example.com/services/T000/B000/XXsecretXX';
const TOKEN = 'tok-9f8e7d6c5b4a';
const PASSWORD = 'hunter2-pässword';
const ENV = { HOOK, TOKEN, PASSWORD };

function load(text: string, env: Record<string, unknown> = ENV): Config {
  const loaded = loadConfig(text, env);
  if (!loaded.ok) throw new Error(formatConfigErrors(loaded.error));
  return loaded.value;
}

function webhooks(config: Config, receiver = 'a'): WebhookIntegration[] {
  return (config.receivers.get(receiver)?.integrations ?? []).filter((i): i is WebhookIntegration => i.type === 'webhook');
}

const WITH_SECRETS = `route:
  receiver: a
receivers:
  - name: a
    webhook_configs:
      - url: \${HOOK}
        http_config:
          authorization:
            credentials: \${TOKEN}
      - url: https://example.com/hook?token=\${TOKEN}&v=1
        http_config:
          basic_auth:
            username: ops
            password: \${PASSWORD}
`;

describe('resolving ${NAME}', () => {
  it('replaces whole and partial string values from env', () => {
    const [first, second] = webhooks(load(WITH_SECRETS));
    expect(first?.url).toBe(HOOK);
    expect(first?.http.authorization).toBe(`Bearer ${TOKEN}`);
    expect(second?.url).toBe(`https://example.com/hook?token=${TOKEN}&v=1`);
    expect(second?.http.authorization).toBe(`Basic ${btoa(String.fromCharCode(...new TextEncoder().encode(`ops:${PASSWORD}`)))}`);
  });

  it('lists each referenced name once, in order of first use', () => {
    expect(load(WITH_SECRETS).secretNames).toEqual(['HOOK', 'TOKEN', 'PASSWORD']);
  });

  it('reports an unset variable with its path and name, and nothing else about that field', () => {
    const loaded = loadConfig(WITH_SECRETS, { HOOK, TOKEN });
    expect(loaded.ok ? [] : loaded.error).toEqual([
      {
        path: 'receivers[0].webhook_configs[1].http_config.basic_auth.password',
        message: 'secret ${PASSWORD} is not set (add it with `wrangler secret put PASSWORD` or to .dev.vars)',
      },
    ]);
  });

  it('does not report the empty URL left by an unset variable', () => {
    const loaded = loadConfig(WITH_SECRETS, { TOKEN, PASSWORD });
    expect(loaded.ok ? [] : loaded.error.map((e) => e.path)).toEqual(['receivers[0].webhook_configs[0].url']);
  });

  it('refuses a binding that is not a string', () => {
    const loaded = loadConfig(WITH_SECRETS, { ...ENV, HOOK: { get: () => null } });
    expect(loaded.ok ? [] : loaded.error).toEqual([
      {
        path: 'receivers[0].webhook_configs[0].url',
        message: 'secret ${HOOK} is not a string in the Worker environment (is the name used by a binding?)',
      },
    ]);
  });

  it.each([
    ['$${HOOK}', '${HOOK}', 'an escaped reference is literal text'],
    ['a${1}b', 'a${1}b', 'Go regexp expansions like ${1} are not references'],
    ['cost $5', 'cost $5', 'a lone $ is text'],
    ['${lower_case9}', 'v', 'names may use lower case, digits and _'],
  ])('%j reads as %j: %s', (written, want, _why) => {
    const config = load(`route:\n  receiver: a\n  routes:\n    - match:\n        x: '${written}'\nreceivers: [{name: a}]\n`, { lower_case9: 'v' });
    expect(config.route.routes[0]?.matchers[0]?.value).toBe(want);
  });

  it.each([
    ['${HOOK}', true],
    ['x${HOOK}y', true],
    ['$${HOOK}', false],
    ['${1}', false],
    ['${}', false],
  ])('hasSecretReference(%j) = %s', (s, want) => {
    expect(hasSecretReference(s)).toBe(want);
  });
});

describe('secret values never reach error messages', () => {
  it.each([
    ['a matcher', `route:\n  receiver: a\n  routes:\n    - matchers: ['team=~"\${S}"']\nreceivers: [{name: a}]\n`, 'route.routes[0].matchers[0]'],
    ['a duration', `route:\n  receiver: a\n  group_wait: \${S}\nreceivers: [{name: a}]\n`, 'route.group_wait'],
    ['a receiver name', `route:\n  receiver: \${S}\nreceivers: [{name: a}]\n`, 'route.receiver'],
    ['a label name', `route:\n  receiver: a\n  group_by: ['\${S}']\nreceivers: [{name: a}]\n`, 'route.group_by[0]'],
  ])('when the secret is invalid as %s', (_what, text, path) => {
    const secret = 's3cr3t-"value"(';
    const loaded = loadConfig(text, { S: secret });
    expect(loaded.ok).toBe(false);
    const errors = loaded.ok ? [] : loaded.error;
    expect(errors.map((e) => e.path)).toContain(path);
    const printed = formatConfigErrors(errors);
    expect(printed).not.toContain(secret);
    expect(printed).not.toContain(JSON.stringify(secret).slice(1, -1));
    expect(printed).toContain('<secret>');
  });
});

describe('redactedOriginal', () => {
  const original = `# production routing
global:
  smtp_auth_password: literal-smtp-pw   # Alertmanager Secret
  slack_api_url: https://hooks.slack.com/services/LITERAL
  http_config:
    bearer_token: |
      block-literal-token
route:
  receiver: a
  routes:
    - match: {team: "\${TEAM}"}   # a value from a var is redacted too
      receiver: b
receivers:
  - name: a
    webhook_configs:
      - url: &hook "http://127.0.0.1:9099/literal-hook"
      - url: \${HOOK}
        http_config:
          basic_auth: {username: ops, password: '\${PASSWORD}'}
  - name: b
    webhook_configs:
      - url: *hook
        max_alerts: 3
`;
  const expected = `# production routing
global:
  smtp_auth_password: <secret>   # Alertmanager Secret
  slack_api_url: <secret>
  http_config:
    bearer_token: <secret>
route:
  receiver: a
  routes:
    - match: {team: <secret>}   # a value from a var is redacted too
      receiver: b
receivers:
  - name: a
    webhook_configs:
      - url: &hook <secret>
      - url: <secret>
        http_config:
          basic_auth: {username: ops, password: <secret>}
  - name: b
    webhook_configs:
      - url: *hook
        max_alerts: 3
`;
  const config = load(original, { ...ENV, TEAM: 'team-secret-name' });

  it('replaces secret fields and ${NAME} values by <secret> and keeps everything else byte for byte', () => {
    expect(config.redactedOriginal).toBe(expected);
  });

  it.each([HOOK, PASSWORD, 'team-secret-name', 'literal-smtp-pw', 'block-literal-token', 'LITERAL', 'literal-hook'])(
    'contains no trace of %j',
    (value) => {
      expect(config.redactedOriginal).not.toContain(value);
    },
  );

  it('still resolves the values it hides', () => {
    expect(webhooks(config, 'b')[0]?.url).toBe('http://127.0.0.1:9099/literal-hook');
    expect(config.global.http.authorization).toBe('Bearer block-literal-token'); // trimmed: a header cannot hold a newline
    expect(config.route.routes[0]?.matchers[0]?.value).toBe('team-secret-name');
  });

  it('keeps CRLF line ends around a redacted block scalar', () => {
    const crlf = 'route: {receiver: a}\r\nreceivers:\r\n  - name: a\r\n    webhook_configs:\r\n      - url: |\r\n          http://x/y\r\n        max_alerts: 1\r\n';
    expect(load(crlf).redactedOriginal).toBe(
      'route: {receiver: a}\r\nreceivers:\r\n  - name: a\r\n    webhook_configs:\r\n      - url: <secret>\r\n        max_alerts: 1\r\n',
    );
  });
});
