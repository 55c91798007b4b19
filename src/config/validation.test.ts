/**
 * Every validation rule, with the exact path and message it reports. Rules
 * follow Alertmanager 0.25 (config/config.go, notifiers.go and
 * prometheus/common's http_config); the amtool column in load.test.ts checks
 * accept/reject against the real binary.
 */
import { describe, expect, it } from 'vitest';
import { loadConfig } from './load.js';
import { UNSUPPORTED_INTEGRATIONS } from './receiver-schema.js';

/** The errors of loading `yaml` as [path, message] pairs; [] when it loads. */
function errorsOf(yaml: string): [string, string][] {
  const loaded = loadConfig(yaml, {});
  return loaded.ok ? [] : loaded.error.map((e): [string, string] => [e.path, e.message]);
}

const R = 'receivers: [{name: a}, {name: b}]';
const ROUTE = 'route: {receiver: a}';
/** A valid config whose only receiver `a` has the given webhook config. */
const webhook = (body: string) => `${ROUTE}\nreceivers: [{name: a, webhook_configs: [{${body}}]}]`;
const FILES = 'not supported: edgealert runs on Cloudflare Workers and cannot read files; use';

type Row = [why: string, yaml: string, want: [string, unknown][]];

const routeRules: Row[] = [
  ['an empty file has no route', '', [['route', 'no route provided in config']]],
  ['a null route is no route', `route:\n${R}`, [['route', 'no route provided in config']]],
  ['the root needs a receiver', `route: {group_by: [x]}\n${R}`, [['route.receiver', 'root route must specify a default receiver']]],
  ['an empty root receiver is no receiver', `route: {receiver: ''}\n${R}`, [['route.receiver', 'root route must specify a default receiver']]],
  ['the root has no match', `route: {receiver: a, match: {x: y}}\n${R}`, [['route.match', 'root route must not have any matchers']]],
  ['the root has no match_re', `route: {receiver: a, match_re: {x: y}}\n${R}`, [['route.match_re', 'root route must not have any matchers']]],
  ['the root has no matchers', `route: {receiver: a, matchers: [x=y]}\n${R}`, [['route.matchers', 'root route must not have any matchers']]],
  ['the root cannot continue', `route: {receiver: a, continue: true}\n${R}`, [['route.continue', 'cannot have continue in root route']]],
  [
    'the root has no mute time intervals',
    `route: {receiver: a, mute_time_intervals: [t]}\n${R}\ntime_intervals: [{name: t}]`,
    [['route.mute_time_intervals', 'root route must not have any mute time intervals']],
  ],
  [
    'the root has no active time intervals',
    `route: {receiver: a, active_time_intervals: [t]}\n${R}\ntime_intervals: [{name: t}]`,
    [['route.active_time_intervals', 'root route must not have any active time intervals']],
  ],
  ['the root receiver must exist', `route: {receiver: zz}\n${R}`, [['route.receiver', 'undefined receiver "zz" used in route']]],
  [
    'a nested receiver must exist',
    `route: {receiver: a, routes: [{receiver: b, routes: [{receiver: c}]}]}\n${R}`,
    [['route.routes[0].routes[0].receiver', 'undefined receiver "c" used in route']],
  ],
  [
    "'...' must stand alone in group_by",
    `route: {receiver: a, group_by: ['...', x]}\n${R}`,
    [['route.group_by', "cannot have wildcard group_by ('...') and other labels at the same time"]],
  ],
  ['group_by takes label names', `route: {receiver: a, group_by: [x-y]}\n${R}`, [['route.group_by[0]', 'invalid label name "x-y" in group_by list']]],
  ['group_by labels are unique', `route: {receiver: a, group_by: [x, y, x]}\n${R}`, [['route.group_by[2]', 'duplicated label "x" in group_by']]],
  ['durations need a unit', `route: {receiver: a, group_wait: 30}\n${R}`, [['route.group_wait', 'not a valid duration string: "30"']]],
  ['durations have no fractions', `route: {receiver: a, repeat_interval: 1.5h}\n${R}`, [['route.repeat_interval', 'not a valid duration string: "1.5h"']]],
  ['group_interval is never zero', `route: {receiver: a, routes: [{group_interval: 0}]}\n${R}`, [['route.routes[0].group_interval', 'group_interval cannot be zero']]],
  ['repeat_interval is never zero', `route: {receiver: a, repeat_interval: 0s}\n${R}`, [['route.repeat_interval', 'repeat_interval cannot be zero']]],
  ['continue takes a YAML boolean, not a string', `route: {receiver: a, routes: [{continue: "true"}]}\n${R}`, [['route.routes[0].continue', 'expected true or false, got a string']]],
  ['a route is a mapping', `route: foo\n${R}`, [['route', 'expected a mapping (key: value), got a string']]],
  ['escalation names a defined policy', `route: {receiver: a, routes: [{escalation: critical}]}\n${R}`, [['route.routes[0].escalation', 'undefined escalation policy "critical" used in route (define it in escalation_policies, or write none)']]],
];

