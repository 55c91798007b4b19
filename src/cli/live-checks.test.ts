/** `check --url`: the live overrides and open incidents a config would break. */
import { describe, expect, it } from 'vitest';
import type { Override } from '../oncall/index.js';
import { liveStateProblems } from './live-checks.js';
import { onCallConfig } from './testing/oncall-fixture.js';

const { oncall } = onCallConfig();
const NOW = Date.parse('2026-11-25T12:00:00Z');
const override = (id: string, schedule: string, person: string, end: string): Override => ({ id, schedule, person, start: NOW - 3_600_000, end: Date.parse(end), createdAt: 0, createdBy: 'test' });

describe('liveStateProblems', () => {
  it('accepts overrides and incidents that name what the config has', () => {
    const live = { overrides: [override('o-1', 'sre', 'frank', '2026-11-26T00:00:00Z')], incidents: [{ id: 'i-1', policy: 'critical', receiver: 'pager' }] };
    expect(liveStateProblems(oncall, live, NOW)).toEqual([]);
  });

  it('reports current overrides naming a schedule or person the config lacks (not ended ones), and open incidents of a missing policy', () => {
    const live = {
      overrides: [override('o-1', 'ops', 'zoe', '2026-11-26T00:00:00Z'), override('o-2', 'sre', 'zoe', '2026-11-26T00:00:00Z'), override('o-3', 'ops', 'zoe', '2026-11-25T11:00:00Z')],
      incidents: [{ id: 'i-1', policy: 'gone', receiver: 'pager' }],
    };
    expect(liveStateProblems(oncall, live, NOW)).toEqual([
      'override o-1 (zoe on ops until 2026-11-26T00:00:00Z): schedule "ops" is not in this config, so the override would be ignored',
      'override o-2 (zoe on sre until 2026-11-26T00:00:00Z): person "zoe" is not in this config, so sre would page no one while it lasts',
      'incident i-1 (open, receiver pager): escalation policy "gone" is not in this config, so it would stop escalating',
    ]);
  });
});
