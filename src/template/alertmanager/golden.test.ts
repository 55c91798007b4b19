/**
 * The golden suite without Alertmanager: golden-recorded.json holds what the
 * real Alertmanager 0.25 rendered for the templates of golden-templates.ts
 * (its defaults, and a custom templates file) for five notifications, as
 * test/conformance/templates.test.ts recorded them from a live run
 * (UPDATE_TEMPLATE_GOLDEN=1). Every output must come out byte for byte.
 */
import { describe, expect, it } from 'vitest';
import { loadTemplates, renderOrFallback, templateData } from './index.js';
import { CUSTOM_TEMPLATES, goldenOutputs } from './testdata/golden-templates.js';
import { RECORDED_CASES } from './testdata/golden-recorded.js';

const set = loadTemplates([{ name: 'templates/custom.tmpl', text: CUSTOM_TEMPLATES }]);
const outputs = Object.entries(goldenOutputs());

describe('templates rendered as the real Alertmanager 0.25 rendered them', () => {
  it('covers every output in every recorded notification', () => {
    expect(RECORDED_CASES.map((c) => c.name)).toEqual([
      'lifecycle #1 (firing, firing)',
      'lifecycle #2 (resolved, firing)',
      'lifecycle #3 (resolved)',
      'quoted #1 (firing)',
      'ungrouped #1 (firing, firing)',
    ]);
    for (const c of RECORDED_CASES) expect(Object.keys(c.outputs).sort()).toEqual(outputs.map(([key]) => key).sort());
  });

  describe.each(RECORDED_CASES)('$name', (c) => {
    const data = templateData(c.notification, { externalURL: c.externalURL });
    it.each(outputs)('%s', (key, text) => {
      if (!set.ok) throw new Error(set.error.map((e) => e.message).join('\n'));
      const rendered = renderOrFallback(set.value, text, data);
      expect(rendered.text).toBe(c.outputs[key]);
      expect(rendered.ok).toBe(true);
    });
  });
});
