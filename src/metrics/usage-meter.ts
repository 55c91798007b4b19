/**
 * Counts what a Durable Object is billed for while it runs: each request
 * (an RPC call or an alarm), and the rows its SQL statements read and wrote
 * as workerd counts them for billing (`cursor.rowsRead` / `rowsWritten`).
 * In memory only: it costs no storage and no request, and starts from zero
 * when the object does (Prometheus' `rate()` takes that as a counter reset).
 *
 * A cursor's row counts are final once it has been read to the end. Every
 * statement here is read at once (`toArray()`, `one()`, or a write), so a
 * statement's rows are added when the next one runs or the usage is read.
 */
import type { DurableObjectUsage } from './durable-object-usage.js';

/** The part of the SQL API the meter wraps (a Durable Object's `ctx.storage.sql`). */
export type SqlExec = Pick<SqlStorage, 'exec'>;

interface RowCounts {
  readonly rowsRead: number;
  readonly rowsWritten: number;
}

export class UsageMeter {
  private requests: Record<string, number> = {};
  private rowsRead = 0;
  private rowsWritten = 0;
  private last: RowCounts | undefined;

  /** One request to the object, by method (`alarm` for an alarm invocation). */
  request(method: string): void {
    this.requests[method] = (this.requests[method] ?? 0) + 1;
  }

  /** One `setAlarm()`: billed as one row written. */
  alarmSet(): void {
    this.rowsWritten += 1;
  }

  /** The stored alarm went from `before` to `after` (a new time means a `setAlarm()`). */
  alarmChanged(before: number | null, after: number | null): void {
    if (after !== null && after !== before) this.alarmSet();
  }

  /** `sql` with the rows of every statement counted here. */
  sql(sql: SqlExec): SqlExec {
    return {
      exec: <T extends Record<string, SqlStorageValue>>(query: string, ...bindings: unknown[]) => {
        this.settle();
        const cursor = sql.exec<T>(query, ...bindings);
        this.last = cursor;
        return cursor;
      },
    };
  }

  /** Everything counted since the object started (or since the last `take()`). */
  snapshot(): DurableObjectUsage {
    this.settle();
    return { requests: { ...this.requests }, rowsRead: this.rowsRead, rowsWritten: this.rowsWritten };
  }

  /** What was counted so far, and starts again from zero (for a holder that keeps the totals itself). */
  take(): DurableObjectUsage {
    const usage = this.snapshot();
    this.requests = {};
    this.rowsRead = 0;
    this.rowsWritten = 0;
    return usage;
  }

  private settle(): void {
    if (!this.last) return;
    this.rowsRead += this.last.rowsRead;
    this.rowsWritten += this.last.rowsWritten;
    this.last = undefined;
  }
}
