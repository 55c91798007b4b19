import { describe, expect, it } from 'vitest';
import { ConfigLoadError, configErrorFields, runtimeConfig } from './runtime-config.js';

const config = (n: number, extra = '') => `route: {receiver: r${n}}\nreceivers: [{name: r${n}}]\n${extra}`;
const templates = (text: string) => JSON.stringify([{ name: 'templates/mine.tmpl', text }]);

describe('runtimeConfig templates', () => {
  it('reads template files from EDGEALERT_TEMPLATES next to EDGEALERT_CONFIG', () => {
    const loaded = runtimeConfig({
      EDGEALERT_CONFIG: config(1, "templates: ['templates/*.tmpl']"),
      EDGEALERT_TEMPLATES: templates('{{ define "mine" }}ok{{ end }}'),
    });
    expect(loaded.templates.execute('mine', null)).toEqual({ ok: true, value: 'ok' });
  });

  it('reloads when only the templates change', () => {
    const env = (text: string) => ({ EDGEALERT_CONFIG: config(2, "templates: ['templates/*.tmpl']"), EDGEALERT_TEMPLATES: templates(text) });
    runtimeConfig(env('{{ define "t" }}one{{ end }}'));
    expect(runtimeConfig(env('{{ define "t" }}two{{ end }}')).templates.execute('t', null)).toEqual({ ok: true, value: 'two' });
  });

  it('fails with the file position when a template does not parse', () => {
    const env = { EDGEALERT_CONFIG: config(3, "templates: ['templates/*.tmpl']"), EDGEALERT_TEMPLATES: templates('{{ nope }}') };
    expect(() => runtimeConfig(env)).toThrow(new ConfigLoadError('invalid configuration:\ntemplates[0]: templates/mine.tmpl:1:4: function "nope" not defined'));
  });

  it('refuses EDGEALERT_TEMPLATES that is not a list of files', () => {
    expect(() => runtimeConfig({ EDGEALERT_CONFIG: config(4), EDGEALERT_TEMPLATES: '{"name": 1}' })).toThrow(ConfigLoadError);
  });

  it('does not give a config from EDGEALERT_CONFIG the bundled config\'s templates', () => {
    expect(runtimeConfig({ EDGEALERT_CONFIG: config(5) }).templates.has('slack.default.title')).toBe(true);
  });
});

describe('configErrorFields', () => {
  it('says how many problems and where, never what a value was', () => {
    const SECRET = 'https://hooks.example.com/T0/B0/sekrit-path';
    const yaml = `route: {receiver: r5}\nreceivers:\n  - name: r5\n    webhook_configs:\n      - url: \${HOOK}\n        max_alerts: -1\n        send_resolved: 'no'\n`;
    let error: unknown;
    try {
      runtimeConfig({ EDGEALERT_CONFIG: yaml, HOOK: SECRET });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigLoadError);
    const fields = configErrorFields(error as ConfigLoadError);
    expect(fields.errors).toBeGreaterThan(0);
    expect(fields.paths).toContain('receivers[0].webhook_configs[0]');
    expect(JSON.stringify(fields)).not.toContain('sekrit');
  });
});
