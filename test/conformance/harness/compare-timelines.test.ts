import { describe, expect, it } from 'vitest';
import { compareTimelines } from './compare-timelines.js';
import type { NotificationRecord } from './notification.js';

const note = (at: number, alertname: string, status = 'firing', path = '/hook'): NotificationRecord => ({
  at,
  path,
  receiver: 'web',
  status,
  groupKey: `{}:{alertname="${alertname}"}`,
  groupLabels: { alertname },
  alerts: [{ status, labels: { alertname } }],
});

describe('compareTimelines', () => {
  const base = [note(1000, 'A'), note(1000, 'B'), note(3000, 'A', 'resolved')];

  it.each([
    ['identical runs', base],
    ['arrivals within the tolerance', [note(1399, 'A'), note(601, 'B'), note(3400, 'A', 'resolved')]],
    ['two groups flushing at once in the other order', [note(1000, 'B'), note(1001, 'A'), note(3000, 'A', 'resolved')]],
  ])('accepts %s', (_, other) => {
    expect(compareTimelines(base, other, 400).problems).toEqual([]);
  });

  it.each([
    ['a late arrival', [note(1000, 'A'), note(1000, 'B'), note(3401, 'A', 'resolved')], /#2: arrival differs by 401 ms/],
    ['a missing notification', [note(1000, 'A'), note(1000, 'B')], /#2: only in a:/],
    ['an extra notification', [...base, note(5000, 'B')], /#2: only in b:/],
    ['a different alert status', [note(1000, 'A'), note(1000, 'B'), note(3000, 'A')], /content differs/],
    ['a different webhook path', [note(1000, 'A', 'firing', '/other'), note(1000, 'B'), note(3000, 'A', 'resolved')], /only in/],
  ])('reports %s', (_, other, problem) => {
    const comparison = compareTimelines(base, other, 400);
    expect(comparison.equal).toBe(false);
    expect(comparison.problems.join('\n')).toMatch(problem);
  });

  it('ignores paths when the expected side leaves them out', () => {
    const expected = base.map(({ path: _path, ...rest }) => rest);
    const actual = base.map((n) => ({ ...n, path: '/anything' }));
    expect(compareTimelines(expected, actual, 400).equal).toBe(true);
  });
});
