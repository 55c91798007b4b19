/**
 * `people:`, `schedules:`, `escalation_policies:` and `escalation:` on
 * routes and heartbeats: the loaded OnCallConfig, people's contact
 * receivers, inheritance, and every rule with the path and message it
 * reports.
 */
import { describe, expect, it } from 'vitest';
import { findRoute } from '../route/match-routes.js';
import { formatConfigErrors, loadConfig } from './load.js';
import type { Config } from './types.js';

import { ENV, GLOBAL, RECEIVERS, ROUTE, SLACK_URL } from './testdata/oncall-fixture.js';

/** The brief's example, complete. */
const EXAMPLE = `${GLOBAL}route:
  receiver: slack-sre
  routes:
    - matchers: [severity="critical"]
      receiver: pagerduty-primary
      escalation: critical
${RECEIVERS}people:
  alice: { email: alice@example.com, slack: U012AB3CD }
  bob: { email: bob@example.com, receivers: [bob-phone] }
  carol: { receivers: [bob-phone] }
schedules:
  - name: sre
    time_zone: Europe/Berlin
    handoff_notices: true
    rotations:
      - name: weekly
        participants: [alice, bob]
        length: 1w
        start: 2026-01-05T09:00
      - participants: [carol]
        length: 12h
        start: 2026-01-05T21:00
        restrictions:
          - weekdays: ['monday:friday']
            times: [{ start_time: '09:00', end_time: '17:00' }]
          - { weekdays: [saturday], location: UTC }
          - { weekdays: [sunday], location: America/New_York }
  - name: follow-the-sun
    rotations:
      - { participants: [bob], length: 1d, start: 2026-01-01T00:00, restrictions: [{ times: [{ start_time: '00:00', end_time: '08:00' }] }] }
escalation_policies:
  - name: critical
    repeat: 1
    repeat_after: 30m
    reescalate_on_new_alerts: false
    steps:
      - notify: [slack-sre]
      - after: 5m
        notify: [schedule:sre]
      - after: 15m
        notify: [person:alice, email-managers]
  - name: quiet
    steps:
      - after: 10m
        notify: [person:carol]
heartbeats:
  - name: prom
    timeout: 5m
    receiver: pagerduty-primary
    escalation: critical
`;

function load(text: string, env: Record<string, unknown> = ENV): Config {
  const loaded = loadConfig(text, env);
  if (!loaded.ok) throw new Error(formatConfigErrors(loaded.error));
  return loaded.value;
}

const MIN = 60_000;

describe('the complete example', () => {
  const config = load(EXAMPLE);

  it('loads people with their contact receiver', () => {
    expect([...config.oncall.people.values()]).toEqual([
      { name: 'alice', email: 'alice@example.com', slack: 'U012AB3CD', receivers: [], contactReceiver: 'person:alice' },
      { name: 'bob', email: 'bob@example.com', receivers: ['bob-phone'], contactReceiver: 'person:bob' },
      { name: 'carol', receivers: ['bob-phone'] },
    ]);
  });

  it('loads schedules with defaults, restrictions read in the schedule time zone unless they name one', () => {
    expect(config.oncall.schedules.get('sre')).toEqual({
      name: 'sre',
      timeZone: 'Europe/Berlin',
      handoffNotices: true,
      rotations: [
        { name: 'weekly', participants: ['alice', 'bob'], length: 7 * 24 * 60 * MIN, start: { year: 2026, month: 1, day: 5, hour: 9, minute: 0 } },
        {
          name: 'rotation-2',
          participants: ['carol'],
          length: 12 * 60 * MIN,
          start: { year: 2026, month: 1, day: 5, hour: 21, minute: 0 },
          restrictions: [
            { weekdays: [{ begin: 1, end: 5 }], times: [{ startMinute: 540, endMinute: 1020 }], location: 'Europe/Berlin' },
            { weekdays: [{ begin: 6, end: 6 }] },
            { weekdays: [{ begin: 0, end: 0 }], location: 'America/New_York' },
          ],
        },
      ],
    });
    const utc = config.oncall.schedules.get('follow-the-sun');
    expect([utc?.timeZone, utc?.handoffNotices, utc?.rotations[0]?.name, utc?.rotations[0]?.restrictions]).toEqual([
      'UTC',
      false,
      'rotation-1',
      [{ times: [{ startMinute: 0, endMinute: 480 }] }],
    ]);
  });

  it('loads escalation policies with their targets and defaults', () => {
    expect(config.oncall.escalationPolicies.get('critical')).toEqual({
      name: 'critical',
      steps: [
        { after: 0, notify: [{ kind: 'receiver', name: 'slack-sre' }] },
        { after: 5 * MIN, notify: [{ kind: 'schedule', name: 'sre' }] },
        { after: 15 * MIN, notify: [{ kind: 'person', name: 'alice' }, { kind: 'receiver', name: 'email-managers' }] },
      ],
      repeat: 1,
      repeatAfter: 30 * MIN,
      reescalateOnNewAlerts: false,
    });
    // repeat_after left out: the last step's after + 5m.
    expect(config.oncall.escalationPolicies.get('quiet')).toMatchObject({ repeat: 0, repeatAfter: 15 * MIN, reescalateOnNewAlerts: false });
  });

  it('adds person:NAME receivers after the written ones, only for people with email or slack', () => {
    expect([...config.receivers.keys()]).toEqual(['slack-sre', 'pagerduty-primary', 'bob-phone', 'email-managers', 'person:alice', 'person:bob']);
    expect(config.receivers.get('person:bob')?.integrations.map((i) => i.type)).toEqual(['email']);
  });

  it('builds them exactly as a written receiver with the same email and Slack configs', () => {
    const written = load(
      EXAMPLE.replace(
        '  - name: email-managers\n',
        '  - name: email-managers\n  - name: alice-by-hand\n    email_configs: [{to: alice@example.com, send_resolved: true}]\n    slack_configs: [{channel: U012AB3CD, send_resolved: true}]\n',
      ),
    );
    const byHand = written.receivers.get('alice-by-hand')?.integrations;
    expect(config.receivers.get('person:alice')?.integrations).toEqual(byHand);
    expect(byHand?.map((i) => [i.type, i.sendResolved])).toEqual([
      ['email', true],
      ['slack', true],
    ]);
    expect(byHand?.[1]).toMatchObject({ url: SLACK_URL, message: { channel: 'U012AB3CD' } });
    expect(byHand?.[0]).toMatchObject({ to: 'alice@example.com', from: 'alerts@example.com', transport: { kind: 'smtp', host: 'mail.example.com', port: 587 } });
  });

  it('gives the route and the heartbeat route their escalation', () => {
    expect(findRoute(config.route, '0.0')?.escalation).toBe('critical');
    expect(findRoute(config.route, '0.hb:prom')?.escalation).toBe('critical');
    expect(config.route.escalation).toBeUndefined();
    expect(config.heartbeats[0]?.escalation).toBe('critical');
  });
});

