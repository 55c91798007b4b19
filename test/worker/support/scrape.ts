/**
 * GET /metrics from a test: the exposition parsed into series (`name{labels}`
 * to value), and how much each series moved around something a test does.
 */
import { expect } from 'vitest';
import { api } from './edgealert.js';

/** One scrape: each series as the exposition prints it, with its value. */
export type Scrape = Map<string, number>;

/** Scrapes /metrics (200, Prometheus' text format) into its series. */
export async function scrape(headers: Record<string, string> = {}): Promise<Scrape> {
  const response = await api('/metrics', { headers });
  expect(response.status).toBe(200);
  expect(response.headers.get('Content-Type')).toBe('text/plain; version=0.0.4; charset=utf-8');
  const series: Scrape = new Map();
  for (const line of (await response.text()).split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const space = line.lastIndexOf(' ');
    series.set(line.slice(0, space), Number(line.slice(space + 1)));
  }
  return series;
}

/** Scrapes, runs `act`, scrapes again, and returns how much each series moved (a missing series counts as 0). */
export async function around(act: () => Promise<unknown>): Promise<(key: string) => number> {
  const before = await scrape();
  await act();
  const after = await scrape();
  return (key) => (after.get(key) ?? 0) - (before.get(key) ?? 0);
}

/** The key of `edgealert_durable_object_requests_total` for a class and method (and shard). */
export const doRequests = (cls: string, method: string, shard?: string): string =>
  `edgealert_durable_object_requests_total{class="${cls}",method="${method}"${shard === undefined ? '' : `,shard="${shard}"`}}`;

/** The key of `edgealert_durable_object_rows_written_total` for a class (and shard). */
export const rowsWritten = (cls: string, shard?: string): string => `edgealert_durable_object_rows_written_total{class="${cls}"${shard === undefined ? '' : `,shard="${shard}"`}}`;

/** The key of `edgealert_durable_object_rows_read_total` for a class (and shard). */
export const rowsRead = (cls: string, shard?: string): string => `edgealert_durable_object_rows_read_total{class="${cls}"${shard === undefined ? '' : `,shard="${shard}"`}}`;
