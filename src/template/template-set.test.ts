import { describe, expect, it } from 'vitest';
import { parseTemplates, type TemplateSet } from './index.js';

function parsed(...texts: string[]): TemplateSet {
  const result = parseTemplates(texts.map((text, i) => ({ name: `f${i}.tmpl`, text })));
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

describe('parseTemplates', () => {
  it('puts the defines of every source in one namespace, each source under its own name', () => {
    const set = parsed('{{ define "a" }}A{{ end }}', '{{ define "b" }}{{ template "a" }}B{{ end }}top');
    expect(set.names()).toEqual(['a', 'b', 'f0.tmpl', 'f1.tmpl']);
    expect([set.execute('b', null), set.execute('f1.tmpl', null)]).toEqual([
      { ok: true, value: 'AB' },
      { ok: true, value: 'top' },
    ]);
  });

  it('lets a later source redefine a template (user files override the defaults; verified in Alertmanager)', () => {
    const set = parsed('{{ define "title" }}default{{ end }}', '{{ define "title" }}mine{{ end }}');
    expect(set.execute('title', null)).toEqual({ ok: true, value: 'mine' });
  });

  it('keeps a definition when a later source defines the name with an empty body', () => {
    const set = parsed('{{ define "title" }}default{{ end }}', '{{ define "title" }} {{ end }}');
    expect(set.execute('title', null)).toEqual({ ok: true, value: 'default' });
  });

  it('returns the first parse error, naming its source', () => {
    const result = parseTemplates([
      { name: 'ok.tmpl', text: 'fine' },
      { name: 'bad.tmpl', text: '\n{{ if }}' },
    ]);
    expect(result.ok ? undefined : result.error).toEqual({
      kind: 'parse',
      message: 'template: bad.tmpl:2: missing value for if',
      reason: 'missing value for if',
      source: 'bad.tmpl',
      template: 'bad.tmpl',
      line: 2,
      column: 6,
    });
  });

  it.each([
    [{ 'not-a-name': () => 1 }, 'function name "not-a-name" is not a valid identifier'],
    [{ f: 'x' as unknown as () => 1 }, 'value for f not a function'],
  ])('throws for a malformed function map (a bug, not input)', (funcs, message) => {
    expect(() => parseTemplates([], funcs)).toThrow(message);
  });
});

describe('TemplateSet.execute', () => {
  it('fails for a name the set does not have', () => {
    const result = parsed('x').execute('nope', null);
    expect(result.ok ? undefined : result.error.message).toBe('template: no template "nope" associated with template ""');
  });

  it('executes the same template many times with different data', () => {
    const set = parsed('{{ define "hi" }}hi {{ . }}{{ end }}');
    expect(['a', 'b'].map((who) => set.execute('hi', who))).toEqual([
      { ok: true, value: 'hi a' },
      { ok: true, value: 'hi b' },
    ]);
  });

  it('stops runaway recursion with an error', () => {
    const result = parsed('{{ define "loop" }}{{ template "loop" . }}{{ end }}').execute('loop', null);
    expect(result.ok ? undefined : result.error.reason).toBe('exceeded maximum template depth (1000)');
  });
});

describe('TemplateSet.executeString', () => {
  const set = parsed('{{ define "slack.title" }}[{{ .Status }}]{{ end }}');

  it('runs inline text against the set, as Alertmanager renders config strings', () => {
    expect(set.executeString('{{ template "slack.title" . }} now', { Status: 'firing' })).toEqual({ ok: true, value: '[firing] now' });
  });

  it('renders empty text as empty', () => {
    expect(set.executeString('', null)).toEqual({ ok: true, value: '' });
  });

  it('lets inline defines shadow the set for that text only', () => {
    const text = '{{ define "slack.title" }}inline{{ end }}{{ template "slack.title" . }}';
    expect(set.executeString(text, {})).toEqual({ ok: true, value: 'inline' });
    expect(set.executeString('{{ template "slack.title" . }}', { Status: 'x' })).toEqual({ ok: true, value: '[x]' });
  });

  it('gives the same result for a text seen before (parsed once, then cached)', () => {
    const first = set.executeString('{{ if }}', null);
    expect(set.executeString('{{ if }}', null)).toEqual(first);
    expect(first.ok ? undefined : first.error.message).toBe('template: :1: missing value for if');
  });
});
