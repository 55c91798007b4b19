import { describe, expect, it } from 'vitest';
import { buildInhibitor } from '../inhibit/inhibitor.js';
import type { Route } from '../config/types.js';
import type { Silence } from '../silence/types.js';
import { applySilenceOptions } from './silence-options.js';
import { unmutedAlerts, type Muting } from './mute-stage.js';
import type { NotifyAlert } from './notification.js';

const route = (on: boolean) => ({ notifyOnSilenceEnd: on, sendResolvedWhenSilenced: on }) as Route;
const alert = (fp: string, status: 'firing' | 'resolved'): NotifyAlert => ({
  status, labels: { alertname: fp }, annotations: {}, startsAt: 0, endsAt: status === 'firing' ? null : 1, generatorURL: '', fingerprint: fp, updatedAt: 0,
});
const silenceOf = (name: string): Silence => ({
  id: name, matchers: [{ name: 'alertname', value: name, isRegex: false, isEqual: true }], startsAt: 0, endsAt: 100, updatedAt: 0, createdBy: '', comment: '',
});
const muting = (...silenced: string[]): Muting => ({ inhibitor: buildInhibitor([], [], 10), silences: silenced.map(silenceOf), now: 10 });

function run(on: boolean, snapshot: NotifyAlert[], m: Muting, silencedBefore: string[] = [], notified: string[] = []) {
  return applySilenceOptions({
    route: route(on), snapshot, unmuted: unmutedAlerts(snapshot, m), muting: m, timeMuted: false,
    silencedBefore: new Set(silencedBefore), notifiedFiring: () => new Set(notified),
  });
}

describe('applySilenceOptions', () => {
  it.each([
    ['off: the flush is the muting stages alone', false, [alert('a', 'firing'), alert('b', 'resolved')], muting('b'), ['a'], ['b'], ['a'], false],
    ['notify_on_silence_end: an alert silenced last flush and unmuted now forces a notification', true, [alert('a', 'firing')], muting(), ['a'], [], ['a'], true],
    ['notify_on_silence_end: still silenced, nothing forced and it is remembered', true, [alert('a', 'firing')], muting('a'), ['a'], [], [], false],
    ['send_resolved_when_silenced: a notified alert resolved under a silence is kept', true, [alert('b', 'resolved')], muting('b'), [], ['b'], ['b'], false],
    ['send_resolved_when_silenced: one never notified as firing stays muted', true, [alert('b', 'resolved')], muting('b'), [], [], [], false],
  ] as const)('%s', (_why, on, snapshot, m, before, notified, alerts, forced) => {
    const result = run(on, [...snapshot], m, [...before], [...notified]);
    expect(result.alerts.map((a) => a.fingerprint)).toEqual(alerts);
    expect(result.silenceEnded).toBe(forced);
  });

  it('remembers the firing alerts silenced now only when notify_on_silence_end is on', () => {
    expect([...run(true, [alert('a', 'firing')], muting('a')).silencedNow]).toEqual(['a']);
    expect([...run(false, [alert('a', 'firing')], muting('a')).silencedNow]).toEqual([]);
  });
});
