import { describe, expect, it } from 'vitest';
import { UsageMeter, type SqlExec } from './usage-meter.js';

/**
 * A stand-in for workerd's SQL API: each statement yields `rows` rows, and
 * like workerd's cursor its rowsRead only reaches its total once read to the end.
 */
function fakeSql(plan: Record<string, { rows?: number; written?: number }>): SqlExec {
  return {
    exec: ((query: string) => {
      const { rows = 0, written = 0 } = plan[query] ?? {};
      let consumed = false;
      return {
        get rowsRead() {
          return consumed ? rows : Math.min(rows, 1);
        },
        get rowsWritten() {
          return written;
        },
        toArray() {
          consumed = true;
          return Array.from({ length: rows }, (_, i) => ({ i }));
        },
      };
    }) as unknown as SqlExec['exec'],
  };
}

describe('UsageMeter', () => {
  it('counts requests by method', () => {
    const meter = new UsageMeter();
    meter.request('ingest');
    meter.request('ingest');
    meter.request('alarm');
    expect(meter.snapshot().requests).toEqual({ ingest: 2, alarm: 1 });
  });

  it("adds each statement's rows once it has been read to the end", () => {
    const meter = new UsageMeter();
    const sql = meter.sql(fakeSql({ select: { rows: 5 }, insert: { written: 1 } }));
    sql.exec('select').toArray();
    sql.exec('insert');
    sql.exec('insert');
    expect(meter.snapshot()).toMatchObject({ rowsRead: 5, rowsWritten: 2 });
    // Reading again adds nothing twice.
    expect(meter.snapshot()).toMatchObject({ rowsRead: 5, rowsWritten: 2 });
  });

  it.each([
    ['no alarm to a time: setAlarm', null, 1000, 1],
    ['moved earlier: setAlarm', 2000, 1000, 1],
    ['unchanged: no call', 1000, 1000, 0],
    ['deleted: not billed as a row here', 1000, null, 0],
  ])('bills an alarm change as a row written when it was a setAlarm (%s)', (_why, before, after, rows) => {
    const meter = new UsageMeter();
    meter.alarmChanged(before, after);
    expect(meter.snapshot().rowsWritten).toBe(rows);
  });

  it('take() hands over the counts and starts again from zero', () => {
    const meter = new UsageMeter();
    const sql = meter.sql(fakeSql({ insert: { written: 1 } }));
    meter.request('add');
    sql.exec('insert');
    expect(meter.take()).toEqual({ requests: { add: 1 }, rowsRead: 0, rowsWritten: 1 });
    expect(meter.take()).toEqual({ requests: {}, rowsRead: 0, rowsWritten: 0 });
  });
});
