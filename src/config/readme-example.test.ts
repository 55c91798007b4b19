import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadConfig } from './load.js';

/** The first ```yaml block after a README heading. */
function yamlAfter(heading: string): string {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const start = readme.indexOf(`\n${heading}\n`);
  const open = readme.indexOf('```yaml\n', start);
  if (start < 0 || open < 0) throw new Error(`no yaml block after ${heading}`);
  return readme.slice(open + 8, readme.indexOf('```', open + 8));
}

describe("the README's escalation example", () => {
  it('loads, with its people, schedule, policy and escalating routes', () => {
    const secrets = { SLACK_API_URL: 'https://hooks.slack.com/services/T0/B0/x', SMTP_PASSWORD: 'pw', BOB_PHONE_BRIDGE: 'https://bridge.example.com/bob' };
    const loaded = loadConfig(yamlAfter('### Escalation and incidents'), secrets);
    if (!loaded.ok) throw new Error(loaded.error.map((e) => `${e.path}: ${e.message}`).join('\n'));
    const { oncall, receivers } = loaded.value;
    expect([...oncall.people.keys()]).toEqual(['alice', 'bob']);
    expect(oncall.schedules.get('sre')?.handoffNotices).toBe(true);
    expect(oncall.escalationPolicies.get('critical')?.steps.map((s) => s.after)).toEqual([0, 5 * 60_000, 15 * 60_000]);
    expect(receivers.has('person:alice')).toBe(true);
  });
});
