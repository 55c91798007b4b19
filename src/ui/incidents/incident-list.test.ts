import { describe, expect, it } from 'vitest';
import type { Incident } from '../../escalation/incident.js';
import type { IncidentStatus } from '../../notify/notification.js';
import { actionsFor, incidentFilterOf, listIncidents } from './incident-list.js';

const incident = (id: string, status: IncidentStatus, openedAt: number): Incident => ({
  id,
  policy: 'critical',
  groupKey: `{}:{alertname="${id}"}`,
  receiver: 'chat',
  groupLabels: { alertname: id },
  status,
  openedAt,
  escalationStartedAt: openedAt,
  nextStep: null,
  alerts: [],
  seenFiring: [],
  paged: [],
  timeline: [],
});

const INCIDENTS = [
  incident('1', 'resolved', 100),
  incident('2', 'acknowledged', 200),
  incident('3', 'triggered', 300),
  incident('4', 'resolved', 400),
  incident('5', 'triggered', 500),
];

describe('the incident list', () => {
  it.each([
    [undefined, ['5', '3', '2', '4', '1']],
    ['open', ['5', '3', '2']],
    ['triggered', ['5', '3']],
    ['acknowledged', ['2']],
    ['resolved', ['4', '1']],
  ] as const)('with filter %s lists %j: triggered, acknowledged, resolved, newest first in each', (filter, ids) => {
    expect(listIncidents(INCIDENTS, filter).map((i) => i.id)).toEqual(ids);
  });

  it('reads the status parameter as the API does, and says what a bad one should be', () => {
    expect(incidentFilterOf(undefined)).toEqual({ ok: true, value: undefined });
    expect(incidentFilterOf('')).toEqual({ ok: true, value: undefined });
    expect(incidentFilterOf('open')).toEqual({ ok: true, value: 'open' });
    expect(incidentFilterOf('acked')).toEqual({ ok: false, error: 'Bad status filter "acked": expected one of open, triggered, acknowledged, resolved.' });
  });

  it.each([
    ['triggered', ['ack', 'resolve']],
    ['acknowledged', ['unack', 'resolve']],
    ['resolved', []],
  ] as const)('offers a %s incident the actions %j', (status, actions) => {
    expect(actionsFor(incident('1', status, 0))).toEqual(actions);
  });
});
