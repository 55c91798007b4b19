/**
 * Payload shape against the real Alertmanager 0.25: every Slack body in
 * testdata/golden.json (captured by test/conformance/slack-golden.test.ts)
 * must come out of edgealert's notifier byte for byte, given the
 * notification Alertmanager rendered it from.
 */
import { describe, expect, it } from 'vitest';
import { formatConfigErrors, loadConfig } from '../../config/index.js';
import { readGolden, replayCase } from '../testdata/golden.js';
import { SLACK_GOLDEN_CONFIG, SLACK_GOLDEN_ENV } from './testdata/golden-config.js';

const golden = readGolden(new URL('testdata/golden.json', import.meta.url));
const loaded = loadConfig(SLACK_GOLDEN_CONFIG, SLACK_GOLDEN_ENV);
if (!loaded.ok) throw new Error(formatConfigErrors(loaded.error));
const config = loaded.value;

describe("Slack bodies match Alertmanager 0.25's", () => {
  it('covers firing, partly resolved and resolved notifications, every field, and the limits', () => {
    expect(golden.cases.map((c) => c.name)).toEqual(['defaults #1', 'defaults #2', 'defaults #3', 'every-field #1', 'every-field #2', 'limits #1']);
  });

  it.each(golden.cases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const calls = await replayCase(config, 'slack', c);
    expect(calls).toHaveLength(1);
    expect(calls[0]?.url).toBe(`${SLACK_GOLDEN_ENV.CAPTURE}/slack/${c.scenario}`);
    expect(calls[0]?.body).toBe(c.body);
  });
});
