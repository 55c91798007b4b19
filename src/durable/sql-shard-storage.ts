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
  constructor(private readonly sql: Pick<SqlStorage, 'exec'>) {
    for (const table of TABLES) {
      sql.exec(`CREATE TABLE IF NOT EXISTS ${table} (id TEXT PRIMARY KEY, doc TEXT NOT NULL) WITHOUT ROWID`);
    }
  }

  /** Reads everything back, validating every row. */
  load(): ShardSnapshot {
    return {
      alerts: this.rows('alerts').map(([, doc]) => storedAlertSchema.parse(doc)),
      groups: this.rows('groups').map(([, doc]) => groupRecordSchema.parse(doc)),
      nflog: new Map(this.rows('nflog').map(([id, doc]) => [id, nflogEntrySchema.parse(doc)])),
      jobs: this.rows('jobs').map(([, doc]) => flushJobSchema.parse(doc)),
      silences: this.rows('silences').map(([, doc]) => silenceSchema.parse(doc)),
      ...this.checkpoint(),
    };
  }

  private checkpoint(): Pick<ShardSnapshot, 'checkpoint' | 'checkpointChunks'> {
    const chunks = this.rows('checkpoints').map(([, doc]) => z.record(z.string(), z.number()).parse(doc));
    return { checkpoint: new Map(chunks.flatMap((entries) => Object.entries(entries))), checkpointChunks: chunks.length };
  }

  putAlert(alert: Alert): void {
    this.put('alerts', alert.fingerprint, alert);
  }
  deleteAlert(fingerprint: string): void {
    this.delete('alerts', fingerprint);
  }
  putGroup(group: z.infer<typeof groupRecordSchema>): void {
    this.put('groups', group.id, group);
  }
  deleteGroup(id: string): void {
    this.delete('groups', id);
  }
  putNflog(key: string, entry: z.infer<typeof nflogEntrySchema>): void {
    this.put('nflog', key, entry);
  }
  deleteNflog(key: string): void {
    this.delete('nflog', key);
  }
  putJob(job: z.infer<typeof flushJobSchema>): void {
    this.put('jobs', job.id, job);
  }
  deleteJob(id: string): void {
    this.delete('jobs', id);
  }
  putCheckpoint(chunk: number, entries: Record<string, number>): void {
    this.put('checkpoints', String(chunk), entries);
  }
  deleteCheckpoint(chunk: number): void {
    this.delete('checkpoints', String(chunk));
  }
  putSilence(silence: Silence): void {
    this.put('silences', silence.id, silence);
  }
  deleteSilence(id: string): void {
    this.delete('silences', id);
  }

  private put(table: (typeof TABLES)[number], id: string, doc: unknown): void {
    this.sql.exec(`INSERT INTO ${table} (id, doc) VALUES (?, ?) ON CONFLICT(id) DO UPDATE SET doc = excluded.doc`, id, JSON.stringify(doc));
  }

  private delete(table: (typeof TABLES)[number], id: string): void {
    this.sql.exec(`DELETE FROM ${table} WHERE id = ?`, id);
  }

  private rows(table: (typeof TABLES)[number]): [string, unknown][] {
    return this.sql
      .exec<{ id: string; doc: string }>(`SELECT id, doc FROM ${table}`)
      .toArray()
      .map((row) => [row.id, JSON.parse(row.doc)]);
  }
}
