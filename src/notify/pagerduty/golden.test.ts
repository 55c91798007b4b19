/**
 * Payload shape against the real Alertmanager 0.25: every PagerDuty event
 * in testdata/golden.json (captured by
 * test/conformance/pagerduty-golden.test.ts; v1 through a TLS-intercepting
 * proxy) must come out of edgealert's notifier byte for byte, given the
 * notification Alertmanager rendered it from.
 */
import { describe, expect, it } from 'vitest';
import { formatConfigErrors, loadConfig } from '../../config/index.js';
import { readGolden, replayCase } from '../testdata/golden.js';
import { PAGERDUTY_GOLDEN_ENV, pagerdutyGoldenConfig } from './testdata/golden-config.js';

const golden = readGolden(new URL('testdata/golden.json', import.meta.url));
const loaded = loadConfig(pagerdutyGoldenConfig(), PAGERDUTY_GOLDEN_ENV);
if (!loaded.ok) throw new Error(formatConfigErrors(loaded.error));
const config = loaded.value;

describe("PagerDuty events match Alertmanager 0.25's", () => {
  it('covers v2 triggers and resolves, every field, the 512 KB guard and v1', () => {
    expect(golden.cases.map((c) => c.name)).toEqual([
      'v2-defaults #1',
      'v2-defaults #2',
      'v2-defaults #3',
      'v2-every-field #1',
      'v2-every-field #2',
      'v2-oversize #1',
      'v1 #1',
      'v1 #2',
    ]);
  });

  it.each(golden.cases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const calls = await replayCase(config, 'pagerduty', c);
    expect(calls).toHaveLength(1);
    expect(calls[0]?.body).toBe(c.body);
  });

  it('keeps the oversize notification whole in the golden file (its 600 kB annotation is what the guard removed)', () => {
    const oversize = golden.cases.find((c) => c.scenario === 'v2-oversize');
    expect(oversize?.notification.alerts[0]?.annotations.blob).toHaveLength(600_000);
  });
});
