/**
 * What storage knows of each alert's endsAt, and the cheap way of keeping it
 * fresh. Prometheus re-sends every firing alert every minute with endsAt
 * moved on; writing each re-send would cost a row per alert per minute. So a
 * re-send that only moves endsAt writes nothing at once; the shard collects
 * them and, only when some stored endsAt would lapse within two minutes,
 * writes them all as a checkpoint: one row per 10,000 alerts, every one to
 * three minutes (every minute when Prometheus' pushes are spread over the
 * minute, as `npm run bench`'s cost model sends them), whatever the number of
 * re-sends. On restart the checkpoint is applied over the alert rows.
 */
import type { Alert } from '../alert/types.js';

/** A stored endsAt this close to now is refreshed (Prometheus re-sends every minute). */
export const ENDS_AT_REFRESH_MARGIN_MS = 2 * 60_000;
/**
 * Alerts per checkpoint row. A row is billed the same whatever its size and
 * holds up to 2 MB; an entry is about 35 bytes, so 10,000 make about 350 KB.
 */
export const CHECKPOINT_CHUNK = 10_000;

export const PERSIST_ACTIONS = ['row', 'refresh', 'none'] as const;
/** row: write the alert; refresh: only endsAt moved on (checkpoint it later); none: nothing new. */
export type PersistAction = (typeof PERSIST_ACTIONS)[number];

/** What a received alert (already merged) needs written, given the endsAt storage holds for it. */
export function persistAction(previous: Alert | undefined, next: Alert, storedEndsAt: number | undefined): PersistAction {
  if (!previous || storedEndsAt === undefined || contentChanged(previous, next)) return 'row';
  // Resolving (an earlier endsAt) is always written at once.
  if (next.endsAt < storedEndsAt) return 'row';
  return next.endsAt > storedEndsAt ? 'refresh' : 'none';
}

export interface CheckpointStorage {
  putCheckpoint(chunk: number, entries: Record<string, number>): void;
  deleteCheckpoint(chunk: number): void;
}

export class EndsAtLedger {
  private readonly rows = new Map<string, number>();
  private readonly checkpoint: Map<string, number>;
  private readonly pending = new Map<string, number>();
  /**
   * No pending alert's stored endsAt is earlier than this: a lower bound (an
   * alert's stored endsAt does not change while it is pending), exact after
   * a scan. It spares flush() a scan of every pending alert on every push.
   */
  private pendingLowest = Infinity;
  private chunksWritten: number;

  constructor(
    private readonly storage: CheckpointStorage,
    alerts: Iterable<Alert>,
    checkpoint: ReadonlyMap<string, number>,
    chunks: number,
  ) {
    for (const alert of alerts) this.rows.set(alert.fingerprint, alert.endsAt);
    this.checkpoint = new Map(checkpoint);
    this.chunksWritten = chunks;
  }

  /** The endsAt a restart would load for this alert. */
  stored(fingerprint: string): number | undefined {
    const row = this.rows.get(fingerprint);
    const checkpointed = this.checkpoint.get(fingerprint);
    if (row === undefined) return undefined;
    return checkpointed === undefined ? row : Math.max(row, checkpointed);
  }

  /** The alert row was written with this endsAt. */
  wroteRow(fingerprint: string, endsAt: number): void {
    this.rows.set(fingerprint, endsAt);
    this.checkpoint.delete(fingerprint);
    this.pending.delete(fingerprint);
  }

  /** Only endsAt moved on; to be checkpointed when needed. */
  refreshed(fingerprint: string, endsAt: number): void {
    this.pending.set(fingerprint, endsAt);
    this.pendingLowest = Math.min(this.pendingLowest, this.stored(fingerprint) ?? 0);
  }

  forget(fingerprint: string): void {
    this.rows.delete(fingerprint);
    this.checkpoint.delete(fingerprint);
    this.pending.delete(fingerprint);
  }

  /** Writes the checkpoint when some pending alert's stored endsAt would lapse soon. */
  flush(now: number): void {
    const due = now + ENDS_AT_REFRESH_MARGIN_MS;
    if (this.pendingLowest >= due) return;
    let lowest = Infinity;
    for (const fingerprint of this.pending.keys()) {
      const stored = this.stored(fingerprint) ?? 0;
      if (stored < due) {
        lowest = stored;
        break;
      }
      lowest = Math.min(lowest, stored);
    }
    this.pendingLowest = lowest;
    if (lowest >= due) return;
    for (const [fingerprint, endsAt] of this.pending) this.checkpoint.set(fingerprint, endsAt);
    this.pending.clear();
    this.pendingLowest = Infinity;
    const entries = [...this.checkpoint];
    const chunks = Math.ceil(entries.length / CHECKPOINT_CHUNK);
    for (let i = 0; i < chunks; i++) {
      this.storage.putCheckpoint(i, Object.fromEntries(entries.slice(i * CHECKPOINT_CHUNK, (i + 1) * CHECKPOINT_CHUNK)));
    }
    for (let i = chunks; i < this.chunksWritten; i++) this.storage.deleteCheckpoint(i);
    this.chunksWritten = chunks;
  }
}

function contentChanged(a: Alert, b: Alert): boolean {
  return (
    a.startsAt !== b.startsAt ||
    a.timeout !== b.timeout ||
    a.generatorURL !== b.generatorURL ||
    !sameStrings(a.annotations, b.annotations)
  );
}

function sameStrings(a: Readonly<Record<string, string>>, b: Readonly<Record<string, string>>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => a[k] === b[k]);
}
