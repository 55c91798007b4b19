/**
 * pagerduty_configs: validation with the exact path and message, and the
 * integration each entry becomes (Alertmanager 0.25's defaults).
 */
import { describe, expect, it } from 'vitest';
import { PAGERDUTY_FIELD_DEFAULTS } from '../template/alertmanager/index.js';
import { loadConfig } from './load.js';
import { DEFAULT_PAGERDUTY_URL, PAGERDUTY_V1_URL, type PagerdutyIntegration } from './pagerduty-config.js';

const ENV = { PD_KEY: 'R0UT1NGs3cr3t' };
const config = (entry: string, global = '') => `${global}route: {receiver: a}\nreceivers: [{name: a, pagerduty_configs: [${entry}]}]`;
const KEY = `routing_key: '\${PD_KEY}'`;
const P = 'receivers[0].pagerduty_configs[0]';

function errorsOf(yaml: string): [string, string][] {
  const loaded = loadConfig(yaml, ENV);
  return loaded.ok ? [] : loaded.error.map((e): [string, string] => [e.path, e.message]);
}

function pagerduty(entry: string, global = ''): PagerdutyIntegration {
  const loaded = loadConfig(config(entry, global), ENV);
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.error));
  return loaded.value.receivers.get('a')?.integrations[0] as PagerdutyIntegration;
}

describe('validation', () => {
  it.each([
    ['no key', '{}', [[P, 'missing service or routing key in PagerDuty config']]],
    ['an empty key', `{routing_key: ''}`, [[P, 'missing service or routing key in PagerDuty config']]],
    ['a literal routing_key', '{routing_key: abc123}', [[`${P}.routing_key`, expect.stringMatching(/^a credential must not be written in the config .*write routing_key: \$\{PAGERDUTY_ROUTING_KEY\}/)]]],
    ['a literal service_key', '{service_key: abc123}', [[`${P}.service_key`, expect.stringMatching(/write service_key: \$\{PAGERDUTY_SERVICE_KEY\}/)]]],
    ['routing_key_file', `{${KEY}, routing_key_file: /k}`, [[`${P}.routing_key_file`, expect.stringMatching(/^not supported: edgealert runs on Cloudflare Workers/)]]],
    ['a url without scheme', `{${KEY}, url: events.pagerduty.com}`, [[`${P}.url`, 'unsupported scheme "" for URL']]],
    ['details that are not strings', `{${KEY}, details: [a]}`, [[`${P}.details`, 'expected a mapping of strings, got a list']]],
    ['an unknown image field', `{${KEY}, images: [{source: x}]}`, [[`${P}.images[0].source`, 'unknown field "source"']]],
  ])('refuses %s', (_why, entry, want) => {
    expect(errorsOf(config(entry))).toEqual(want);
  });

  it('never shows the key in an error', () => {
    const loaded = loadConfig(config(`{routing_key: '\${PD_KEY}', url: 'ftp://\${PD_KEY}'}`), ENV);
    expect(JSON.stringify(loaded)).not.toMatch(/"message":"[^"]*R0UT1NGs3cr3t/);
  });
});

describe('the integration', () => {
  it("has Alertmanager's defaults: v2, send_resolved true, the global URL, default templates and details, source = client", () => {
    const p = pagerduty(`{${KEY}}`);
    expect(p).toMatchObject({ type: 'pagerduty', sendResolved: true, key: { api: 'v2', routingKey: ENV.PD_KEY }, url: DEFAULT_PAGERDUTY_URL });
    expect(p.event).toEqual({
      client: PAGERDUTY_FIELD_DEFAULTS.client,
      clientUrl: PAGERDUTY_FIELD_DEFAULTS.clientURL,
      description: PAGERDUTY_FIELD_DEFAULTS.description,
      details: PAGERDUTY_FIELD_DEFAULTS.details,
      images: [],
      links: [],
      source: PAGERDUTY_FIELD_DEFAULTS.client,
      severity: '',
      class: '',
      component: '',
      group: '',
    });
  });

  it('takes global.pagerduty_url, and its own url first', () => {
    expect(pagerduty(`{${KEY}}`, 'global: {pagerduty_url: "http://pd-proxy.test/v2/enqueue"}\n').url).toBe('http://pd-proxy.test/v2/enqueue');
    expect(pagerduty(`{${KEY}, url: "http://own.test/e"}`, 'global: {pagerduty_url: "http://pd-proxy.test/v2/enqueue"}\n').url).toBe('http://own.test/e');
  });

  it("uses v1 with a service_key (even next to a routing_key), at PagerDuty's v1 address unless url is given", () => {
    expect(pagerduty(`{service_key: '\${PD_KEY}', ${KEY}}`)).toMatchObject({ key: { api: 'v1', serviceKey: ENV.PD_KEY }, url: PAGERDUTY_V1_URL });
    expect(pagerduty(`{service_key: '\${PD_KEY}'}`, 'global: {pagerduty_url: "http://pd-proxy.test/v2/enqueue"}\n').url).toBe(PAGERDUTY_V1_URL);
    expect(pagerduty(`{service_key: '\${PD_KEY}', url: "http://own.test/v1"}`).url).toBe('http://own.test/v1');
  });

  it('lets details override the default ones and add others', () => {
    expect(pagerduty(`{${KEY}, details: {firing: 'x', extra: 'y'}}`).event.details).toEqual({ ...PAGERDUTY_FIELD_DEFAULTS.details, firing: 'x', extra: 'y' });
  });
});
