import { describe, expect, it } from 'vitest';
import { usageSeries } from './durable-object-usage.js';

describe('usageSeries', () => {
  it('turns an object\'s usage into request and row series labelled with its class and the given labels', () => {
    const usage = { requests: { ingest: 3, alarm: 2 }, rowsRead: 10, rowsWritten: 4 };
    expect(usageSeries('Dispatcher', usage, { shard: '1' })).toEqual({
      'edgealert_durable_object_requests_total{class="Dispatcher",method="ingest",shard="1"}': 3,
      'edgealert_durable_object_requests_total{class="Dispatcher",method="alarm",shard="1"}': 2,
      'edgealert_durable_object_rows_read_total{class="Dispatcher",shard="1"}': 10,
      'edgealert_durable_object_rows_written_total{class="Dispatcher",shard="1"}': 4,
    });
  });

  it('keeps the row series at 0 for an object that ran no statement, so they exist from the first scrape', () => {
    expect(usageSeries('Silences', { requests: {}, rowsRead: 0, rowsWritten: 0 })).toEqual({
      'edgealert_durable_object_rows_read_total{class="Silences"}': 0,
      'edgealert_durable_object_rows_written_total{class="Silences"}': 0,
    });
  });
});
