import { describe, expect, it } from 'vitest';
import { formatConfigErrors, loadConfig } from './load.js';
import { findRoute, matchRoutes } from '../route/match-routes.js';

const BASE = `
route:
  receiver: default
  group_by: [alertname]
  routes:
    - matchers: [team="db"]
      receiver: db
receivers:
  - name: default
  - name: db
  - name: pager
`;

function load(extra: string) {
  const loaded = loadConfig(BASE + extra, {});
  if (!loaded.ok) throw new Error(formatConfigErrors(loaded.error));
  return loaded.value;
}

function errors(extra: string): string[] {
  const loaded = loadConfig(BASE + extra, {});
  return loaded.ok ? [] : loaded.error.map((e) => `${e.path}: ${e.message}`);
}

describe('heartbeats:', () => {
  it('loads each heartbeat with its matchers, timeout, receiver and labels', () => {
    const config = load(`heartbeats:\n  - {name: prom, matchers: ['alertname="Watchdog"'], timeout: 5m, receiver: pager, labels: {severity: critical}}\n  - {name: cron, timeout: 1h}`);
    expect(config.heartbeats.map((hb) => [hb.name, hb.matchers.length, hb.timeout, hb.receiver, hb.labels])).toEqual([
      ['prom', 1, 300_000, 'pager', { severity: 'critical' }],
      ['cron', 0, 3_600_000, undefined, {}],
    ]);
  });

  it('adds a synthetic first route per heartbeat with a receiver, without moving the ids of the file routes', () => {
    const config = load(`heartbeats:\n  - {name: prom, timeout: 5m, receiver: pager}\n  - {name: cron, timeout: 1h}`);
    expect(config.route.routes.map((r) => [r.id, r.key, r.receiver, r.groupWait])).toEqual([
      ['0.hb:prom', '{}/{alertname="HeartbeatMissing",heartbeat="prom"}', 'pager', 0],
      ['0.0', '{}/{team="db"}', 'db', 30_000],
    ]);
    expect(findRoute(config.route, '0.0')?.receiver).toBe('db');
    expect(findRoute(config.route, '0.hb:prom')?.receiver).toBe('pager');
    // The heartbeat's alert goes only to its receiver; one without a receiver is routed by the tree.
    expect(matchRoutes(config.route, { alertname: 'HeartbeatMissing', heartbeat: 'prom', team: 'db' }).map((r) => r.receiver)).toEqual(['pager']);
    expect(matchRoutes(config.route, { alertname: 'HeartbeatMissing', heartbeat: 'cron', team: 'db' }).map((r) => r.receiver)).toEqual(['db']);
  });

  it.each([
    ['a name is required', `heartbeats: [{timeout: 5m}]`, 'heartbeats[0].name: missing name in heartbeat'],
    ['names go into URLs', `heartbeats: [{name: 'a b', timeout: 5m}]`, 'heartbeats[0].name: heartbeat name may only contain letters, digits, "_" and "-"'],
    ['a timeout is required', `heartbeats: [{name: a}]`, 'heartbeats[0].timeout: missing required field'],
    ['names are unique', `heartbeats: [{name: a, timeout: 1m}, {name: a, timeout: 2m}]`, 'heartbeats[1].name: heartbeat "a" is not unique'],
    ['the receiver must exist', `heartbeats: [{name: a, timeout: 1m, receiver: nope}]`, 'heartbeats[0].receiver: undefined receiver "nope" used in heartbeat'],
    ['alertname and heartbeat are set by edgealert', `heartbeats: [{name: a, timeout: 1m, labels: {heartbeat: x}}]`, 'heartbeats[0].labels.heartbeat: label "heartbeat" is set by edgealert'],
    ['the escalation must be a policy', `heartbeats: [{name: a, timeout: 1m, receiver: pager, escalation: critical}]`, 'heartbeats[0].escalation: undefined escalation policy "critical" used in heartbeat (define it in escalation_policies, or write none)'],
    ['unknown fields are refused', `heartbeats: [{name: a, timeout: 1m, recevier: pager}]`, 'heartbeats[0].recevier: unknown field "recevier"; did you mean "receiver"?'],
    ['the silence expiry notice receiver must exist', `silence_expiry_notice: {receiver: nope, before: 15m}`, 'silence_expiry_notice.receiver: undefined receiver "nope" used in silence_expiry_notice'],
  ])('%s', (_why, extra, error) => {
    expect(errors(extra)).toEqual([error]);
  });
});

describe('notify_on_silence_end and send_resolved_when_silenced', () => {
  it('are off by default and inherited like group_wait', () => {
    const config = load(``);
    expect([config.route.notifyOnSilenceEnd, config.route.sendResolvedWhenSilenced]).toEqual([false, false]);
    const on = loadConfig(BASE.replace('  group_by: [alertname]', '  group_by: [alertname]\n  notify_on_silence_end: true\n  send_resolved_when_silenced: true'), {});
    if (!on.ok) throw new Error(formatConfigErrors(on.error));
    expect(on.value.route.routes.map((r) => [r.notifyOnSilenceEnd, r.sendResolvedWhenSilenced])).toEqual([[true, true]]);
  });
});
