/**
 * A notification and a loaded integration for notifier unit tests, so each
 * test states only what it is about.
 */
import { formatConfigErrors, loadConfig, type Config } from '../../config/index.js';
import type { Integration } from '../../config/types.js';
import type { Notification } from '../notification.js';

const START = Date.UTC(2026, 0, 2, 3, 4, 5, 670);

/** A DiskFull group: `statuses` gives each alert's status, instance h1, h2, ... */
export function diskNotification(...statuses: ('firing' | 'resolved')[]): Notification {
  return {
    receiver: 'team',
    groupKey: '{}:{alertname="DiskFull"}',
    groupLabels: { alertname: 'DiskFull' },
    alerts: statuses.map((status, i) => ({
      status,
      labels: { alertname: 'DiskFull', instance: `h${i + 1}`, severity: 'critical' },
      annotations: { summary: `disk ${i + 1} full` },
      startsAt: START,
      endsAt: status === 'firing' ? null : START + 60_000,
      generatorURL: '',
      fingerprint: `f${i + 1}`,
      updatedAt: START,
    })),
  };
}

/** Loads `receivers:` (one receiver named `team`) with `env` as the Worker's secrets. */
export function loadTeam(receiverYaml: string, env: Record<string, string>): Config {
  const loaded = loadConfig(`route: { receiver: team }\nreceivers:\n  - name: team\n${receiverYaml}`, env);
  if (!loaded.ok) throw new Error(formatConfigErrors(loaded.error));
  return loaded.value;
}

/** The first integration of receiver `team` of `type`. */
export function integrationOf<T extends Integration['type']>(config: Config, type: T): Extract<Integration, { type: T }> {
  const found = config.receivers.get('team')?.integrations.find((i) => i.type === type);
  if (!found) throw new Error(`no ${type} integration`);
  return found as Extract<Integration, { type: T }>;
}
