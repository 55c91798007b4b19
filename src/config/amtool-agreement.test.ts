/**
 * Accept/reject agreement with Alertmanager 0.25. Every row was checked by
 * hand with `amtool check-config` 0.25.0 (Debian 0.25.0-1+b4); the column
 * records its answer. The loader must give the same answer, except in the
 * table of deliberate differences. Where amtool is installed, the last block
 * re-runs amtool on every row; elsewhere it is skipped (the suite never needs
 * amtool).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from './load.js';

type Verdict = 'accept' | 'reject';
const R = 'receivers: [{name: a}]';
const hook = (body: string) => `route: {receiver: a}\nreceivers: [{name: a, webhook_configs: [{${body}}]}]`;
const mail = (body: string, global = '') => `${global}route: {receiver: a}\nreceivers: [{name: a, email_configs: [{${body}}]}]`;
const MAIL = 'to: ops@example.org, from: am@example.org';

/** [why, config, amtool's verdict]; the loader agrees. */
const AGREE: [string, string, Verdict][] = [
  ['weekday ranges run sunday..saturday, so monday:sunday is invalid', `route: {receiver: a}\n${R}\ntime_intervals: [{name: x, time_intervals: [{weekdays: ["monday:sunday"]}]}]`, 'reject'],
  ['the repository routes.yaml', readFileSync(new URL('../../routes.yaml', import.meta.url), 'utf8'), 'accept'],
  ['the Alertmanager-style example', readFileSync(new URL('testdata/alertmanager-example.yml', import.meta.url), 'utf8'), 'accept'],
  ['scalars as strings (receiver 123, match 0500/yes)', 'route: {receiver: 123, routes: [{match: {code: 0500, ok: yes}}]}\nreceivers: [{name: 123}]', 'accept'],
  ['YAML 1.1 booleans', `route: {receiver: a, routes: [{continue: yes}]}\n${R}`, 'accept'],
  ['merge keys', `route:\n  receiver: a\n  routes:\n    - &d {receiver: a, matchers: [x="1"]}\n    - <<: *d\n      matchers: [x="2"]\n${R}`, 'accept'],
  ['zero group_wait and resolve_timeout', `global: {resolve_timeout: 0}\nroute: {receiver: a, group_wait: 0}\n${R}`, 'accept'],
  ['an empty matcher entry on the root', `route: {receiver: a, matchers: [""]}\n${R}`, 'accept'],
  ['empty lists of unsupported integrations', 'route: {receiver: a}\nreceivers: [{name: a, slack_configs: [], webhook_configs: []}]', 'accept'],
  ['several matchers in one entry', `route: {receiver: a, routes: [{matchers: ['a=1, b=~"x,y"']}]}\n${R}`, 'accept'],
  ['max_alerts 1.0 is an integer', hook('url: "http://x", max_alerts: 1.0'), 'accept'],
  ['an empty file', '', 'reject'],
  ['a null route', `route:\n${R}`, 'reject'],
  ['group_interval 0', `route: {receiver: a, group_interval: 0}\n${R}`, 'reject'],
  ['repeat_interval 0s', `route: {receiver: a, repeat_interval: 0s}\n${R}`, 'reject'],
  ['a duration without unit', `route: {receiver: a, group_wait: 30}\n${R}`, 'reject'],
  ['a fractional duration', `route: {receiver: a, repeat_interval: 1.5h}\n${R}`, 'reject'],
  ['continue on the root', `route: {receiver: a, continue: true}\n${R}`, 'reject'],
  ['matchers on the root', `route: {receiver: a, matchers: [a=b]}\n${R}`, 'reject'],
  ['active time intervals on the root', `route: {receiver: a, active_time_intervals: [x]}\n${R}\ntime_intervals: [{name: x}]`, 'reject'],
  ['an empty root receiver', `route: {receiver: ""}\n${R}`, 'reject'],
  ['a receiver without name', 'route: {receiver: a}\nreceivers: [{name: a}, {webhook_configs: [{url: "http://x"}]}]', 'reject'],
  ['duplicate receiver names', 'route: {receiver: a}\nreceivers: [{name: a}, {name: a}]', 'reject'],
  ['an undefined receiver', `route: {receiver: a, routes: [{receiver: b}]}\n${R}`, 'reject'],
  ["'...' with other labels", `route: {receiver: a, group_by: ["...", a]}\n${R}`, 'reject'],
  ['a duplicated group_by label', `route: {receiver: a, group_by: [a, a]}\n${R}`, 'reject'],
  ['an invalid group_by label', `route: {receiver: a, group_by: ["a-b"]}\n${R}`, 'reject'],
  ['an invalid match label', `route: {receiver: a, routes: [{match: {"a-b": x}}]}\n${R}`, 'reject'],
  ['an invalid match_re regex', `route: {receiver: a, routes: [{match_re: {a: "("}}]}\n${R}`, 'reject'],
  ['an invalid matchers regex', `route: {receiver: a, routes: [{matchers: ["a=~\\"(\\""]}]}\n${R}`, 'reject'],
  ['a malformed matcher', `route: {receiver: a, routes: [{matchers: ["foo"]}]}\n${R}`, 'reject'],
  ['an undefined time interval', `route: {receiver: a, routes: [{mute_time_intervals: [x]}]}\n${R}`, 'reject'],
  ['a time interval name in both lists', `route: {receiver: a}\n${R}\ntime_intervals: [{name: x}]\nmute_time_intervals: [{name: x}]`, 'reject'],
  ['a time interval without name', `route: {receiver: a}\n${R}\ntime_intervals: [{time_intervals: []}]`, 'reject'],
  ['an invalid inhibit equal label', `route: {receiver: a}\n${R}\ninhibit_rules: [{equal: ["c-d"]}]`, 'reject'],
  ['send_resolved as a quoted string', hook('url: "http://x", send_resolved: "true"'), 'reject'],
  ['a negative max_alerts', hook('url: "http://x", max_alerts: -1'), 'reject'],
  ['a webhook without url', hook(''), 'reject'],
  ['a webhook url without scheme', hook('url: "x.example.com/hook"'), 'reject'],
  ['an ftp webhook url', hook('url: "ftp://x.example.com/hook"'), 'reject'],
  ['a webhook url without host', hook('url: "http:///x"'), 'reject'],
  ['url_file (unknown to 0.25; refused by edgealert for files)', hook('url_file: /x'), 'reject'],
  ['msteams_configs (unknown to 0.25; not yet supported here)', 'route: {receiver: a}\nreceivers: [{name: a, msteams_configs: [{webhook_url: "http://x"}]}]', 'reject'],
  ['authorization type basic', hook('url: "http://x", http_config: {authorization: {type: basic, credentials: x}}'), 'reject'],
  ['bearer_token with basic_auth', hook('url: "http://x", http_config: {bearer_token: y, basic_auth: {username: u}}'), 'reject'],
  ['a smarthost without port', `global: {smtp_smarthost: localhost}\nroute: {receiver: a}\n${R}`, 'reject'],
  ['an email config with its own smarthost and from', mail(`${MAIL}, smarthost: "mail.example.org:587"`), 'accept'],
  ['an email config taking smarthost and from from global', mail('to: ops@example.org', 'global: {smtp_smarthost: "mail.example.org:587", smtp_from: am@example.org}\n'), 'accept'],
  ['an email config without to', mail('from: am@example.org, smarthost: "mail.example.org:587"'), 'reject'],
  ['an email config without any smarthost', mail(MAIL), 'reject'],
  ['an email config without any from', mail('to: ops@example.org, smarthost: "mail.example.org:587"'), 'reject'],
  ['email headers that are one in canonical form', mail(`${MAIL}, smarthost: "m:587", headers: {Subject: a, subject: b}`), 'reject'],
  ['an email smarthost without port', mail(`${MAIL}, smarthost: mail.example.org`), 'reject'],
  ['a Slack config without any API URL', 'route: {receiver: a}\nreceivers: [{name: a, slack_configs: [{channel: "#a"}]}]', 'reject'],
  ['a PagerDuty config without a key', 'route: {receiver: a}\nreceivers: [{name: a, pagerduty_configs: [{severity: critical}]}]', 'reject'],
  ['an unknown field', `route: {receiver: a, recevier: b}\n${R}`, 'reject'],
  ['a duplicate key', `route: {receiver: a, receiver: b}\n${R}`, 'reject'],
];

