/**
 * `edgealert who [--config F] [--at TIME] label=value...`: who gets notified
 * for such an alert at that moment: each route it takes, its receiver, when
 * the first notification would go out, and whether the route's time
 * intervals mute it then. (Escalation steps and on-call schedules join this
 * output when they exist in the config.)
 */
import type { LabelSet } from '../../alert/labels.js';
import type { Config } from '../../config/types.js';
import { formatDuration } from '../../config/index.js';
import { mutedByTime } from '../../notify/mute-stage.js';
import { matchRoutes } from '../../route/match-routes.js';
import { ok, type CliResult } from '../cli-io.js';

export function who(config: Config, labels: LabelSet, at: number): CliResult {
  const lines = [`at ${new Date(at).toISOString()}:`];
  for (const route of matchRoutes(config.route, labels)) {
    const muted = mutedByTime(route, config.timeIntervals, at);
    const integrations = config.receivers.get(route.receiver)?.integrations.map((i) => i.type) ?? [];
    lines.push(
      `  route ${route.id} -> receiver ${route.receiver} (${integrations.join(', ') || 'no integrations'})` +
        (muted ? ': muted by its time intervals at this time' : `: notified ${formatDuration(route.groupWait)} after the alert starts, repeated every ${formatDuration(route.repeatInterval)} while it fires`),
    );
  }
  return ok(`${lines.join('\n')}\n`);
}
