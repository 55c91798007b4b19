/**
 * The config the CLI's on-call tests share (unit tests and the spawned CLI
 * alike): a weekly Berlin rotation handing off Mondays 09:00 local (08:00
 * UTC in winter; alice has the week of 2026-11-23, bob from 2026-11-30), an
 * office-hours schedule, and policies that page them.
 */
import { formatConfigErrors, loadConfig } from '../../config/index.js';
import type { Config } from '../../config/types.js';

export const ONCALL_CONFIG_YAML = `global:
  smtp_smarthost: 'mail.example.com:587'
  smtp_from: alerts@example.com
route:
  receiver: default
  group_by: [alertname]
  routes:
    - matchers: [severity="critical"]
      receiver: pager
      escalation: critical
    - matchers: [team="db"]
      receiver: db
      escalation: quiet
    - matchers: [team="web"]
      receiver: default
      escalation: nagging
receivers:
  - name: default
    webhook_configs: [{ url: "http://127.0.0.1:9/default" }]
  - name: pager
    webhook_configs: [{ url: "http://127.0.0.1:9/pager" }]
  - name: db
    webhook_configs: [{ url: "http://127.0.0.1:9/db" }]
  - name: bob-phone
    webhook_configs: [{ url: "http://127.0.0.1:9/bob" }]
people:
  alice: { email: alice@example.com }
  bob: { receivers: [bob-phone] }
  carol: { email: carol@example.com }
  frank: { receivers: [bob-phone] }
schedules:
  - name: sre
    time_zone: Europe/Berlin
    rotations:
      - name: weekly
        participants: [alice, bob]
        length: 1w
        start: 2026-01-05T09:00
  - name: dba
    rotations:
      - name: office
        participants: [carol]
        length: 1d
        start: 2026-01-05T09:00
        restrictions:
          - weekdays: ['monday:friday']
            times: [{ start_time: '09:00', end_time: '17:00' }]
escalation_policies:
  - name: critical
    repeat: 1
    repeat_after: 30m
    steps:
      - notify: [schedule:sre]
      - after: 10m
        notify: [schedule:sre, pager]
      - after: 20m
        notify: [person:carol]
  - name: quiet
    steps:
      - after: 5m
        notify: [schedule:dba]
  - name: nagging
    repeat: 5
    repeat_after: 10m
    steps:
      - notify: [person:alice]
`;

/**
 * `who --at 2026-11-30T07:50:00Z alertname=Disk severity=critical` from the
 * config alone: the first step runs before the Monday handoff (alice), the
 * next ones after it (bob).
 */
export const CRITICAL_AT_HANDOFF = {
  at: '2026-11-30T07:50:00Z',
  labels: { alertname: 'Disk', severity: 'critical' },
  stdout: [
    "at 2026-11-30T07:50:00Z (config only; --url adds the service's overrides and silences):",
    '  route 0.0 -> receiver pager (webhook): notified 30s after the alert starts, repeated every 4h while it fires',
    '    escalation critical: an incident opens with the first notification (2026-11-30T07:50:30Z); until acknowledged:',
    '      step 1 of 3, pass 1 of 2, after 0s (2026-11-30T07:50:30Z): schedule:sre -> alice (rotation weekly) -> person:alice (email)',
    '      step 2 of 3, pass 1 of 2, after 10m (2026-11-30T08:00:30Z): schedule:sre -> bob (rotation weekly) -> bob-phone (webhook); pager (webhook)',
    '      step 3 of 3, pass 1 of 2, after 20m (2026-11-30T08:10:30Z): person:carol -> person:carol (email)',
    '      step 1 of 3, pass 2 of 2, after 30m (2026-11-30T08:20:30Z): schedule:sre -> bob (rotation weekly) -> bob-phone (webhook)',
    '      step 2 of 3, pass 2 of 2, after 40m (2026-11-30T08:30:30Z): schedule:sre -> bob (rotation weekly) -> bob-phone (webhook); pager (webhook)',
    '      step 3 of 3, pass 2 of 2, after 50m (2026-11-30T08:40:30Z): person:carol -> person:carol (email)',
    '',
  ].join('\n'),
} as const;

/** The fixture, loaded as the CLI loads it. */
export function onCallConfig(): Config {
  const loaded = loadConfig(ONCALL_CONFIG_YAML, {});
  if (!loaded.ok) throw new Error(formatConfigErrors(loaded.error));
  return loaded.value;
}
