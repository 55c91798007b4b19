import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatConfigErrors, loadConfig } from './load.js';
import type { Config, WebhookIntegration } from './types.js';

const REPO = new URL('../../', import.meta.url);
const ROUTES_YAML = readFileSync(new URL('routes.yaml', REPO), 'utf8');
const EXAMPLE = readFileSync(new URL('testdata/alertmanager-example.yml', import.meta.url), 'utf8');

function load(text: string, env: Record<string, unknown> = {}): Config {
  const loaded = loadConfig(text, env);
  if (!loaded.ok) throw new Error(formatConfigErrors(loaded.error));
  return loaded.value;
}

describe('the repository routes.yaml', () => {
  const config = load(ROUTES_YAML);

  it('loads with an empty environment (no secrets needed locally)', () => {
    expect(config.secretNames).toEqual([]);
    expect([...config.receivers.keys()]).toEqual(['default', 'oncall', 'database-team', 'frontend-team', 'heartbeat']);
    expect(config.shards).toBe(1);
  });

  it('points every webhook at the local sink', () => {
    const urls = [...config.receivers.values()].flatMap((r) => r.integrations.map((i) => (i.type === 'webhook' ? i.url : '')));
    expect(urls.every((u) => u.startsWith('http://127.0.0.1:9099/'))).toBe(true);
  });

  it('has the tree amtool shows for it', () => {
    // amtool config routes show --config.file=routes.yaml (0.25).
    const keys = config.route.routes.map((r) => r.key);
    expect(keys).toEqual([
      '{}/{severity="critical"}',
      '{}/{env!="staging",service=~"postgres|mysql"}',
      '{}/{alertname!~"Test.*",team="frontend"}',
      '{}/{alertname="Watchdog"}',
    ]);
    expect(config.route.routes[2]?.groupByAll).toBe(true);
  });
});

describe('an Alertmanager example config, unchanged', () => {
  // testdata/alertmanager-example.yml: amtool check-config says SUCCESS.
  const config = load(EXAMPLE);

  it('keeps the legacy match_re quirk in the route key', () => {
    // amtool prints {service=~"^(?:^(api|web|worker)$)$"} for this node.
    expect(config.route.routes[0]?.key).toBe('{}/{service=~"^(?:^(api|web|worker)$)$"}');
  });

  it('applies root settings and inheritance', () => {
    const db = config.route.routes[2];
    expect(config.route).toMatchObject({ groupWait: 45_000, groupInterval: 600_000, repeatInterval: 6 * 3_600_000 });
    expect(db?.groupBy).toEqual(['alertname', 'cluster', 'database']);
    expect(db?.routes[0]).toMatchObject({ receiver: 'ops-pager', continue: true, groupBy: ['alertname', 'cluster', 'database'] });
  });

  it('builds receivers with defaults and resolved auth headers', () => {
    expect(config.receivers.get('storage-chat')?.integrations[0]).toEqual({
      type: 'webhook',
      url: 'http://chat-bridge.example.org/hooks/storage',
      sendResolved: false,
      maxAlerts: 0,
      http: { followRedirects: true },
    });
    expect(webhookAt(config, 'ops-pager')?.http.authorization).toBe('Bearer ops-pager-token');
    expect(config.receivers.get('storage-pager')?.integrations[0]).toMatchObject({
      maxAlerts: 10,
      sendResolved: true,
      http: { authorization: `Basic ${btoa('storage:storage-pager-password')}` },
    });
  });

  it('combines the three matcher styles in inhibit rules', () => {
    expect(config.inhibitRules).toEqual([
      {
        sourceMatchers: [{ name: 'severity', type: '=', value: 'page' }],
        targetMatchers: [{ name: 'severity', type: '=', value: 'ticket' }],
        equal: ['alertname', 'cluster', 'service'],
      },
      {
        sourceMatchers: [{ name: 'alertname', type: '=', value: 'ClusterDown' }],
        targetMatchers: [{ name: 'alertname', type: '=~', value: 'Node.*|Pod.*' }],
        equal: ['cluster'],
      },
    ]);
  });

  it('redacts the literal SMTP password but keeps comments', () => {
    expect(config.redactedOriginal).toContain("smtp_auth_password: <secret>\n");
    expect(config.redactedOriginal).not.toContain('not-a-real-password');
    expect(config.redactedOriginal).toContain('# Every alert enters the routing tree here.');
  });
});

