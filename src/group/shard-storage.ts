/**
 * What a Dispatcher shard persists, as a synchronous interface (Durable
 * Object SQLite storage is synchronous). The shard calls it for every change
 * it must not lose; `memoryShardStorage` backs unit tests.
 */
import type { Alert } from '../alert/types.js';
import type { NflogEntry } from '../nflog/entry.js';
import type { GroupRecord } from './aggregation-group.js';
import type { FlushJob } from './flush-job.js';
import type { Silence } from '../silence/types.js';

export interface ShardStorage {
  putAlert(alert: Alert): void;
  deleteAlert(fingerprint: string): void;
  putGroup(group: GroupRecord): void;
  deleteGroup(id: string): void;
  putNflog(key: string, entry: NflogEntry): void;
  deleteNflog(key: string): void;
  putJob(job: FlushJob): void;
  deleteJob(id: string): void;
  /** A chunk of the endsAt checkpoint (see ends-at-ledger.ts). */
  putCheckpoint(chunk: number, entries: Record<string, number>): void;
  deleteCheckpoint(chunk: number): void;
  /** A silence pushed to this shard (one row each, so any number fit). */
  putSilence(silence: Silence): void;
  deleteSilence(id: string): void;
}

/** Everything a shard stored, read back at start-up. */
export interface ShardSnapshot {
  readonly alerts: readonly Alert[];
  readonly groups: readonly GroupRecord[];
  readonly nflog: ReadonlyMap<string, NflogEntry>;
  readonly jobs: readonly FlushJob[];
  readonly silences: readonly Silence[];
  /** The endsAt checkpoint, all chunks merged. */
  readonly checkpoint: ReadonlyMap<string, number>;
  readonly checkpointChunks: number;
}

/** An in-memory ShardStorage whose contents can be read back as a snapshot. */
export function memoryShardStorage(): ShardStorage & { snapshot(): ShardSnapshot; writes: number } {
  const alerts = new Map<string, Alert>();
  const groups = new Map<string, GroupRecord>();
  const nflog = new Map<string, NflogEntry>();
  const jobs = new Map<string, FlushJob>();
  const silences = new Map<string, Silence>();
  const checkpoints = new Map<number, Record<string, number>>();
  const store = {
    writes: 0,
    putAlert: (a: Alert) => void (store.writes++, alerts.set(a.fingerprint, structuredClone(a))),
    deleteAlert: (fp: string) => void (store.writes++, alerts.delete(fp)),
    putGroup: (g: GroupRecord) => void (store.writes++, groups.set(g.id, structuredClone(g))),
    deleteGroup: (id: string) => void (store.writes++, groups.delete(id)),
    putNflog: (k: string, e: NflogEntry) => void (store.writes++, nflog.set(k, structuredClone(e))),
    deleteNflog: (k: string) => void (store.writes++, nflog.delete(k)),
    putJob: (j: FlushJob) => void (store.writes++, jobs.set(j.id, structuredClone(j))),
    deleteJob: (id: string) => void (store.writes++, jobs.delete(id)),
    putCheckpoint: (chunk: number, entries: Record<string, number>) => void (store.writes++, checkpoints.set(chunk, { ...entries })),
    deleteCheckpoint: (chunk: number) => void (store.writes++, checkpoints.delete(chunk)),
    putSilence: (silence: Silence) => void (store.writes++, silences.set(silence.id, structuredClone(silence))),
    deleteSilence: (id: string) => void (store.writes++, silences.delete(id)),
    snapshot: (): ShardSnapshot => ({
      alerts: [...alerts.values()].map((a) => structuredClone(a)),
      groups: [...groups.values()].map((g) => structuredClone(g)),
      nflog: new Map([...nflog].map(([k, e]) => [k, structuredClone(e)])),
      jobs: [...jobs.values()].map((j) => structuredClone(j)),
      silences: [...silences.values()].map((x) => structuredClone(x)),
      checkpoint: new Map([...checkpoints.values()].flatMap((entries) => Object.entries(entries))),
      checkpointChunks: checkpoints.size,
    }),
  };
  return store;
}
