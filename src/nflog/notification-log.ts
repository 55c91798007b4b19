/**
 * A shard's notification log: the entry of each group x receiver x
 * integration, kept in memory and written through to storage, forgotten
 * after NFLOG_RETENTION_MS.
 */
import { NFLOG_RETENTION_MS, nflogKey, type NflogEntry } from './entry.js';

/** Where entries are stored (the shard's storage). */
export interface NflogStorage {
  putNflog(key: string, entry: NflogEntry): void;
  deleteNflog(key: string): void;
}

export class NotificationLog {
  private readonly entries: Map<string, NflogEntry>;

  constructor(
    private readonly storage: NflogStorage,
    stored: ReadonlyMap<string, NflogEntry>,
  ) {
    this.entries = new Map(stored);
  }

  get(groupId: string, receiver: string, index: number): NflogEntry | undefined {
    return this.entries.get(nflogKey(groupId, receiver, index));
  }

  /** Records what an integration was just sent; its memo carries over from the last entry unless it gave a new one. */
  log(groupId: string, receiver: string, index: number, sent: { firing: Iterable<string>; resolved: Iterable<string>; memo?: Readonly<Record<string, string>> }, now: number): void {
    const key = nflogKey(groupId, receiver, index);
    const memo = sent.memo ?? this.entries.get(key)?.memo;
    const entry: NflogEntry = { firing: [...sent.firing], resolved: [...sent.resolved], at: now, expiresAt: now + NFLOG_RETENTION_MS, ...(memo ? { memo: { ...memo } } : {}) };
    this.entries.set(key, entry);
    this.storage.putNflog(key, entry);
  }

  /** Forgets entries past their retention. */
  collect(now: number): void {
    for (const [key, entry] of this.entries) {
      if (entry.expiresAt > now) continue;
      this.entries.delete(key);
      this.storage.deleteNflog(key);
    }
  }
}
