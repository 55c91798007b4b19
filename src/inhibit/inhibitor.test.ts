import { describe, expect, it } from 'vitest';
import { fingerprint } from '../alert/fingerprint.js';
import type { Alert } from '../alert/types.js';
import type { InhibitRule } from '../config/types.js';
import { parseMatchers } from '../matcher/index.js';
import { buildInhibitor } from './inhibitor.js';

const NOW = 1_000_000;

function matchers(text: string) {
  const parsed = parseMatchers(text);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.value;
}

function rule(source: string, target: string, equal: string[] = []): InhibitRule {
  return { sourceMatchers: matchers(source), targetMatchers: matchers(target), equal };
}

function alert(labels: Record<string, string>, endsAt = NOW + 60_000): Alert {
  return { fingerprint: fingerprint(labels), labels, annotations: {}, startsAt: 0, endsAt, generatorURL: '', updatedAt: 0, timeout: false };
}

const critical = alert({ alertname: 'Down', severity: 'critical', cluster: 'a' });
const rules = [rule('severity="critical"', 'severity="warning"', ['cluster'])];

describe('inhibition', () => {
  it.each([
    ['a warning in the same cluster is inhibited', { alertname: 'Slow', severity: 'warning', cluster: 'a' }, [critical.fingerprint]],
    ['a warning in another cluster is not (equal labels differ)', { alertname: 'Slow', severity: 'warning', cluster: 'b' }, []],
    ['an alert not matching the target matchers is not', { alertname: 'Slow', severity: 'info', cluster: 'a' }, []],
    ['a warning missing the equal label is not when the source has it', { alertname: 'Slow', severity: 'warning' }, []],
  ])('%s', (_why, labels, expected) => {
    const inhibitor = buildInhibitor(rules, [critical], NOW);
    expect(inhibitor.inhibitedBy(labels)).toEqual(expected);
  });

  it('treats an equal label missing on both sides as equal', () => {
    const source = alert({ alertname: 'Down', severity: 'critical' });
    const inhibitor = buildInhibitor(rules, [source], NOW);
    expect(inhibitor.inhibitedBy({ alertname: 'Slow', severity: 'warning' })).toEqual([source.fingerprint]);
  });

  it('stops inhibiting once the source is resolved', () => {
    const resolved = alert(critical.labels, NOW);
    expect(buildInhibitor(rules, [resolved], NOW).inhibitedBy({ severity: 'warning', cluster: 'a' })).toEqual([]);
  });

  it('never lets an alert inhibit itself when it matches both sides', () => {
    const both = [rule('team="db"', 'team="db"')];
    const a = alert({ alertname: 'A', team: 'db' });
    expect(buildInhibitor(both, [a], NOW).inhibitedBy(a.labels)).toEqual([]);
  });

  it('does not let two alerts matching both sides inhibit each other', () => {
    const both = [rule('team="db"', 'team="db"')];
    const a = alert({ alertname: 'A', team: 'db' });
    const b = alert({ alertname: 'B', team: 'db' });
    const inhibitor = buildInhibitor(both, [a, b], NOW);
    expect([inhibitor.inhibitedBy(a.labels), inhibitor.inhibitedBy(b.labels)]).toEqual([[], []]);
  });

  it('still inhibits a two-sided target through a source that is not itself a target', () => {
    const r = [rule('severity=~"critical|warning"', 'severity="warning"')];
    const source = alert({ alertname: 'Down', severity: 'critical' });
    const target = alert({ alertname: 'Slow', severity: 'warning' });
    expect(buildInhibitor(r, [source, target], NOW).inhibitedBy(target.labels)).toEqual([source.fingerprint]);
  });
});
