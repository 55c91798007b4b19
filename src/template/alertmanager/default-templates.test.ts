import { describe, expect, it } from 'vitest';
import { EMAIL_FIELD_DEFAULTS, PAGERDUTY_FIELD_DEFAULTS, SLACK_FIELD_DEFAULTS } from './integration-defaults.js';
import { loadTemplates } from './load-templates.js';
import { DEFAULT_TEMPLATE_NAMES, SLACK_OUTPUTS } from './testdata/golden-templates.js';
import { alert, dataOf, notification, render } from './testdata/render.js';

const data = dataOf(notification([alert({ alertname: 'DiskFull', severity: 'critical' })], { alertname: 'DiskFull' }, 'ops'));

describe('the default templates', () => {
  it("define every name of Alertmanager 0.25's default.tmpl and email.tmpl, and only private helpers besides", () => {
    const set = loadTemplates([]);
    if (!set.ok) throw new Error('defaults do not parse');
    const names = set.value.names();
    const alertmanager = [...DEFAULT_TEMPLATE_NAMES, '__text_alert_list', 'pagerduty.default.instances', 'email.default.html'];
    expect(names.filter((n) => !n.startsWith('__edgealert_') && n !== 'edgealert-defaults.tmpl').sort()).toEqual([...alertmanager].sort());
  });

  it.each([
    ['{{ template "__subject" . }}', '[FIRING:1] DiskFull (critical)', 'the subject names the group, then the other common labels'],
    ['{{ template "slack.default.fallback" . }}', '[FIRING:1] DiskFull (critical) | http://am.example/#/alerts?receiver=ops', 'title | link'],
    ['{{ template "__description" . }}|{{ template "slack.default.text" . }}', '|', 'empty defaults stay empty'],
  ])('%s -> %j (%s)', (text, want) => {
    expect(render(text, data)).toBe(want);
  });
});

describe('overriding a default in a templates file', () => {
  const files = (text: string) => [{ name: 'templates/mine.tmpl', text }];

  it('changes every default built on it, as in Alertmanager', () => {
    const mine = files('{{ define "__subject" }}<{{ .Status }}> {{ .CommonLabels.alertname }}{{ end }}');
    expect([
      render(SLACK_FIELD_DEFAULTS.title, data, { files: mine }),
      render(SLACK_FIELD_DEFAULTS.fallback, data, { files: mine }),
      render(EMAIL_FIELD_DEFAULTS.subject, data, { files: mine }),
      render(PAGERDUTY_FIELD_DEFAULTS.description, data, { files: mine }),
    ]).toEqual([
      '<firing> DiskFull',
      '<firing> DiskFull | http://am.example/#/alerts?receiver=ops',
      '<firing> DiskFull',
      '<firing> DiskFull',
    ]);
  });

  it('reaches into the email HTML, escaped for its <title>', () => {
    const html = render(EMAIL_FIELD_DEFAULTS.html, data, { files: files('{{ define "__subject" }}<{{ .Status }}>{{ end }}') });
    expect(html).toContain('<title>&lt;firing&gt;</title>');
  });

  it('keeps the default when the new definition is empty', () => {
    expect(render(SLACK_FIELD_DEFAULTS.username, data, { files: files('{{ define "__alertmanager" }} {{ end }}') })).toBe('Alertmanager');
  });
});

describe('integration field defaults', () => {
  it("are the strings of Alertmanager 0.25's config/notifiers.go that the golden suite checked", () => {
    expect([SLACK_FIELD_DEFAULTS.title, SLACK_FIELD_DEFAULTS.titleLink, SLACK_FIELD_DEFAULTS.fallback, SLACK_FIELD_DEFAULTS.footer, SLACK_FIELD_DEFAULTS.color]).toEqual([
      SLACK_OUTPUTS.title,
      SLACK_OUTPUTS.title_link,
      SLACK_OUTPUTS.fallback,
      SLACK_OUTPUTS.footer,
      SLACK_OUTPUTS.color,
    ]);
  });

  it('render PagerDuty details from the alert lists', () => {
    const details = Object.values(PAGERDUTY_FIELD_DEFAULTS.details).map((text) => render(text, data));
    expect(details).toEqual([
      'Labels:\n - alertname = DiskFull\n - severity = critical\nAnnotations:\nSource: \n',
      '',
      '1',
      '0',
    ]);
  });
});
