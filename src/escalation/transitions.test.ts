import { describe, expect, it } from 'vitest';
import type { EscalationPolicy, EscalationTarget } from '../config/oncall-types.js';
import type { NotifyAlert } from '../notify/notification.js';
import type { Incident } from './incident.js';
import * as t from './transitions.js';

const MIN = 60_000;
const T0 = Date.UTC(2026, 10, 25, 3, 0, 0);

const policy = (over: Partial<EscalationPolicy> = {}): EscalationPolicy => ({
  name: 'critical',
  steps: [
    { after: 0, notify: [{ kind: 'receiver', name: 'chat' }] },
    { after: 5 * MIN, notify: [{ kind: 'schedule', name: 'sre' }] },
    { after: 15 * MIN, notify: [{ kind: 'person', name: 'boss' }, { kind: 'receiver', name: 'chat' }] },
  ],
  repeat: 0,
  repeatAfter: 20 * MIN,
  reescalateOnNewAlerts: false,
  ...over,
});

/** Schedules resolve to whoever `onCall` names; `person:X` to `person:X`. */
function resolver(onCall: string | null = 'alice'): t.TargetResolver {
  return (targets: readonly EscalationTarget[]) => {
    const receivers: string[] = [];
    const nobodyOnCall: string[] = [];
    for (const target of targets) {
      if (target.kind === 'receiver') receivers.push(target.name);
      else if (target.kind === 'person') receivers.push(`person:${target.name}`);
      else if (onCall) receivers.push(`person:${onCall}`);
      else nobodyOnCall.push(target.name);
    }
    return { receivers, nobodyOnCall };
  };
}

const alert = (fp: string, status: 'firing' | 'resolved' = 'firing'): NotifyAlert => ({
  status,
  labels: { alertname: 'Down', instance: fp },
  annotations: {},
  startsAt: T0,
  endsAt: status === 'firing' ? null : T0 + MIN,
  generatorURL: '',
  fingerprint: fp,
  updatedAt: T0,
});

const update = (...alerts: NotifyAlert[]): t.GroupUpdate => ({ policy: 'critical', groupKey: '{}:{alertname="Down"}', receiver: 'pager', groupLabels: { alertname: 'Down' }, alerts });

function open(p = policy(), resolve = resolver()): t.Transition {
  return t.openIncident('1', update(alert('a')), p, T0, resolve);
}

const events = (incident: Incident) => incident.timeline.map((e) => e.event);