const matcherRules: Row[] = [
  ['a matcher needs name, operator and value', `route: {receiver: a, routes: [{matchers: [foo]}]}\n${R}`, [['route.routes[0].matchers[0]', expect.stringMatching(/^bad matcher "foo": ./)]]],
  [
    'a matcher regex must compile',
    `route: {receiver: a, routes: [{matchers: ['a="1"', 'x=~"("']}]}\n${R}`,
    [['route.routes[0].matchers[1]', expect.stringMatching(/^bad matcher "x=~\\"\(\\"": ./)]],
  ],
  ['match keys are label names', `route: {receiver: a, routes: [{match: {x-y: "1"}}]}\n${R}`, [['route.routes[0].match', 'invalid label name "x-y"']]],
  ['match_re keys are label names', `route: {receiver: a, routes: [{match_re: {x-y: "1"}}]}\n${R}`, [['route.routes[0].match_re', 'invalid label name "x-y"']]],
  ['match_re values must compile', `route: {receiver: a, routes: [{match_re: {x: "("}}]}\n${R}`, [['route.routes[0].match_re.x', expect.any(String)]]],
];

const receiverRules: Row[] = [
  ['a receiver needs a name', `${ROUTE}\nreceivers: [{name: a}, {webhook_configs: []}]`, [['receivers[1].name', 'missing name in receiver']]],
  ['an empty name is no name', `${ROUTE}\nreceivers: [{name: a}, {name: ''}]`, [['receivers[1].name', 'missing name in receiver']]],
  ['receiver names are unique', `${ROUTE}\nreceivers: [{name: a}, {name: b}, {name: a}]`, [['receivers[2].name', 'receiver name "a" is not unique (also at receivers[0])']]],
  ['receivers is a list', `${ROUTE}\nreceivers: {name: a}`, [['route.receiver', 'undefined receiver "a" used in route'], ['receivers', 'expected a list, got a mapping']]],
  ['a webhook needs a url', webhook('send_resolved: true'), [['receivers[0].webhook_configs[0].url', 'missing URL in webhook config']]],
  ['a webhook url has a scheme', webhook('url: example.com/hook'), [['receivers[0].webhook_configs[0].url', 'unsupported scheme "" for URL']]],
  ['a webhook url is http(s)', webhook('url: "ftp://example.com/x"'), [['receivers[0].webhook_configs[0].url', 'unsupported scheme "ftp" for URL']]],
  ['a webhook url has a host', webhook('url: "http:///hook"'), [['receivers[0].webhook_configs[0].url', 'missing host for URL']]],
  ['url_file cannot be read on Workers', webhook('url: "http://x", url_file: /etc/hook'), [['receivers[0].webhook_configs[0].url_file', expect.stringContaining(`${FILES} url: \${SECRET_NAME}`)]]],
  ['max_alerts is not negative', webhook('url: "http://x", max_alerts: -1'), [['receivers[0].webhook_configs[0].max_alerts', 'expected a non-negative integer']]],
  ['send_resolved takes a YAML boolean', webhook('url: "http://x", send_resolved: "yes"'), [['receivers[0].webhook_configs[0].send_resolved', 'expected true or false, got a string']]],
];

const H = 'receivers[0].webhook_configs[0].http_config';
const httpRules: Row[] = [
  ['bearer_token_file cannot be read', webhook('url: "http://x", http_config: {bearer_token_file: /t}'), [[`${H}.bearer_token_file`, expect.stringContaining(`${FILES} bearer_token:`)]]],
  ['password_file cannot be read', webhook('url: "http://x", http_config: {basic_auth: {username: u, password_file: /p}}'), [[`${H}.basic_auth.password_file`, expect.stringContaining(`${FILES} password:`)]]],
  ['credentials_file cannot be read', webhook('url: "http://x", http_config: {authorization: {credentials_file: /c}}'), [[`${H}.authorization.credentials_file`, expect.stringContaining(`${FILES} credentials:`)]]],
  ['authorization type is never basic', webhook('url: "http://x", http_config: {authorization: {type: Basic, credentials: x}}'), [[H, 'authorization type cannot be set to "basic", use "basic_auth" instead']]],
  ['basic_auth excludes bearer_token', webhook('url: "http://x", http_config: {bearer_token: t, basic_auth: {username: u}}'), [[H, 'at most one of basic_auth, oauth2, bearer_token & bearer_token_file must be configured']]],
  ['authorization excludes bearer_token', webhook('url: "http://x", http_config: {bearer_token: t, authorization: {credentials: c}}'), [[H, 'authorization is not compatible with bearer_token & bearer_token_file']]],
  ['authorization excludes basic_auth', webhook('url: "http://x", http_config: {basic_auth: {username: u}, authorization: {credentials: c}}'), [[H, 'at most one of basic_auth, oauth2 & authorization must be configured']]],
  ['oauth2 is not implemented yet', webhook('url: "http://x", http_config: {oauth2: {client_id: x}}'), [[`${H}.oauth2`, 'oauth2 is not yet supported by edgealert']]],
  ['Workers cannot use a proxy', webhook('url: "http://x", http_config: {proxy_url: "http://proxy:3128"}'), [[`${H}.proxy_url`, 'not supported: Workers fetch cannot use an HTTP proxy']]],
  ['Workers always verify TLS', webhook('url: "http://x", http_config: {tls_config: {insecure_skip_verify: true}}'), [[`${H}.tls_config.insecure_skip_verify`, 'not supported: Workers fetch always verifies TLS certificates']]],
  ['no custom CA on Workers', webhook('url: "http://x", http_config: {tls_config: {ca_file: /ca.pem}}'), [[`${H}.tls_config.ca_file`, 'not supported: Workers fetch cannot read files or trust a custom CA']]],
  ['TLS versions are TLS10..TLS13', webhook('url: "http://x", http_config: {tls_config: {min_version: TLS9}}'), [[`${H}.tls_config.min_version`, 'unknown TLS version: TLS9']]],
  ['global http_config follows the same rules', `global: {http_config: {bearer_token_file: /t}}\n${ROUTE}\n${R}`, [['global.http_config.bearer_token_file', expect.stringContaining(FILES)]]],
];

const timeIntervalRules: Row[] = [
  ['a mute time interval must exist', `route: {receiver: a, routes: [{mute_time_intervals: [t]}]}\n${R}`, [['route.routes[0].mute_time_intervals[0]', 'undefined time interval "t" used in route']]],
  ['an active time interval must exist', `route: {receiver: a, routes: [{active_time_intervals: [u, t]}]}\n${R}\ntime_intervals: [{name: u}]`, [['route.routes[0].active_time_intervals[1]', 'undefined time interval "t" used in route']]],
  ['names are unique across both lists', `${ROUTE}\n${R}\nmute_time_intervals: [{name: t}]\ntime_intervals: [{name: t}]`, [['time_intervals[0].name', 'time interval "t" is not unique (also at mute_time_intervals[0])']]],
  ['names are unique in one list', `${ROUTE}\n${R}\ntime_intervals: [{name: t}, {name: t}]`, [['time_intervals[1].name', 'time interval "t" is not unique (also at time_intervals[0])']]],
  ['a time interval needs a name', `${ROUTE}\n${R}\ntime_intervals: [{time_intervals: []}]`, [['time_intervals[0].name', 'missing name in time interval']]],
  ['a mute time interval needs a name', `${ROUTE}\n${R}\nmute_time_intervals: [{name: ''}]`, [['mute_time_intervals[0].name', 'missing name in mute time interval']]],
  ['time interval fields are strict', `${ROUTE}\n${R}\ntime_intervals: [{name: t, time_intervals: [{weekday: [monday]}]}]`, [['time_intervals[0].time_intervals[0].weekday', 'unknown field "weekday"; did you mean "weekdays"?']]],
  ['a time range has both ends', `${ROUTE}\n${R}\ntime_intervals: [{name: t, time_intervals: [{times: [{start_time: '09:00'}]}]}]`, [['time_intervals[0].time_intervals[0].times[0].end_time', 'both start_time and end_time must be provided']]],
];

const inhibitRules: Row[] = [
  ['equal takes label names', `${ROUTE}\n${R}\ninhibit_rules: [{equal: [c-d]}]`, [['inhibit_rules[0].equal[0]', 'invalid label name "c-d"']]],
  ['source_match keys are label names', `${ROUTE}\n${R}\ninhibit_rules: [{source_match: {a-b: x}}]`, [['inhibit_rules[0].source_match', 'invalid label name "a-b"']]],
  ['target_matchers must parse', `${ROUTE}\n${R}\ninhibit_rules: [{target_matchers: [nope]}]`, [['inhibit_rules[0].target_matchers[0]', expect.stringMatching(/^bad matcher "nope": ./)]]],
  ['inhibit rule fields are strict', `${ROUTE}\n${R}\ninhibit_rules: [{source_match_regex: {a: x}}]`, [['inhibit_rules[0].source_match_regex', 'unknown field "source_match_regex"; did you mean "source_match_re"?']]],
];

const globalRules: Row[] = [
  ['resolve_timeout is a duration', `global: {resolve_timeout: 5 minutes}\n${ROUTE}\n${R}`, [['global.resolve_timeout', 'not a valid duration string: "5 minutes"']]],
  ['smtp_smarthost needs a port', `global: {smtp_smarthost: localhost}\n${ROUTE}\n${R}`, [['global.smtp_smarthost', 'address localhost: missing port in address']]],
  ['api urls are http(s) urls', `global: {pagerduty_url: "events.pagerduty.com"}\n${ROUTE}\n${R}`, [['global.pagerduty_url', 'unsupported scheme "" for URL']]],
  ...['smtp_auth_password', 'slack_api_url', 'opsgenie_api_key', 'victorops_api_key'].map(
    (field): Row => [`${field}_file cannot be read`, `global: {${field}_file: /x}\n${ROUTE}\n${R}`, [[`global.${field}_file`, expect.stringContaining(`${FILES} ${field}:`)]]],
  ),
];

const unknownFields: Row[] = [
  ['top-level keys are strict, with a hint', `${ROUTE}\n${R}\ninhibit_rule: []`, [['inhibit_rule', 'unknown field "inhibit_rule"; did you mean "inhibit_rules"?']]],
  ['route keys are strict', `route: {receiver: a, recevier: b}\n${R}`, [['route.recevier', 'unknown field "recevier"; did you mean "receiver"?']]],
  ['webhook keys are strict', webhook('url: "http://x", sendresolved: true'), [['receivers[0].webhook_configs[0].sendresolved', 'unknown field "sendresolved"; did you mean "send_resolved"?']]],
  ['global keys are strict (transposed letters)', `global: {smtp_form: x}\n${ROUTE}\n${R}`, [['global.smtp_form', 'unknown field "smtp_form"; did you mean "smtp_from"?']]],
  ['no hint when nothing is close', `route: {receiver: a, colour: red}\n${R}`, [['route.colour', 'unknown field "colour"']]],
  ['a null value still names an unknown key', `route: {receiver: a, foo: ~}\n${R}`, [['route.foo', 'unknown field "foo"']]],
];

const extensions: Row[] = [
  ['shards at least 1', `${ROUTE}\n${R}\nshards: 0`, [['shards', 'shards must be an integer from 1 to 64']]],
  ['shards at most 64', `${ROUTE}\n${R}\nshards: 65`, [['shards', 'shards must be an integer from 1 to 64']]],
  ['shards is whole', `${ROUTE}\n${R}\nshards: 1.5`, [['shards', 'shards must be an integer from 1 to 64']]],
  ['shards is a number', `${ROUTE}\n${R}\nshards: two`, [['shards', 'expected an integer from 1 to 64, got a string']]],
  ['dedup_window is at least 60s (Workers KV expiry)', `${ROUTE}\n${R}\nwebhook_ingest: {dedup_window: 30s}`, [['webhook_ingest.dedup_window', 'dedup_window must be at least 60s (the shortest Workers KV expiry)']]],
  [
    'dedup_window at most half of resolve_timeout, so edge-dropped repeats cannot let alerts time out',
    `${ROUTE}\n${R}\nwebhook_ingest: {resolve_timeout: 2m}`,
    [['webhook_ingest.dedup_window', 'dedup_window (5m) must be at most half of webhook_ingest.resolve_timeout (2m), or repeats dropped at the edge would let firing alerts time out']],
  ],
  // The on-call extensions in detail: oncall-config.test.ts.
  ['people is a mapping of names', `${ROUTE}\n${R}\npeople: [{name: x}]`, [['people', 'expected a mapping of person names to contact methods, got a list']]],
  ['a schedule has rotations', `${ROUTE}\n${R}\nschedules: [{name: x}]`, [['schedules[0].rotations', 'missing required field']]],
  ['an escalation policy has steps', `${ROUTE}\n${R}\nescalation_policies: [{name: x}]`, [['escalation_policies[0].steps', 'missing required field']]],
];

describe.each([
  ['route rules', routeRules],
  ['matchers', matcherRules],
  ['receivers and webhooks', receiverRules],
  ['http_config', httpRules],
  ['time intervals', timeIntervalRules],
  ['inhibit rules', inhibitRules],
  ['global', globalRules],
  ['unknown fields', unknownFields],
  ['edgealert extensions', extensions],
])('%s', (_group, rows) => {
  it.each(rows)('%s', (_why, yaml, want) => {
    expect(errorsOf(yaml)).toEqual(want);
  });
});

describe('integrations edgealert does not deliver yet', () => {
  it.each(UNSUPPORTED_INTEGRATIONS)('a non-empty %s fails with its path', (key) => {
    expect(errorsOf(`${ROUTE}\nreceivers: [{name: a}, {name: b, ${key}: [{to: x}]}]`)).toEqual([
      [`receivers[1].${key}`, 'not yet supported by edgealert'],
    ]);
  });

  it('accepts empty lists of them', () => {
    expect(errorsOf(`${ROUTE}\nreceivers: [{name: a, slack_configs: [], email_configs: []}]`)).toEqual([]);
  });
});

describe('accepted edge cases', () => {
  it.each([
    ['group_wait may be zero', `route: {receiver: a, group_wait: 0}\n${R}`],
    ['resolve_timeout may be zero', `global: {resolve_timeout: 0s}\n${ROUTE}\n${R}`],
    ['an empty matchers entry is no matcher, even on the root', `route: {receiver: a, matchers: [""]}\n${R}`],
    ['child routes inherit the receiver', `route: {receiver: a, routes: [{matchers: [x="1"]}]}\n${R}`],
    ['templates are listed file globs', `${ROUTE}\n${R}\ntemplates: ['/etc/alertmanager/*.tmpl']`],
    ['null lists are absent lists', `${ROUTE}\n${R}\ntemplates:\ninhibit_rules:`],
    ['a smarthost with a port', `global: {smtp_smarthost: "[::1]:25"}\n${ROUTE}\n${R}`],
  ])('%s', (_why, yaml) => {
    expect(errorsOf(yaml)).toEqual([]);
  });
});

describe('error collection', () => {
  it('reports every error at once, in file order', () => {
    const yaml = [
      'route:',
      '  receiver: a',
      '  group_interval: 0',
      '  routes:',
      '    - receiver: missing',
      '      matchers: [nope]',
      'receivers:',
      '  - name: a',
      '    webhook_configs: [{url: "ftp://x"}]',
      '  - name: a',
      'shards: 100',
    ].join('\n');
    expect(errorsOf(yaml)).toEqual([
      ['route.group_interval', 'group_interval cannot be zero'],
      ['route.routes[0].receiver', 'undefined receiver "missing" used in route'],
      ['route.routes[0].matchers[0]', expect.stringMatching(/^bad matcher "nope": /)],
      ['receivers[0].webhook_configs[0].url', 'unsupported scheme "ftp" for URL'],
      ['receivers[1].name', 'receiver name "a" is not unique (also at receivers[0])'],
      ['shards', 'shards must be an integer from 1 to 64'],
    ]);
  });
});
