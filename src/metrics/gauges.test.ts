import { describe, expect, it } from 'vitest';
import { heartbeatGauges, incidentGauges } from './gauges.js';

describe('heartbeatGauges', () => {
  it('counts heartbeats by state, every state present even when empty', () => {
    expect(heartbeatGauges([{ state: 'ok' }, { state: 'ok' }, { state: 'missing' }])).toEqual({
      'edgealert_heartbeats{state="waiting"}': 0,
      'edgealert_heartbeats{state="ok"}': 2,
      'edgealert_heartbeats{state="missing"}': 1,
    });
  });
});

describe('incidentGauges', () => {
  it('reports incidents by state, every state present even when the OnCall object was not read', () => {
    expect(incidentGauges({ triggered: 2, resolved: 5 })).toEqual({
      'edgealert_incidents{state="triggered"}': 2,
      'edgealert_incidents{state="acknowledged"}': 0,
      'edgealert_incidents{state="resolved"}': 5,
    });
    expect(Object.values(incidentGauges({}))).toEqual([0, 0, 0]);
  });
});
