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
    /** Key columns of tables an earlier version created with another name than `id`. */
    legacyKeys: Partial<Record<Table, string>> = {},
  ) {
    for (const table of tables) {
      upgradeRowidTable(sql, table, legacyKeys[table] ?? 'id');
      sql.exec(`CREATE TABLE IF NOT EXISTS ${table} (id TEXT PRIMARY KEY, doc TEXT NOT NULL) WITHOUT ROWID`);
    }
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

/**
 * A table an earlier version created as a rowid table (`name TEXT PRIMARY
 * KEY`, no `WITHOUT ROWID`) bills 2 rows per write: the row and its key's
 * index. Its rows move to the one-row form once, when the object starts; the
 * statements run synchronously in the constructor, so workerd commits them
 * together (all or none).
 */
function upgradeRowidTable(sql: SqlExec, table: string, key: string): void {
  const found = sql.exec<{ sql: string }>("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", table).toArray()[0];
  if (!found || /without\s+rowid/i.test(found.sql)) return;
  const upgraded = `${table}_without_rowid`;
  sql.exec(`CREATE TABLE ${upgraded} (id TEXT PRIMARY KEY, doc TEXT NOT NULL) WITHOUT ROWID`);
  sql.exec(`INSERT INTO ${upgraded} (id, doc) SELECT ${key}, doc FROM ${table}`);
  sql.exec(`DROP TABLE ${table}`);
  sql.exec(`ALTER TABLE ${upgraded} RENAME TO ${table}`);
}
