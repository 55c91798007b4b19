/**
 * ShardStorage on a Durable Object's SQLite database: one table per kind of
 * record, each row a JSON document keyed by its id. Records are parsed with
 * zod when read back, so a bad row fails loudly at start-up.
 *
 * Rows written are billed, and SQLite counts index rows too: a rowid table
 * with a TEXT PRIMARY KEY keeps a separate key index, so INSERT OR REPLACE
 * there bills 2 rows. Tables are WITHOUT ROWID (the key is the table) and
 * puts are upserts, so a put bills 1 row (measured with workerd's
 * cursor.rowsWritten; `npm run bench` counts them). Tables created before
 * keep their rowid layout and still work: an upsert of an existing row there
 * bills 1 row, a new row 2. The Dispatcher passes its metered `sql`
 * (src/metrics/usage-meter.ts), so these rows show on /metrics.
 */
import * as z from 'zod';
import { groupRecordSchema } from '../group/aggregation-group.js';
import { flushJobSchema } from '../group/flush-job.js';
import type { ShardSnapshot, ShardStorage } from '../group/shard-storage.js';
import { nflogEntrySchema } from '../nflog/entry.js';
import type { Alert } from '../alert/types.js';
import { silenceSchema, type Silence } from '../silence/types.js';
import type { SqlExec } from '../metrics/usage-meter.js';
import { SqlDocs } from './sql-docs.js';

const TABLES = ['alerts', 'groups', 'nflog', 'jobs', 'silences', 'checkpoints'] as const;

const storedAlertSchema = z.object({
  fingerprint: z.string(),
  labels: z.record(z.string(), z.string()),
  annotations: z.record(z.string(), z.string()),
  startsAt: z.number(),
  endsAt: z.number(),
  generatorURL: z.string(),
  updatedAt: z.number(),
  timeout: z.boolean(),
  traceId: z.string().optional(),
});

export class SqlShardStorage implements ShardStorage {
  private readonly docs: SqlDocs<(typeof TABLES)[number]>;

  constructor(sql: SqlExec) {
    this.docs = new SqlDocs(sql, TABLES);
  }

  /** Reads everything back, validating every row. */
  load(): ShardSnapshot {
    return {
      alerts: this.docs.rows('alerts').map(([, doc]) => storedAlertSchema.parse(doc)),
      groups: this.docs.rows('groups').map(([, doc]) => groupRecordSchema.parse(doc)),
      nflog: new Map(this.docs.rows('nflog').map(([id, doc]) => [id, nflogEntrySchema.parse(doc)])),
      jobs: this.docs.rows('jobs').map(([, doc]) => flushJobSchema.parse(doc)),
      silences: this.docs.rows('silences').map(([, doc]) => silenceSchema.parse(doc)),
      ...this.checkpoint(),
    };
  }

  private checkpoint(): Pick<ShardSnapshot, 'checkpoint' | 'checkpointChunks'> {
    const chunks = this.docs.rows('checkpoints').map(([, doc]) => z.record(z.string(), z.number()).parse(doc));
    return { checkpoint: new Map(chunks.flatMap((entries) => Object.entries(entries))), checkpointChunks: chunks.length };
  }

  putAlert(alert: Alert): void {
    this.docs.put('alerts', alert.fingerprint, alert);
  }
  deleteAlert(fingerprint: string): void {
    this.docs.delete('alerts', fingerprint);
  }
  putGroup(group: z.infer<typeof groupRecordSchema>): void {
    this.docs.put('groups', group.id, group);
  }
  deleteGroup(id: string): void {
    this.docs.delete('groups', id);
  }
  putNflog(key: string, entry: z.infer<typeof nflogEntrySchema>): void {
    this.docs.put('nflog', key, entry);
  }
  deleteNflog(key: string): void {
    this.docs.delete('nflog', key);
  }
  putJob(job: z.infer<typeof flushJobSchema>): void {
    this.docs.put('jobs', job.id, job);
  }
  deleteJob(id: string): void {
    this.docs.delete('jobs', id);
  }
  putCheckpoint(chunk: number, entries: Record<string, number>): void {
    this.docs.put('checkpoints', String(chunk), entries);
  }
  deleteCheckpoint(chunk: number): void {
    this.docs.delete('checkpoints', String(chunk));
  }
  putSilence(silence: Silence): void {
    this.docs.put('silences', silence.id, silence);
  }
  deleteSilence(id: string): void {
    this.docs.delete('silences', id);
  }
}
