import { describe, expect, it } from 'vitest';
import { loadTemplates } from './load-templates.js';
import { renderFields, renderOrFallback } from './render.js';
import { alert, dataOf, notification } from './testdata/render.js';

const set = (() => {
  const loaded = loadTemplates([]);
  if (!loaded.ok) throw new Error('defaults do not parse');
  return loaded.value;
})();
const data = dataOf(notification([alert({ alertname: 'A' })], { alertname: 'A' }));

describe('renderOrFallback', () => {
  it('renders a field', () => {
    expect(renderOrFallback(set, '{{ template "__subject" . }}', data)).toEqual({ ok: true, text: '[FIRING:1] A ' });
  });

  it('renders empty text as empty, as Alertmanager does', () => {
    expect(renderOrFallback(set, '', data)).toEqual({ ok: true, text: '' });
  });

  it.each([
    ['{{ .Nope }}', `template error: template: :1:3: executing "" at <.Nope>: can't evaluate field Nope in type *template.Data`, 'an execution error'],
    ['{{ template "missing" . }}', 'template error: template: :1:12: executing "" at <{{template "missing" .}}>: template "missing" not defined', 'an unknown template'],
    ['{{ if }}', 'template error: template: :1: missing value for if', 'inline text that does not parse'],
  ])('falls back to a clear text and flags %s (%s)', (text, want) => {
    const rendered = renderOrFallback(set, text, data);
    expect(rendered.ok).toBe(false);
    expect(rendered.text).toBe(want);
    if (!rendered.ok) expect(rendered.error.message).toBe(want.slice('template error: '.length));
  });
});

describe('renderFields', () => {
  it('renders every field and lists the ones that fell back', () => {
    const { values, errors } = renderFields(set, { title: '{{ template "__subject" . }}', text: '{{ .Nope }}', footer: '' }, data);
    expect(values).toEqual({
      title: '[FIRING:1] A ',
      text: `template error: template: :1:3: executing "" at <.Nope>: can't evaluate field Nope in type *template.Data`,
      footer: '',
    });
    expect(errors.map((e) => [e.field, e.error.reason])).toEqual([['text', "can't evaluate field Nope in type *template.Data"]]);
  });
});
