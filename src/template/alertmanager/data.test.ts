import { describe, expect, it } from 'vitest';
import { quoteMeta, templateData } from './data.js';
import { alert, notification, render } from './testdata/render.js';

const resolvedAt = Date.UTC(2023, 0, 2, 4, 0, 0);

describe('templateData', () => {
  it('quotes the receiver name with QuoteMeta, as Alertmanager 0.25 does (checked in the golden suite)', () => {
    const data = templateData(notification([alert({ a: '1' })], {}, 'team.x+y (ops)'), { externalURL: 'http://am' });
    expect(data.Receiver).toBe('team\\.x\\+y \\(ops\\)');
  });

  it.each([
    [['firing', 'firing'], 'firing', 'all firing'],
    [['resolved', 'firing'], 'firing', 'any firing alert makes the group firing'],
    [['resolved', 'resolved'], 'resolved', 'resolved once every alert is'],
  ] as const)('status of %j is %s (%s)', (statuses, want, _why) => {
    const alerts = statuses.map((status, i) => alert({ i: String(i) }, { status, endsAt: status === 'resolved' ? resolvedAt : null }));
    expect(templateData(notification(alerts), { externalURL: '' }).Status).toBe(want);
  });

  it('keeps the labels and annotations every alert shares, with the same value', () => {
    const data = templateData(
      notification([
        alert({ alertname: 'A', env: 'prod', host: 'h1' }, { annotations: { summary: 's', runbook: 'r1' } }),
        alert({ alertname: 'A', env: 'prod', host: 'h2' }, { annotations: { summary: 's', runbook: 'r2' } }),
      ]),
      { externalURL: '' },
    );
    expect([[...data.CommonLabels.keys()].sort(), [...data.CommonAnnotations.keys()]]).toEqual([['alertname', 'env'], ['summary']]);
  });

  it('treats an absent annotation as empty, as Go reads a missing map key', () => {
    const data = templateData(notification([alert({ a: '1' }, { annotations: { note: '' } }), alert({ a: '1' })]), { externalURL: '' });
    expect([...data.CommonAnnotations]).toEqual([['note', '']]);
  });

  it('gives a firing alert the zero EndsAt and a resolved one its end', () => {
    const data = templateData(
      notification([alert({ a: '1' }), alert({ a: '2' }, { status: 'resolved', endsAt: resolvedAt })]),
      { externalURL: '' },
    );
    expect(data.Alerts.map((a) => [a.EndsAt.String(), a.EndsAt.IsZero()])).toEqual([
      ['0001-01-01 00:00:00 +0000 UTC', true],
      ['2023-01-02 04:00:00 +0000 UTC', false],
    ]);
  });

  it('copies group labels, external URL, fingerprint and generator URL', () => {
    const data = templateData(
      notification([alert({ alertname: 'A' }, { generatorURL: 'http://prom/g', fingerprint: 'ff' })], { alertname: 'A' }),
      { externalURL: 'http://am.example' },
    );
    expect([data.GroupLabels.get('alertname'), data.ExternalURL, data.Alerts[0]?.GeneratorURL, data.Alerts[0]?.Fingerprint]).toEqual([
      'A',
      'http://am.example',
      'http://prom/g',
      'ff',
    ]);
  });
});

describe('Data in templates', () => {
  const data = templateData(
    notification(
      [alert({ alertname: 'A', i: '1' }), alert({ alertname: 'A', i: '2' }, { status: 'resolved', endsAt: resolvedAt })],
      { alertname: 'A' },
    ),
    { externalURL: 'http://am.example' },
  );

  it.each([
    ['{{ len .Alerts }} {{ len .Alerts.Firing }} {{ len .Alerts.Resolved }}', '2 1 1', 'Firing and Resolved split the alerts'],
    ['{{ range .Alerts.Resolved }}{{ .Labels.i }} {{ .EndsAt }}{{ end }}', '2 2023-01-02 04:00:00 +0000 UTC', 'a resolved alert and its end'],
    ['{{ (index .Alerts 0).StartsAt }}', '2023-01-02 03:04:05.67 +0000 UTC', 'times print like Go (trailing zeros dropped)'],
    ['{{ printf "%T %T %T %T" . .Alerts .Alerts.Firing (index .Alerts 0) }}', '*template.Data template.Alerts []template.Alert template.Alert', "Go's type names"],
    ['{{ .Nope }}', `template error: template: :1:3: executing "" at <.Nope>: can't evaluate field Nope in type *template.Data`, 'an unknown field is an error'],
  ])('%s -> %j (%s)', (text, want) => {
    expect(render(text, data)).toBe(want);
  });

  it('Firing is an empty list, not nil, when nothing fires', () => {
    const resolved = templateData(notification([alert({ a: '1' }, { status: 'resolved', endsAt: resolvedAt })]), { externalURL: '' });
    expect(render('{{ .Alerts.Firing }} {{ len .Alerts.Firing }}', resolved)).toBe('[] 0');
  });
});

describe('quoteMeta', () => {
  it.each([
    ['plain-name_1', 'plain-name_1'],
    ['a.b*c+d?e(f)g|h[i]j{k}l^m$n\\o', 'a\\.b\\*c\\+d\\?e\\(f\\)g\\|h\\[i\\]j\\{k\\}l\\^m\\$n\\\\o'],
  ])('%s -> %s', (text, want) => {
    expect(quoteMeta(text)).toBe(want);
  });
});
