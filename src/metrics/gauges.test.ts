import { describe, expect, it } from 'vitest';
import { heartbeatGauges } from './gauges.js';

describe('heartbeatGauges', () => {
  it('counts heartbeats by state, every state present even when empty', () => {
    expect(heartbeatGauges([{ state: 'ok' }, { state: 'ok' }, { state: 'missing' }])).toEqual({
      'edgealert_heartbeats{state="waiting"}': 0,
      'edgealert_heartbeats{state="ok"}': 2,
      'edgealert_heartbeats{state="missing"}': 1,
    });
  });
});