/** [why, config, amtool's verdict, edgealert's verdict]: chosen differences (see the config module docs). */
const DIFFER: [string, string, Verdict, Verdict][] = [
  ['a Slack api_url written in the config: credentials only as ${NAME}', 'route: {receiver: a}\nreceivers: [{name: a, slack_configs: [{api_url: "http://x", channel: "#a"}]}]', 'accept', 'reject'],
  ['a PagerDuty routing_key written in the config: credentials only as ${NAME}', 'route: {receiver: a}\nreceivers: [{name: a, pagerduty_configs: [{routing_key: abc}]}]', 'accept', 'reject'],
  ['a second YAML document: ignored by yaml.v2, refused here', `route: {receiver: a}\n${R}\n---\nfoo: 1`, 'accept', 'reject'],
  ['insecure_skip_verify: Workers always verify TLS', hook('url: "https://x", http_config: {tls_config: {insecure_skip_verify: true}}'), 'accept', 'reject'],
  ['proxy_url: Workers fetch has no proxy', hook('url: "http://x", http_config: {proxy_url: "http://proxy:3128"}'), 'accept', 'reject'],
  ['a *_file field: Workers have no files', hook('url: "http://x", http_config: {bearer_token_file: /t}'), 'accept', 'reject'],
  ['the shards extension', `route: {receiver: a}\n${R}\nshards: 4`, 'reject', 'accept'],
  [
    'the escalation extensions (a route escalation and its policy)',
    `route: {receiver: a, routes: [{matchers: [x="1"], escalation: p}]}\n${R}\nescalation_policies: [{name: p, steps: [{notify: [a]}]}]`,
    'reject',
    'accept',
  ],
  [
    'the people and schedules extensions',
    `route: {receiver: a}\n${R}\npeople: {alice: {receivers: [a]}}\nschedules: [{name: s, rotations: [{participants: [alice], length: 1w, start: 2026-01-05T09:00}]}]`,
    'reject',
    'accept',
  ],
  ['email to port 25: Cloudflare blocks outbound port 25', mail(`${MAIL}, smarthost: "mail.example.org:25"`), 'accept', 'reject'],
  ['an email password written in the config: credentials only as ${NAME}', mail(`${MAIL}, smarthost: "m:587", auth_password: pw`), 'accept', 'reject'],
  ['email tls_config.insecure_skip_verify: Workers sockets always verify', mail(`${MAIL}, smarthost: "m:587", tls_config: {insecure_skip_verify: true}`), 'accept', 'reject'],
  ['an email from that is no address: refused at load (Alertmanager fails every send)', mail('to: ops@example.org, from: alertmanager, smarthost: "m:587"'), 'accept', 'reject'],
];

