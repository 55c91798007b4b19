/**
 * When each schedule with `handoff_notices: true` next changes hands. The
 * instants are stored (meta `handoff:NAME`), so a handoff that falls while
 * the object sleeps still fires when its alarm wakes it; one older than
 * STALE_HANDOFF_MS (a long outage) is skipped rather than sent late.
 */
import type { OnCallConfig } from '../config/oncall-types.js';
import { nextHandoffs, onCallAt, type OnCallAnswer } from '../oncall/index.js';
import type { Override } from '../oncall/override.js';
import type { DeskStorage } from './desk-storage.js';

export const STALE_HANDOFF_MS = 3_600_000;

/** A shift that started: who, on which schedule, from when. */
export interface Handoff {
  readonly schedule: string;
  readonly at: number;
  readonly incoming: OnCallAnswer;
}

export class HandoffClock {
  private readonly due = new Map<string, number>();

  constructor(
    private readonly oncall: OnCallConfig,
    private readonly storage: DeskStorage,
    meta: ReadonlyMap<string, number>,
    private readonly overridesOf: (schedule: string) => Override[],
    now: number,
  ) {
    for (const schedule of this.noticed()) {
      const stored = meta.get(key(schedule));
      if (stored === undefined) this.reschedule(schedule, now);
      else this.due.set(schedule, stored);
    }
  }

  nextDueAt(): number | undefined {
    const all = [...this.due.values()];
    return all.length === 0 ? undefined : Math.min(...all);
  }

  /** The handoffs due by `now` (stale ones dropped); each schedule moves on to its next handoff. */
  takeDue(now: number): Handoff[] {
    const handoffs: Handoff[] = [];
    for (const [schedule, at] of this.due) {
      if (at > now) continue;
      const rules = this.oncall.schedules.get(schedule);
      const incoming = rules && onCallAt(rules, this.overridesOf(schedule), at);
      if (incoming && at > now - STALE_HANDOFF_MS) handoffs.push({ schedule, at, incoming });
      this.reschedule(schedule, Math.max(at, now));
    }
    return handoffs;
  }

  /** Recomputes a schedule's next handoff after `from` (overrides changed, or one just fired). */
  reschedule(schedule: string, from: number): void {
    const rules = this.oncall.schedules.get(schedule);
    if (!rules?.handoffNotices) return;
    const next = nextHandoffs(rules, this.overridesOf(schedule), from, 1)[0];
    if (next === undefined) {
      this.due.delete(schedule);
      return;
    }
    if (this.due.get(schedule) === next.at) return;
    this.due.set(schedule, next.at);
    this.storage.putMeta(key(schedule), next.at);
  }

  private noticed(): string[] {
    return [...this.oncall.schedules.values()].filter((s) => s.handoffNotices).map((s) => s.name);
  }
}

const key = (schedule: string) => `handoff:${schedule}`;
