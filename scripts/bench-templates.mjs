#!/usr/bin/env node
// npm run bench:templates: how long rendering a typical Slack message takes.
// A message is the template data of a two-alert notification plus every field
// of Alertmanager's Slack defaults and a custom text template (the golden
// suite's), rendered through renderOrFallback as an integration would. Prints
// the median, p95 and p99 of many single-message timings, and the time to
// load the templates. The TypeScript sources are bundled with esbuild (the
// bundler wrangler builds the Worker with) into a temporary module first.
import { build } from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const entry = `
import { loadTemplates, renderOrFallback, templateData, SLACK_FIELD_DEFAULTS } from './src/template/alertmanager/index.ts';
import { CUSTOM_TEMPLATES } from './src/template/alertmanager/testdata/golden-templates.ts';
import { RECORDED_CASES } from './src/template/alertmanager/testdata/golden-recorded.ts';
export { loadTemplates, renderOrFallback, templateData, SLACK_FIELD_DEFAULTS, CUSTOM_TEMPLATES, RECORDED_CASES };
`;
const dir = mkdtempSync(join(tmpdir(), 'edgealert-bench-'));
const outfile = join(dir, 'bench.mjs');
try {
  await build({ stdin: { contents: entry, resolveDir: root, loader: 'ts' }, bundle: true, format: 'esm', platform: 'neutral', outfile, logLevel: 'error' });
  const m = await import(pathToFileURL(outfile).href);
  run(m);
} finally {
  rmSync(dir, { recursive: true, force: true });
}

function run({ loadTemplates, renderOrFallback, templateData, SLACK_FIELD_DEFAULTS, CUSTOM_TEMPLATES, RECORDED_CASES }) {
  const files = [{ name: 'templates/custom.tmpl', text: CUSTOM_TEMPLATES }];
  const loadTimes = timings(50, () => loadTemplates(files));
  const set = loadTemplates(files).value;
  const notification = RECORDED_CASES[1].notification; // one firing, one resolved alert
  const fields = { ...SLACK_FIELD_DEFAULTS, text: '{{ template "custom.text" . }}' };
  let errors = 0;
  const message = () => {
    const data = templateData(notification, { externalURL: 'https://alertmanager.example.com' });
    const out = {};
    for (const [field, text] of Object.entries(fields)) {
      const rendered = renderOrFallback(set, text, data);
      if (!rendered.ok) errors++;
      out[field] = rendered.text;
    }
    return out;
  };
  timings(2_000, message); // warm up the JIT and the inline-template cache
  const times = timings(20_000, message);
  const bytes = JSON.stringify(message()).length;
  console.log(`Slack message (${Object.keys(fields).length} fields, ${notification.alerts.length} alerts, ${bytes} bytes of JSON), ${times.length} renders:`);
  console.log(`  median ${us(percentile(times, 50))}  p95 ${us(percentile(times, 95))}  p99 ${us(percentile(times, 99))}  (errors: ${errors})`);
  console.log(`loading the templates (defaults + custom file): median ${us(percentile(loadTimes, 50))}`);
}

function timings(n, fn) {
  const out = new Array(n);
  for (let i = 0; i < n; i++) {
    const start = performance.now();
    fn();
    out[i] = performance.now() - start;
  }
  return out;
}

function percentile(times, p) {
  const sorted = [...times].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

function us(ms) {
  return `${(ms * 1000).toFixed(1)} µs`;
}
