/**
 * The Silences and Heartbeats objects' tables were first created as rowid
 * tables (a text primary key plus SQLite's rowid: 2 rows billed per write).
 * An object that still has one moves its rows to the one-row form
 * (`WITHOUT ROWID`, src/durable/sql-docs.ts) when it starts, keeping every
 * record; from then on a write bills one row.
 */
import { runInDurableObject } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { getJson, useConfig } from '../support/edgealert.js';
import { freshPingThrottlePerTest, heartbeatsObject, ping } from '../support/heartbeats.js';
import { around, rowsWritten } from '../support/scrape.js';
import { eq, listSilences, restartAll, silence, silencesObject } from '../support/silences.js';
import { freshStatePerTest } from '../support/timeline.js';

useConfig(`
route:
  receiver: default
receivers:
  - name: default
    webhook_configs: [{ url: http://receiver.test/default }]
heartbeats:
  - name: nightly-backup
    timeout: 1h
`);
freshStatePerTest();
freshPingThrottlePerTest();

/** Puts `table` back in the form the first version created: `key TEXT PRIMARY KEY`, with a rowid. */
function downgrade(object: DurableObjectStub, table: string, key: string): Promise<void> {
  return runInDurableObject(object, (_instance, state) => {
    const sql = state.storage.sql;
    sql.exec(`CREATE TABLE old_${table} (${key} TEXT PRIMARY KEY, doc TEXT NOT NULL)`);
    sql.exec(`INSERT INTO old_${table} (${key}, doc) SELECT id, doc FROM ${table}`);
    sql.exec(`DROP TABLE ${table}`);
    sql.exec(`ALTER TABLE old_${table} RENAME TO ${table}`);
  });
}

/** The CREATE TABLE statement `table` has now. */
function tableDefinition(object: DurableObjectStub, table: string): Promise<string | undefined> {
  return runInDurableObject(object, (_instance, state) => {
    const found = state.storage.sql.exec<{ sql: string }>("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", table).toArray()[0];
    return found?.sql;
  });
}

describe('a rowid table left by an earlier version', () => {
  it('silences: rows kept, the table becomes WITHOUT ROWID, and a silence then bills one row', async () => {
    const id = await silence([eq('alertname', 'Disk')], { comment: 'swap' });
    await downgrade(silencesObject(), 'silences', 'id');
    expect(await tableDefinition(silencesObject(), 'silences')).not.toMatch(/WITHOUT ROWID/i);

    await restartAll();
    expect(await tableDefinition(silencesObject(), 'silences')).toMatch(/WITHOUT ROWID/i);
    expect((await listSilences()).map((s) => [s.id, s.comment])).toEqual([[id, 'swap']]);

    const delta = await around(() => silence([eq('alertname', 'Cpu')]));
    expect(delta(rowsWritten('Silences'))).toBe(2); // the silence's row and its expiry alarm
  });

  it('heartbeats: the `name` key column becomes `id`, every record kept', async () => {
    expect((await ping('nightly-backup')).status).toBe(200);
    const before = await getJson('/api/v1/heartbeats');
    await downgrade(heartbeatsObject(), 'heartbeats', 'name');
    expect(await tableDefinition(heartbeatsObject(), 'heartbeats')).toMatch(/name TEXT PRIMARY KEY/);

    await restartAll();
    expect(await getJson('/api/v1/heartbeats')).toEqual(before);
    expect(await tableDefinition(heartbeatsObject(), 'heartbeats')).toMatch(/WITHOUT ROWID/i);
  });
});