describe('global settings', () => {
  const receivers = `receivers:
  - name: a
    webhook_configs:
      - url: http://x/own
        http_config: {follow_redirects: false}
      - url: http://x/global`;

  it.each([
    ['', 300_000, 'resolve_timeout defaults to 5m'],
    ['global: {resolve_timeout: 1h}\n', 3_600_000, 'resolve_timeout is read'],
    ['global:\n', 300_000, 'an empty global block keeps the defaults'],
  ])('%j gives resolveTimeout %d: %s', (global, want, _why) => {
    expect(load(`${global}route: {receiver: a}\n${receivers}`).global.resolveTimeout).toBe(want);
  });

  it('gives webhooks without http_config the global one, as a whole', () => {
    const config = load(`global:\n  http_config: {bearer_token: g}\nroute: {receiver: a}\n${receivers}`);
    const [own, inherited] = [webhookAt(config, 'a', 0), webhookAt(config, 'a', 1)];
    const global = { followRedirects: true, auth: { scheme: 'bearer', token: 'g' }, authorization: 'Bearer g' };
    expect(config.global.http).toEqual(global);
    expect(inherited?.http).toEqual(global);
    expect(own?.http).toEqual({ followRedirects: false }); // no field-by-field merge, as in Alertmanager
  });

  it.each([
    ['{authorization: {type: Token, credentials: abc}}', 'Token abc', 'authorization with its own type'],
    ['{authorization: {credentials: abc}}', 'Bearer abc', 'authorization type defaults to Bearer'],
    ['{bearer_token: abc}', 'Bearer abc', 'bearer_token is Bearer authorization'],
    ['{basic_auth: {username: üser, password: " pw "}}', `Basic ${btoa('\u00c3\u00bcser:pw')}`, 'basic auth is base64 of UTF-8 user:password, password trimmed'],
    ['{basic_auth: {username: u}}', `Basic ${btoa('u:')}`, 'basic auth without password'],
  ])('%s -> %s: %s', (http, header, _why) => {
    const config = load(`route: {receiver: a}\nreceivers: [{name: a, webhook_configs: [{url: "http://x", http_config: ${http}}]}]`);
    expect(webhookAt(config, 'a')?.http.authorization).toBe(header);
  });

  it('reads shards', () => {
    expect(load('route: {receiver: a}\nreceivers: [{name: a}]\nshards: 8').shards).toBe(8);
  });
});

describe('YAML as Alertmanager (yaml.v2) reads it', () => {
  it.each([
    ['receiver: 123 names the receiver "123"', 'route: {receiver: 123}\nreceivers: [{name: 123}]', (c: Config) => c.route.receiver, '123'],
    ['YAML 1.1 booleans (yes/on) are booleans', 'route: {receiver: a, routes: [{continue: yes}]}\nreceivers: [{name: a}]', (c: Config) => c.route.routes[0]?.continue, true],
    [
      'numbers in string fields keep their spelling',
      'route: {receiver: a, routes: [{match: {code: 0500}}]}\nreceivers: [{name: a}]',
      (c: Config) => c.route.routes[0]?.matchers[0]?.value,
      '0500',
    ],
    [
      'merge keys copy a mapping, own keys win',
      'route:\n  receiver: a\n  routes:\n    - &r {receiver: b, group_wait: 1m, matchers: [x="1"]}\n    - <<: *r\n      matchers: [x="2"]\nreceivers: [{name: a}, {name: b}]',
      (c: Config) => [c.route.routes[1]?.receiver, c.route.routes[1]?.groupWait, c.route.routes[1]?.key],
      ['b', 60_000, '{}/{x="2"}'],
    ],
  ])('%s', (_why, text, pick, want) => {
    expect(pick(load(text))).toEqual(want);
  });

  it('reports syntax errors with line and column, without a path', () => {
    const loaded = loadConfig('route:\n  receiver: a\n  routes: [\n', {});
    expect(loaded.ok).toBe(false);
    const first = loaded.ok ? undefined : loaded.error[0];
    expect(first?.path).toBe('');
    expect(first?.message).toMatch(/^line \d+:\d+: /);
  });

  it('refuses a second YAML document instead of ignoring it', () => {
    const loaded = loadConfig('route: {receiver: a}\nreceivers: [{name: a}]\n---\nroute: {}\n', {});
    expect(loaded.ok ? [] : loaded.error).toEqual([
      { path: '', message: 'line 3:1: the config must be a single YAML document (found a second one after ---)' },
    ]);
  });

  it('reports a document that is not a mapping without a path', () => {
    expect(loadConfig('just text', {})).toEqual({ ok: false, error: [{ path: '', message: 'expected a mapping (key: value), got a string' }] });
  });

  it('refuses duplicate keys like yaml.v2', () => {
    expect(loadConfig('route: {receiver: a, receiver: b}\nreceivers: [{name: a}]', {}).ok).toBe(false);
  });
});

describe('formatConfigErrors', () => {
  it('prints one `path: message` per line, a bare message without a path', () => {
    expect(
      formatConfigErrors([
        { path: 'route.receiver', message: 'root route must specify a default receiver' },
        { path: '', message: 'line 1:2: bad' },
      ]),
    ).toBe('route.receiver: root route must specify a default receiver\nline 1:2: bad');
  });
});

/** The receiver's integration at `index` when it is a webhook. */
function webhookAt(config: Config, receiver: string, index = 0): WebhookIntegration | undefined {
  const integration = config.receivers.get(receiver)?.integrations[index];
  return integration?.type === 'webhook' ? integration : undefined;
}
