/**
 * The limits of src/limits.ts, each refused with a clear message: alerts per
 * request (413, nothing stored), labels per alert, label name and value
 * length, annotations size (400 for that alert, the rest kept), silences in
 * the Silences object (400, Alertmanager's message), groups per shard
 * (refused and counted, as Alertmanager's --dispatch.max-aggregation-groups).
 */
import { describe, expect, it } from 'vitest';
import {
  MAX_ALERTS_PER_REQUEST,
  MAX_ANNOTATIONS_BYTES,
  MAX_LABEL_NAME_LENGTH,
  MAX_LABEL_VALUE_LENGTH,
  MAX_LABELS_PER_ALERT,
} from '../../../src/limits.js';
import { api, getJson, postAlerts, storedRows, useConfig } from '../support/edgealert.js';
import { useBindings } from '../support/bindings.js';
import { eq, postSilence, silenceBody } from '../support/silences.js';
import { freshStatePerTest } from '../support/timeline.js';
import { postWebhook, settleDedupWritesAfterEach, upstreamDelivery } from '../support/upstream-webhook.js';

useConfig(`
route:
  receiver: hook
  group_by: [alertname]
  group_wait: 1h
receivers:
  - name: hook
    webhook_configs: [{ url: http://receiver.test/hook }]
`);
freshStatePerTest();
settleDedupWritesAfterEach();

const alert = (alertname: string, extra: { labels?: Record<string, string>; annotations?: Record<string, string> } = {}) => ({
  labels: { alertname, ...extra.labels },
  ...(extra.annotations ? { annotations: extra.annotations } : {}),
});

describe('alerts per request', () => {
  const tooMany = Array.from({ length: MAX_ALERTS_PER_REQUEST + 1 }, (_, i) => alert(`A${i}`));

  it(`POST /api/v2/alerts with more than ${MAX_ALERTS_PER_REQUEST} alerts is refused with 413, nothing stored`, async () => {
    const res = await postAlerts(tooMany);
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual({ code: 413, message: `too many alerts in one request: ${MAX_ALERTS_PER_REQUEST + 1}, the limit is ${MAX_ALERTS_PER_REQUEST}; send them in smaller batches` });
    expect(await storedRows('alerts')).toEqual([]);
  });

  it(`accepts exactly ${MAX_ALERTS_PER_REQUEST}`, async () => {
    expect((await postAlerts(tooMany.slice(1))).status).toBe(200);
  });

  it('a webhook delivery with too many alerts is refused with 413, nothing stored', async () => {
    const upstream = Array.from({ length: MAX_ALERTS_PER_REQUEST + 1 }, (_, i) => ({ labels: { n: String(i) }, startsAt: 0 }));
    const res = await postWebhook(upstreamDelivery('Many', upstream));
    expect(res.status).toBe(413);
    expect(await storedRows('alerts')).toEqual([]);
  });
});

describe('one alert over a size limit is refused with 400, the others of its batch kept', () => {
  const manyLabels = Object.fromEntries(Array.from({ length: MAX_LABELS_PER_ALERT }, (_, i) => [`l${i}`, 'v']));
  it.each([
    ['too many labels', alert('Big', { labels: manyLabels }), `too many labels: ${MAX_LABELS_PER_ALERT + 1}, the limit is ${MAX_LABELS_PER_ALERT}`],
    [
      'a label name too long',
      alert('Big', { labels: { ['n'.repeat(MAX_LABEL_NAME_LENGTH + 1)]: 'v' } }),
      `label name "${'n'.repeat(32)}..." is ${MAX_LABEL_NAME_LENGTH + 1} characters long, the limit is ${MAX_LABEL_NAME_LENGTH}`,
    ],
    [
      'a label value too long',
      alert('Big', { labels: { instance: 'v'.repeat(MAX_LABEL_VALUE_LENGTH + 1) } }),
      `value of label "instance" is ${MAX_LABEL_VALUE_LENGTH + 1} characters long, the limit is ${MAX_LABEL_VALUE_LENGTH}`,
    ],
    [
      'annotations too large',
      alert('Big', { annotations: { description: 'd'.repeat(MAX_ANNOTATIONS_BYTES) } }),
      `annotations are ${MAX_ANNOTATIONS_BYTES + 'description'.length} bytes, the limit is ${MAX_ANNOTATIONS_BYTES}`,
    ],
  ])('%s', async (_what, big, message) => {
    const res = await postAlerts([big, alert('Small')]);
    expect(res.status).toBe(400);
    expect(await res.json()).toBe(message);
    const stored = await getJson<{ labels: { alertname: string } }[]>('/api/v2/alerts');
    expect(stored.map((a) => a.labels.alertname)).toEqual(['Small']);
  });

  it('accepts an alert exactly at every limit', async () => {
    const labels = Object.fromEntries(Array.from({ length: MAX_LABELS_PER_ALERT - 1 }, (_, i) => [i === 0 ? 'n'.repeat(MAX_LABEL_NAME_LENGTH) : `l${i}`, i === 1 ? 'v'.repeat(MAX_LABEL_VALUE_LENGTH) : 'v']));
    const annotations = { d: 'd'.repeat(MAX_ANNOTATIONS_BYTES - 1) };
    expect((await postAlerts([alert('AtLimit', { labels, annotations })])).status).toBe(200);
  });
});

describe('silences (EDGEALERT_MAX_SILENCES=2)', () => {
  useBindings({ EDGEALERT_MAX_SILENCES: '2' });

  it("refuses a third silence with Alertmanager's 400 and message; updating one in place still works", async () => {
    const first = await postSilence(silenceBody([eq('a', '1')]));
    expect(first.status).toBe(200);
    expect((await postSilence(silenceBody([eq('a', '2')]))).status).toBe(200);
    const third = await postSilence(silenceBody([eq('a', '3')]));
    expect(third.status).toBe(400);
    expect(await third.json()).toBe('exceeded maximum number of silences: 2 (limit: 2)');
    const { silenceID } = await first.json<{ silenceID: string }>();
    const update = await postSilence(silenceBody([eq('a', '1')], { id: silenceID, comment: 'longer' }));
    expect(update.status).toBe(200);
  });
});

describe('aggregation groups per shard (EDGEALERT_MAX_AGGREGATION_GROUPS=2)', () => {
  useBindings({ EDGEALERT_MAX_AGGREGATION_GROUPS: '2' });

  it('refuses a third group and counts it; its alert is still stored; existing groups still take alerts', async () => {
    expect((await postAlerts([alert('G1'), alert('G2'), alert('G3'), alert('G1', { labels: { i: '2' } })])).status).toBe(200);
    const groups = await getJson<{ labels: { alertname: string }; alerts: unknown[] }[]>('/api/v2/alerts/groups');
    expect(groups.map((g) => [g.labels.alertname, g.alerts.length])).toEqual([['G1', 2], ['G2', 1]]);
    expect(await getJson<unknown[]>('/api/v2/alerts')).toHaveLength(4);
    const metrics = await (await api('/metrics')).text();
    expect(metrics).toContain('alertmanager_dispatcher_aggregation_group_limit_reached_total 1\n');
  });
});
