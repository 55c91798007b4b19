/**
 * A restart (every Durable Object evicted, as on a deploy or a crash) in the
 * middle of an escalation loses nothing: the step due during or after the
 * restart still pages, once, and a page whose receiver was failing is
 * retried from storage.
 */
import { abortAllDurableObjects } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { getJson, useConfig } from '../support/edgealert.js';
import { advanceWithIncidentsTo, oncallAlarm, pagesSoFar } from '../support/oncall.js';
import { receiver } from '../support/receiver.js';
import { fireAlarm, firing, freshStatePerTest, push, setClock } from '../support/timeline.js';

const MIN = 60_000;

useConfig(`
global:
  resolve_timeout: 2h
route:
  receiver: team
  group_by: [alertname]
  group_wait: 1s
  escalation: critical
receivers:
  - name: team
    webhook_configs: [{ url: 'http://receiver.test/team' }]
  - name: oncall
    webhook_configs: [{ url: 'http://receiver.test/oncall' }]
escalation_policies:
  - name: critical
    steps:
      - notify: [oncall]
      - after: 5m
        notify: [oncall]
`);
freshStatePerTest();

describe('a restart during an escalation', () => {
  it('between two steps: the second still fires on time, once', async () => {
    await push([firing('Down')]);
    await advanceWithIncidentsTo(1000);
    await abortAllDurableObjects();
    expect(await oncallAlarm()).toBe(1000 + 5 * MIN);
    await advanceWithIncidentsTo(1000 + 20 * MIN);
    expect(await pagesSoFar()).toEqual(['1000 /team firing', '1000 /oncall firing', `${1000 + 5 * MIN} /oncall firing`]);
    const [incident] = await getJson<{ timeline: { event: string }[] }[]>('/api/v1/incidents');
    expect(incident?.timeline.filter((e) => e.event === 'step')).toHaveLength(2);
  });

  it('while a page is being retried: the retry resumes from storage', async () => {
    await push([firing('Down')]);
    setClock(1000);
    await fireAlarm(0); // the group's flush: /team, and the incident opens
    await receiver.answerNext(503);
    await advanceWithIncidentsTo(1000); // the first page fails
    await abortAllDurableObjects();
    const retryAt = await oncallAlarm();
    expect(retryAt).toBeGreaterThan(1000);
    await advanceWithIncidentsTo(1000 + MIN);
    expect(await pagesSoFar()).toEqual(['1000 /team firing', '1000 /oncall firing', `${retryAt} /oncall firing`]);
    const [incident] = await getJson<{ timeline: { event: string; detail?: string }[] }[]>('/api/v1/incidents');
    expect(incident?.timeline.filter((e) => e.event === 'paged').map((e) => e.detail)).toEqual(['oncall (webhook)']);
  });
});
