/**
 * JSON documents in Durable Object SQLite tables: one table per kind of
 * record, `(id TEXT PRIMARY KEY, doc TEXT) WITHOUT ROWID`, so an upsert bills
 * one row written (see sql-shard-storage.ts for the measurement). Takes the
 * SQL API or a metered wrapper of it (src/metrics/usage-meter.ts).
 */
import type { SqlExec } from '../metrics/usage-meter.js';

export class SqlDocs<Table extends string> {
  constructor(
    private readonly sql: SqlExec,
    tables: readonly Table[],
  ) {
    for (const table of tables) sql.exec(`CREATE TABLE IF NOT EXISTS ${table} (id TEXT PRIMARY KEY, doc TEXT NOT NULL) WITHOUT ROWID`);
  }

  put(table: Table, id: string, doc: unknown): void {
    this.sql.exec(`INSERT INTO ${table} (id, doc) VALUES (?, ?) ON CONFLICT(id) DO UPDATE SET doc = excluded.doc`, id, JSON.stringify(doc));
  }

  delete(table: Table, id: string): void {
    this.sql.exec(`DELETE FROM ${table} WHERE id = ?`, id);
  }

  /** Every row of a table as [id, parsed JSON]. */
  rows(table: Table): [string, unknown][] {
    return this.sql
      .exec<{ id: string; doc: string }>(`SELECT id, doc FROM ${table}`)
      .toArray()
      .map((row) => [row.id, JSON.parse(row.doc)]);
  }
}