describe('an incident escalates on its timers until acknowledged', () => {
  it('pages the first step at once when its after is 0s', () => {
    const { incident, pages } = open();
    expect(pages).toEqual([{ kind: 'trigger', receivers: ['chat'] }]);
    expect(incident.status).toBe('triggered');
    expect(incident.nextStep).toBe(1);
    expect(t.nextStepDueAt(incident, policy())).toBe(T0 + 5 * MIN);
    expect(events(incident)).toEqual(['opened', 'step']);
  });

  it('runs nothing before a step is due and the step exactly when it is', () => {
    const { incident } = open();
    expect(t.runDueSteps(incident, policy(), T0 + 5 * MIN - 1, resolver()).pages).toEqual([]);
    const step2 = t.runDueSteps(incident, policy(), T0 + 5 * MIN, resolver());
    expect(step2.pages).toEqual([{ kind: 'trigger', receivers: ['person:alice'] }]);
    expect(step2.incident.paged).toEqual(['chat', 'person:alice']);
  });

  it('runs every overdue step at once after a long sleep, and says the escalation is exhausted', () => {
    const { incident } = t.runDueSteps(open().incident, policy(), T0 + 60 * MIN, resolver());
    expect(incident.nextStep).toBeNull();
    expect(events(incident)).toEqual(['opened', 'step', 'step', 'step', 'escalation_exhausted']);
    expect(incident.paged).toEqual(['chat', 'person:alice', 'person:boss']);
  });

  it('an acknowledgement stops the steps that follow', () => {
    const acked = t.acknowledge(open().incident, { name: 'alice', via: 'api' }, T0 + MIN);
    if (!acked.ok) throw new Error(acked.error);
    expect(acked.value.incident.status).toBe('acknowledged');
    expect(t.nextStepDueAt(acked.value.incident, policy())).toBeUndefined();
    expect(t.runDueSteps(acked.value.incident, policy(), T0 + 60 * MIN, resolver()).pages).toEqual([]);
  });

  it('repeat loops the steps every repeat_after', () => {
    const p = policy({ repeat: 1, repeatAfter: 20 * MIN });
    let { incident } = open(p);
    const due: number[] = [];
    for (let at = t.nextStepDueAt(incident, p); at !== undefined; at = t.nextStepDueAt(incident, p)) {
      due.push((at - T0) / MIN);
      incident = t.runDueSteps(incident, p, at, resolver()).incident;
    }
    expect(due).toEqual([5, 15, 20, 25, 35]);
    expect(incident.timeline.filter((e) => e.event === 'step').map((e) => e.detail)).toEqual([
      'step 1 of 3, pass 1 of 2: chat',
      'step 2 of 3, pass 1 of 2: schedule:sre',
      'step 3 of 3, pass 1 of 2: person:boss, chat',
      'step 1 of 3, pass 2 of 2: chat',
      'step 2 of 3, pass 2 of 2: schedule:sre',
      'step 3 of 3, pass 2 of 2: person:boss, chat',
    ]);
  });

  it('a schedule with nobody on call is noted in the timeline and pages no one', () => {
    const { incident, pages } = t.runDueSteps(open(policy(), resolver(null)).incident, policy(), T0 + 5 * MIN, resolver(null));
    expect(pages).toEqual([]);
    expect(incident.timeline.at(-1)).toMatchObject({ event: 'nobody_on_call', detail: 'schedule sre has nobody on call' });
  });
});

describe('alerts joining and resolving', () => {
  it('resolves when every alert resolved, with a resolved notice to everyone paged', () => {
    const stepped = t.runDueSteps(open().incident, policy(), T0 + 5 * MIN, resolver()).incident;
    const { incident, pages } = t.applyGroupUpdate(stepped, update(alert('a', 'resolved')), policy(), T0 + 6 * MIN, resolver());
    expect(incident.status).toBe('resolved');
    expect(incident.resolved).toEqual({ at: T0 + 6 * MIN, by: { name: 'edgealert', via: 'system' } });
    expect(pages).toEqual([{ kind: 'resolve', receivers: ['chat', 'person:alice'] }]);
    expect(t.nextStepDueAt(incident, policy())).toBeUndefined();
  });

  it('stays open while some alerts still fire', () => {
    const two = t.applyGroupUpdate(open().incident, update(alert('a'), alert('b')), policy(), T0 + MIN, resolver()).incident;
    const { incident, pages } = t.applyGroupUpdate(two, update(alert('a', 'resolved'), alert('b')), policy(), T0 + 2 * MIN, resolver());
    expect(incident.status).toBe('triggered');
    expect(pages).toEqual([]);
    expect(events(incident).slice(-1)).toEqual(['alerts_resolved']);
  });

  it('new alerts joining an acknowledged incident do not re-page by default', () => {
    const acked = t.acknowledge(open().incident, { name: 'alice', via: 'slack' }, T0 + MIN);
    if (!acked.ok) throw new Error(acked.error);
    const { incident, pages } = t.applyGroupUpdate(acked.value.incident, update(alert('a'), alert('b')), policy(), T0 + 2 * MIN, resolver());
    expect(pages).toEqual([]);
    expect(incident.status).toBe('acknowledged');
    expect(events(incident).at(-1)).toBe('alerts_joined');
  });

  it('with reescalate_on_new_alerts, new alerts restart the escalation from the first step', () => {
    const p = policy({ reescalateOnNewAlerts: true });
    const acked = t.acknowledge(open(p).incident, { name: 'alice', via: 'slack' }, T0 + MIN);
    if (!acked.ok) throw new Error(acked.error);
    const { incident, pages } = t.applyGroupUpdate(acked.value.incident, update(alert('a'), alert('b')), p, T0 + 2 * MIN, resolver());
    expect(pages).toEqual([{ kind: 'trigger', receivers: ['chat'] }]);
    expect(incident.status).toBe('triggered');
    expect(incident.acknowledged).toBeUndefined();
    expect(t.nextStepDueAt(incident, p)).toBe(T0 + 2 * MIN + 5 * MIN);
  });

  it('an alert that fired before and fires again is not new', () => {
    const resolvedA = t.applyGroupUpdate(open().incident, update(alert('a', 'resolved'), alert('b')), policy(), T0 + MIN, resolver()).incident;
    const { incident } = t.applyGroupUpdate(resolvedA, update(alert('a'), alert('b')), policy(), T0 + 2 * MIN, resolver());
    expect(events(incident).filter((e) => e === 'alerts_joined')).toHaveLength(1); // b only
  });

  it('a resolved incident ignores later updates', () => {
    const resolved = t.applyGroupUpdate(open().incident, update(alert('a', 'resolved')), policy(), T0 + MIN, resolver()).incident;
    expect(t.applyGroupUpdate(resolved, update(alert('c')), policy(), T0 + 2 * MIN, resolver()).incident).toBe(resolved);
  });
});

