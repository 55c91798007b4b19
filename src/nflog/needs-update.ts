/**
 * The dedup decision (Alertmanager's DedupStage.needsUpdate): given what was
 * last logged for a group x receiver x integration and what fires now,
 * whether to notify, and why. First matching rule wins.
 */
import type { NflogEntry } from './entry.js';

export const NOTIFY_REASONS = [
  'first-notification',
  'new-firing-alerts',
  'all-resolved',
  'new-resolved-alerts',
  'repeat-interval-elapsed',
] as const;
export type NotifyReason = (typeof NOTIFY_REASONS)[number];

export const SKIP_REASONS = ['nothing-firing', 'resolved-already-known', 'unchanged'] as const;
export type SkipReason = (typeof SKIP_REASONS)[number];

export type DedupDecision = { notify: true; reason: NotifyReason } | { notify: false; reason: SkipReason };

export interface DedupInput {
  readonly entry: NflogEntry | undefined;
  readonly firing: ReadonlySet<string>;
  readonly resolved: ReadonlySet<string>;
  readonly sendResolved: boolean;
  readonly repeatInterval: number;
  readonly now: number;
}

/** Decides whether a flush notifies this integration. */
export function needsUpdate(input: DedupInput): DedupDecision {
  const { entry, firing, resolved } = input;
  // Never notified: a group that only ever had resolved alerts stays quiet.
  if (!entry) return firing.size > 0 ? yes('first-notification') : no('nothing-firing');
  if (!isSubset(firing, entry.firing)) return yes('new-firing-alerts');
  // Everything resolved: tell the receiver only if it was told something fired.
  // This goes out whatever send_resolved says, so the log's firing set is cleared.
  if (firing.size === 0) return entry.firing.length > 0 ? yes('all-resolved') : no('resolved-already-known');
  if (input.sendResolved && !isSubset(resolved, entry.resolved)) return yes('new-resolved-alerts');
  return entry.at < input.now - input.repeatInterval ? yes('repeat-interval-elapsed') : no('unchanged');
}

function isSubset(set: ReadonlySet<string>, of: readonly string[]): boolean {
  if (set.size > of.length) return false;
  const logged = new Set(of);
  for (const item of set) if (!logged.has(item)) return false;
  return true;
}

const yes = (reason: NotifyReason): DedupDecision => ({ notify: true, reason });
const no = (reason: SkipReason): DedupDecision => ({ notify: false, reason });