const verdict = (text: string): Verdict => (loadConfig(text, {}).ok ? 'accept' : 'reject');

describe('the loader agrees with amtool check-config', () => {
  it.each(AGREE)('%s: %s', (_why, text, amtool) => {
    expect(verdict(text)).toBe(amtool);
  });
});

describe('deliberate differences from amtool check-config', () => {
  it.each(DIFFER)('%s', (_why, text, _amtool, edgealert) => {
    expect(verdict(text)).toBe(edgealert);
  });
});

const hasAmtool = spawnSync('amtool', ['--version']).status === 0;

describe.runIf(hasAmtool)('amtool on this machine still answers as recorded', () => {
  const dir = mkdtempSync(join(tmpdir(), 'edgealert-amtool-'));
  const rows: [string, string, Verdict][] = [...AGREE, ...DIFFER.map(([why, text, amtool]): [string, string, Verdict] => [why, text, amtool])];
  it.each(rows.map((row, i) => [i, ...row] as const))('#%d %s', (i, _why, text, amtool) => {
    const file = join(dir, `case-${i}.yml`);
    writeFileSync(file, text);
    const run = spawnSync('amtool', ['check-config', file], { encoding: 'utf8' });
    expect(run.status === 0 ? 'accept' : 'reject').toBe(amtool);
  });
});