describe('a config without on-call extensions', () => {
  it('has an empty OnCallConfig and no escalation anywhere', () => {
    const config = load(`${ROUTE}${RECEIVERS}heartbeats: [{name: hb, timeout: 1m, receiver: slack-sre}]`);
    expect(config.oncall).toEqual({ people: new Map(), schedules: new Map(), escalationPolicies: new Map() });
    expect([config.route.escalation, findRoute(config.route, '0.hb:hb')?.escalation]).toEqual([undefined, undefined]);
  });
});

describe('escalation inheritance', () => {
  const POLICIES = 'escalation_policies: [{name: p1, steps: [{notify: [slack-sre]}]}, {name: p2, steps: [{notify: [bob-phone]}]}]\n';
  const config = load(`route:
  receiver: slack-sre
  escalation: p1
  routes:
    - matchers: [team="a"]
      routes:
        - matchers: [x="1"]
    - matchers: [team="b"]
      escalation: none
      routes:
        - matchers: [x="1"]
        - matchers: [x="2"]
          escalation: p2
${RECEIVERS}${POLICIES}heartbeats:
  - {name: inherits, timeout: 1m, receiver: slack-sre}
  - {name: own, timeout: 1m, receiver: slack-sre, escalation: p2}
  - {name: off, timeout: 1m, receiver: slack-sre, escalation: none}
  - {name: tree, timeout: 1m}
silence_expiry_notice: {receiver: slack-sre, before: 15m}
`);

  it.each([
    ['the root has its own', '0', 'p1'],
    ['a child inherits it', '0.0', 'p1'],
    ['and a grandchild', '0.0.0', 'p1'],
    ['none clears it', '0.1', undefined],
    ['for the whole subtree', '0.1.0', undefined],
    ['until a route names one again', '0.1.1', 'p2'],
    ["a heartbeat's route inherits the root's", '0.hb:inherits', 'p1'],
    ['or takes its own', '0.hb:own', 'p2'],
    ['or none', '0.hb:off', undefined],
    ['a silence expiry notice never escalates', '0.silence-expiry', undefined],
  ])('%s (%s)', (_why, id, policy) => {
    const route = findRoute(config.route, id);
    expect(route).toBeDefined();
    expect(route?.escalation).toBe(policy);
  });

  it('leaves no escalation key on routes without one', () => {
    expect(Object.keys(findRoute(config.route, '0.1') ?? {})).not.toContain('escalation');
  });

  it('records the effective escalation on the heartbeats', () => {
    expect(config.heartbeats.map((hb) => [hb.name, hb.escalation])).toEqual([
      ['inherits', 'p1'],
      ['own', 'p2'],
      ['off', undefined],
      ['tree', undefined],
    ]);
  });
});
