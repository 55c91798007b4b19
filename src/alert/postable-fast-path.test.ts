import { describe, expect, it } from 'vitest';
import { postableAlertsSchema, wellFormedPostableAlerts } from './postable.js';

/**
 * wellFormedPostableAlerts is the schema's fast path for ordinary pushes: it
 * must give exactly what postableAlertsSchema gives, or leave the body to the
 * schema (undefined), never accept what the schema refuses.
 */
const typical = {
  labels: { alertname: 'DiskFull', instance: 'node-1:9100', severity: 'critical' },
  annotations: { summary: 'disk is full' },
  startsAt: '2026-11-25T05:00:00.000Z',
  endsAt: '2026-11-25T05:04:00Z',
  generatorURL: 'http://prometheus.example.com:9090/graph?g0.expr=up',
};

describe('wellFormedPostableAlerts', () => {
  it.each([
    ['a typical Prometheus push', [typical]],
    ['a null body (an empty list, as in Alertmanager)', null],
    ['an empty list', []],
    ['only labels', [{ labels: { alertname: 'A' } }]],
    ['null optional fields', [{ labels: { a: '1' }, annotations: null, startsAt: null, endsAt: null, generatorURL: null }]],
    ['unknown fields are dropped', [{ ...typical, status: { state: 'active' }, receivers: ['x'] }]],
    ['an empty label set (refused later, per alert)', [{ labels: {} }]],
    ['empty values and integer-like names keep their order', [{ labels: { b: '', 10: 'x', a: 'y', 2: 'z' } }]],
    ["Go's zero time and a space instead of T", [{ labels: { a: '1' }, startsAt: '0001-01-01T00:00:00Z', endsAt: '2026-11-25 05:04' }]],
    ['a relative generatorURL and an empty one', [{ labels: { a: '1' }, generatorURL: '/graph' }, { labels: { a: '2' }, generatorURL: '' }]],
    ['non-ASCII names and values (checked later, per alert)', [{ labels: { 'ünï': '日本', a: '🔥' } }]],
  ])('gives what the schema gives for %s', (_why, body) => {
    expect(wellFormedPostableAlerts(body)).toStrictEqual(postableAlertsSchema.parse(body));
  });

  it.each([
    ['a body that is not a list', { labels: { a: '1' } }],
    ['an alert that is not an object', [typical, 'x']],
    ['an alert that is null', [null]],
    ['an alert that is a list', [[typical]]],
    ['missing labels', [{ annotations: {} }]],
    ['null labels', [{ labels: null }]],
    ['labels as a list', [{ labels: ['a'] }]],
    ['a label value that is not a string', [{ labels: { a: 1 } }]],
    ['annotations that are a string', [{ labels: { a: '1' }, annotations: 'x' }]],
    ['an annotation value that is null', [{ labels: { a: '1' }, annotations: { summary: null } }]],
    ['a malformed startsAt', [{ labels: { a: '1' }, startsAt: '2026-13-01T00:00:00Z' }]],
    ['a numeric endsAt', [{ labels: { a: '1' }, endsAt: 1764046800 }]],
    ['a generatorURL with a space', [{ labels: { a: '1' }, generatorURL: 'http://x/ y' }]],
    ['a generatorURL that is not a URI', [{ labels: { a: '1' }, generatorURL: 'not a url' }]],
  ])('leaves %s to the schema', (_why, body) => {
    expect(wellFormedPostableAlerts(body)).toBeUndefined();
  });

  it('leaves a "__proto__" label to the schema', () => {
    expect(wellFormedPostableAlerts(JSON.parse('[{"labels": {"__proto__": "x", "a": "1"}}]'))).toBeUndefined();
  });

  it('agrees with the schema on many generated bodies', () => {
    // Deterministic pseudo-random input (LCG) so a failure reproduces.
    let seed = 4242;
    const next = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const values: unknown[] = ['x', '', '2026-11-25T05:00:00Z', '0001-01-01T00:00:00Z', 'nope', '/rel', 'http://a/b', 'a b', 1, null, true, {}, [], { k: 'v' }, { k: 1 }];
    const field = (): unknown => values[next(values.length)];
    for (let i = 0; i < 2000; i++) {
      const alerts = Array.from({ length: next(3) + 1 }, () => {
        const alert: Record<string, unknown> = {};
        for (const name of ['labels', 'annotations', 'startsAt', 'endsAt', 'generatorURL', 'other']) if (next(3) > 0) alert[name] = field();
        if (next(2) === 0) alert.labels = { alertname: 'A', v: String(field()) };
        return alert;
      });
      const body = JSON.parse(JSON.stringify(alerts)) as unknown;
      const schema = postableAlertsSchema.safeParse(body);
      const fast = wellFormedPostableAlerts(body);
      if (fast !== undefined) expect(schema.success ? schema.data : 'refused by the schema', JSON.stringify(body)).toStrictEqual(fast);
      else if (schema.success) expect.soft(schema.success, `fast path declined a valid body: ${JSON.stringify(body)}`).toBe(true);
    }
  });
});