describe('acting by hand', () => {
  const by = { name: 'alice', via: 'api' } as const;

  it.each([
    ['ack twice', (i: Incident) => t.acknowledge(i, by, T0), 'already acknowledged by alice'],
    ['un-ack a triggered incident', (i: Incident) => t.unacknowledge({ ...i, status: 'triggered' }, policy(), by, T0, resolver()), 'is not acknowledged (it is triggered)'],
  ])('refuses to %s', (_why, act, message) => {
    const acked = t.acknowledge(open().incident, by, T0);
    if (!acked.ok) throw new Error(acked.error);
    const result = act(acked.value.incident);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toContain(message);
  });

  it('un-acknowledging starts the escalation over from the first step, now', () => {
    const acked = t.acknowledge(open().incident, by, T0 + MIN);
    if (!acked.ok) throw new Error(acked.error);
    const unacked = t.unacknowledge(acked.value.incident, policy(), by, T0 + 10 * MIN, resolver());
    if (!unacked.ok) throw new Error(unacked.error);
    expect(unacked.value.pages).toEqual([{ kind: 'trigger', receivers: ['chat'] }]);
    expect(t.nextStepDueAt(unacked.value.incident, policy())).toBe(T0 + 15 * MIN);
    expect(events(unacked.value.incident).slice(-2)).toEqual(['unacknowledged', 'step']);
  });

  it('resolving by hand sends the resolved notice; resolving twice is refused; ack after resolve is refused', () => {
    const resolved = t.resolveByHand(open().incident, by, T0 + MIN);
    if (!resolved.ok) throw new Error(resolved.error);
    expect(resolved.value.pages).toEqual([{ kind: 'resolve', receivers: ['chat'] }]);
    expect(t.resolveByHand(resolved.value.incident, by, T0 + 2 * MIN)).toEqual({ ok: false, error: 'incident 1 is already resolved' });
    expect(t.acknowledge(resolved.value.incident, by, T0 + 2 * MIN)).toEqual({ ok: false, error: 'incident 1 is already resolved' });
  });

  it('a policy removed from the config leaves the incident open without steps', () => {
    const { incident, pages } = t.openIncident('1', update(alert('a')), undefined, T0, resolver());
    expect(pages).toEqual([]);
    expect(incident.nextStep).toBeNull();
  });
});
