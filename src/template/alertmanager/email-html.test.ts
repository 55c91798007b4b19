import { describe, expect, it } from 'vitest';
import { EMAIL_FIELD_DEFAULTS } from './integration-defaults.js';
import { alert, dataOf, notification, render } from './testdata/render.js';

// Byte-for-byte equality with Alertmanager's page is the golden suite's job
// (golden.test.ts, three states); these name what changes with the alerts.
const resolved = (labels: Record<string, string>) => alert(labels, { status: 'resolved', endsAt: Date.UTC(2023, 0, 2, 4) });
const html = (...alerts: ReturnType<typeof alert>[]) => render(EMAIL_FIELD_DEFAULTS.html, dataOf(notification(alerts, { alertname: 'A' })));

describe('email.default.html', () => {
  it.each([
    ['firing', [alert({ alertname: 'A', i: '1' })], ['alert alert-warning', '1 alert for ', '[1] Firing'], ['alert-good', 'Resolved', '<hr ']],
    ['resolved', [resolved({ alertname: 'A', i: '1' })], ['alert alert-good', '[1] Resolved'], ['alert-warning', 'Firing', '<hr ']],
    ['both', [alert({ alertname: 'A', i: '1' }), resolved({ alertname: 'A', i: '2' })], ['2 alerts for ', '[1] Firing', '<hr ', '[1] Resolved'], ['alert-good']],
  ])('%s: shows %j, not %j', (_state, alerts, present, absent) => {
    const page = html(...alerts);
    for (const text of present) expect(page).toContain(text);
    for (const text of absent) expect(page).not.toContain(text);
  });

  it('escapes values for HTML and URLs for attributes, as html/template does', () => {
    const page = html(alert({ alertname: 'A', note: '<b>&' }, { annotations: { s: 'a+b' }, generatorURL: 'javascript:alert(1)' }));
    expect(page).toContain('note = &lt;b&gt;&amp;<br');
    expect(page).toContain('s = a&#43;b<br');
    expect(page).toContain('<a href="#ZgotmplZ"');
  });

  it('leaves out the Annotations heading for an alert without annotations', () => {
    expect(html(alert({ alertname: 'A' }))).not.toContain('>Annotations</strong>');
  });
});
