/**
 * Which of a shard's aggregation groups is due first, remembered between
 * pushes. The shard arms its alarm at its next due time after every push;
 * scanning every group for it would cost a pass over up to 10,000 groups
 * (MAX_AGGREGATION_GROUPS_PER_SHARD) per push.
 *
 * Why that stays right: a group becomes due earlier only when it is created
 * or an alert brings its first flush forward, both in the shard's
 * insertIntoGroup, which reports it here (`inserted`). Everywhere else a
 * group's next flush only moves later (a flush schedules the next tick, after
 * now, for a group that was due) or the group goes away. So the time
 * remembered is never later than any group's next flush, and it is exactly
 * the first one while the group remembered with it is still there, due then;
 * once that group is gone or has moved on, the next question scans.
 */
import type { AggregationGroup } from './aggregation-group.js';

export class FirstDueGroup {
  private group: AggregationGroup | undefined;
  /** No group is due before this (-Infinity until the first scan). */
  private dueAt = Number.NEGATIVE_INFINITY;

  constructor(private readonly groups: ReadonlyMap<string, AggregationGroup>) {}

  /** When the first group is due; undefined when there are no groups. */
  firstDueAt(): number | undefined {
    const known = this.group;
    if (known && this.groups.get(known.id) === known && known.nextFlushAt === this.dueAt) return this.dueAt;
    this.group = undefined;
    this.dueAt = Infinity;
    for (const group of this.groups.values()) this.inserted(group);
    return this.group === undefined ? undefined : this.dueAt;
  }

  /** `group` was just created, or had an alert inserted that may have brought its first flush forward. */
  inserted(group: AggregationGroup): void {
    if (group.nextFlushAt < this.dueAt) {
      this.group = group;
      this.dueAt = group.nextFlushAt;
    }
  }
}
