import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Alert } from '../alert/types.js';
import type { IngestItem } from '../group/shard.js';
import { decodeShardBatch, encodeShardBatch, type ShardBatch } from './shard-batch.js';

const NOW = Date.UTC(2026, 10, 25, 6);
const TRACE = '0af7651916cd43dd8448eb211c80319c';

const alert = (name: string, extra: Partial<Alert> = {}): Alert => ({
  fingerprint: `fp-${name}`,
  labels: { alertname: name, severity: 'critical' },
  annotations: { summary: `${name} is down` },
  startsAt: NOW - 60_000,
  endsAt: NOW + 240_000,
  generatorURL: 'http://prometheus:9090/graph?g0.expr=up',
  updatedAt: NOW,
  timeout: false,
  traceId: TRACE,
  ...extra,
});

const roundTrip = (items: IngestItem[]) => decodeShardBatch(encodeShardBatch(items));

describe('shard batches', () => {
  it('carry a push of alerts and their routes unchanged, the shared updatedAt and trace id said once', () => {
    const items = [
      { alert: alert('A'), routeIds: ['0'] },
      { alert: alert('B'), routeIds: ['0.1', '0.2'] },
    ];
    const batch = encodeShardBatch(items);
    expect(batch).toMatchObject({ updatedAt: NOW, traceId: TRACE });
    expect(batch.items.match(new RegExp(TRACE, 'g'))).toBeNull();
    expect(decodeShardBatch(batch)).toStrictEqual(items);
  });

  it.each<[string, IngestItem[]]>([
    ['no items', []],
    ['alerts without a trace id', [{ alert: withoutTrace(alert('A')), routeIds: ['0'] }]],
    ['an alert of another time and trace among the others', [{ alert: alert('A'), routeIds: ['0'] }, { alert: alert('B', { updatedAt: NOW - 5, traceId: 'ffffffffffffffffffffffffffffffff' }), routeIds: ['0'] }]],
    ['an alert without a trace after one with', [{ alert: alert('A'), routeIds: ['0'] }, { alert: withoutTrace(alert('B')), routeIds: [] }]],
    ['a timeout alert, no annotations, no generatorURL', [{ alert: alert('A', { timeout: true, annotations: {}, generatorURL: '' }), routeIds: ['0.hb:x'] }]],
    ['labels in any script, with quotes and control characters', [{ alert: alert('A', { labels: { alertname: 'Ünï "日本" \n\t\u2028 🔥', constructor: 'x' } }), routeIds: ['0'] }]],
  ])('carry %s unchanged', (_what, items) => {
    expect(roundTrip(items)).toStrictEqual(items);
  });

  it('carry any alerts unchanged', () => {
    const text = fc.string({ unit: 'binary', maxLength: 12 });
    const labelSet = fc.dictionary(fc.stringMatching(/^[a-zA-Z_][a-zA-Z0-9_]{0,8}$/), text, { maxKeys: 5 });
    const time = fc.integer({ min: -62_135_596_800_000, max: 253_402_300_799_000 });
    const generated = fc.record({
      fingerprint: fc.stringMatching(/^[0-9a-f]{16}$/),
      labels: labelSet,
      annotations: labelSet,
      startsAt: time,
      endsAt: time,
      generatorURL: text,
      updatedAt: fc.constantFrom(NOW, NOW + 1),
      timeout: fc.boolean(),
      traceId: fc.constantFrom(TRACE, 'ffffffffffffffffffffffffffffffff'),
    }, { requiredKeys: ['fingerprint', 'labels', 'annotations', 'startsAt', 'endsAt', 'generatorURL', 'updatedAt', 'timeout'] });
    const items = fc.array(fc.record({ alert: generated, routeIds: fc.array(fc.constantFrom('0', '0.1', '0.2.3')) }), { maxLength: 8 });
    fc.assert(fc.property(items, (generatedList) => {
      const list = structuredClone(generatedList); // plain objects: fast-check's have no prototype
      expect(roundTrip(list)).toStrictEqual(list);
    }), { seed: 20_261_125, numRuns: 500 });
  });

  it('refuse an alert whose time is not finite (JSON would turn it into null)', () => {
    expect(() => encodeShardBatch([{ alert: alert('A', { endsAt: Number.NEGATIVE_INFINITY }), routeIds: ['0'] }])).toThrow(/not finite/);
  });

  it('refuse a batch of another format (a Worker and a shard of different versions)', () => {
    expect(() => decodeShardBatch([{ alert: alert('A'), routeIds: ['0'] }] as unknown as ShardBatch)).toThrow(/format/);
    expect(() => decodeShardBatch({ ...encodeShardBatch([]), format: 2 } as unknown as ShardBatch)).toThrow(/format 2/);
  });
});

function withoutTrace(a: Alert): Alert {
  const { traceId: _, ...rest } = a;
  return rest;
}
