/**
 * What the receiver got, in short and in a stable order: the deliveries of
 * one tick (several groups, possibly on several shards) arrive in any order,
 * so they are sorted by time, then by group.
 */
import { deliveries, summary, type Delivery } from './timeline.js';

const groupOf = (d: Delivery) => JSON.stringify(d.message.groupLabels);

/** Every delivery so far as `{group, at, status, alerts}` (see `summary`), by time then group labels. */
export async function sentByGroup(): Promise<{ group: string | undefined; at: number; status: string; alerts: string[] }[]> {
  const all = await deliveries();
  all.sort((a, b) => a.at - b.at || groupOf(a).localeCompare(groupOf(b)));
  return all.map((d) => ({ group: d.message.groupLabels.alertname, ...summary(d) }));
}
