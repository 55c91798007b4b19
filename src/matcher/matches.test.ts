import { describe, expect, it } from 'vitest';
import { matchesLabels, matchesValue } from './matches.js';
import { newMatcher } from './new-matcher.js';
import type { Matcher, MatchType } from './types.js';

function matcher(type: MatchType, name: string, value: string): Matcher {
  const r = newMatcher(type, name, value);
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

describe('matchesValue', () => {
  it.each([
    ['=', 'bar', 'bar', true, 'equal'],
    ['=', 'bar', 'foo-bar', false, 'equality is whole-string'],
    ['!=', 'bar', 'bar', false, 'not-equal on the same value'],
    ['!=', 'bar', 'foo-bar', true, 'not-equal on another value'],
    ['=~', 'bar', 'foo-bar', false, 'regexes are anchored at the start'],
    ['=~', 'foo', 'foobar', false, 'and at the end'],
    ['=~', '.*bar', 'foo-bar', true, 'a regex covering the whole value'],
    ['!~', 'bar', 'bar', false, 'negative regex on a match'],
    ['!~', '.*bar', 'foo-baz', true, 'negative regex on a non-match'],
    ['=~', 'a|b', 'ab', false, 'alternation is anchored as a whole'],
    ['=', 'foo\nbar', 'foo\nbar', true, 'values may hold line feeds'],
  ] as const)('%s %j on %j is %s (%s)', (type, value, input, want, _reason) => {
    expect(matchesValue(matcher(type, 'l', value), input)).toBe(want);
  });

  it('throws for a regex matcher that skipped validation (a caller bug)', () => {
    expect(() => matchesValue({ name: 'x', type: '=~', value: '(' }, 'a')).toThrow(/without validation/);
  });
});

describe('matchesLabels', () => {
  const alert = { alertname: 'HighLatency', severity: 'critical' };

  it.each([
    ['team!="ops"', [matcher('!=', 'team', 'ops')], true, 'a missing label is "" and so differs from ops'],
    ['team=""', [matcher('=', 'team', '')], true, 'a missing label equals the empty string'],
    ['team=~".*"', [matcher('=~', 'team', '.*')], true, '.* matches a missing label'],
    ['team=~".+"', [matcher('=~', 'team', '.+')], false, '.+ does not'],
    ['team!~".+"', [matcher('!~', 'team', '.+')], true, 'so !~".+" means "label absent or empty"'],
    ['severity=critical, alertname=~"High.*"', [matcher('=', 'severity', 'critical'), matcher('=~', 'alertname', 'High.*')], true, 'all matchers hold'],
    ['severity=critical, alertname="Other"', [matcher('=', 'severity', 'critical'), matcher('=', 'alertname', 'Other')], false, 'one failing matcher fails the set'],
    ['constructor=""', [matcher('=', 'constructor', '')], true, 'object prototype keys are not labels'],
    ['(none)', [], true, 'no matchers match everything'],
  ] as const)('%s is %s (%s)', (_text, ms, want, _reason) => {
    expect(matchesLabels(ms, alert)).toBe(want);
  });
});
