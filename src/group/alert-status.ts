/**
 * An alert's status as the read API reports it: silenced by which active
 * silences, inhibited by which alerts (across every shard), and `suppressed`
 * when either holds, else `active`.
 */
import type { AlertStatus } from '../alert/gettable.js';
import type { Config } from '../config/types.js';
import { buildInhibitor } from '../inhibit/inhibitor.js';
import { silencedBy } from '../notify/mute-stage.js';
import type { Silence } from '../silence/types.js';
import type { StatusOf } from './read-model.js';
import type { ShardView } from './shard-view.js';

export function statusResolver(views: readonly ShardView[], config: Config, silences: readonly Silence[], now: number): StatusOf {
  const inhibitor = buildInhibitor(config.inhibitRules, views.flatMap((v) => v.alerts), now);
  return (alert): AlertStatus => {
    const silenced = silencedBy(silences, alert.labels, now);
    const inhibited = inhibitor.inhibitedBy(alert.labels);
    const state = silenced.length > 0 || inhibited.length > 0 ? 'suppressed' : 'active';
    return { state, silencedBy: silenced, inhibitedBy: inhibited };
  };
}
