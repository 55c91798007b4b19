import { describe, expect, it } from 'vitest';
import { compileConfigText } from '../config/compile-config-text.js';
import { formatConfigErrors } from '../config/config-error.js';
import { ConfigLoadError, configErrorFields, runtimeConfig } from './runtime-config.js';

const config = (n: number, extra = '') => `route: {receiver: r${n}}\nreceivers: [{name: r${n}}]\n${extra}`;
const file = (text: string) => ({ name: 'templates/mine.tmpl', text });
const templatesVar = (text: string) => JSON.stringify([file(text)]);

/** `yaml` compiled as the build and `npm start` compile it: what EDGEALERT_CONFIG holds. */
function compiled(yaml: string, templates?: { name: string; text: string }[]): string {
  const result = compileConfigText(yaml, templates ? { templates } : {});
  if (!result.ok) throw new Error(formatConfigErrors(result.error));
  return JSON.stringify(result.value);
}

function loadError(env: Record<string, unknown>): ConfigLoadError {
  try {
    runtimeConfig(env);
  } catch (e) {
    if (e instanceof ConfigLoadError) return e;
    throw e;
  }
  throw new Error('the config loaded');
}

describe('runtimeConfig templates', () => {
  it('uses the template files compiled into EDGEALERT_CONFIG', () => {
    const loaded = runtimeConfig({ EDGEALERT_CONFIG: compiled(config(1, "templates: ['templates/*.tmpl']"), [file('{{ define "mine" }}ok{{ end }}')]) });
    expect(loaded.templates.execute('mine', null)).toEqual({ ok: true, value: 'ok' });
  });

  it('reads template files from EDGEALERT_TEMPLATES in place of the compiled ones', () => {
    const loaded = runtimeConfig({
      EDGEALERT_CONFIG: compiled(config(2, "templates: ['templates/*.tmpl']"), [file('{{ define "mine" }}compiled{{ end }}')]),
      EDGEALERT_TEMPLATES: templatesVar('{{ define "mine" }}var{{ end }}'),
    });
    expect(loaded.templates.execute('mine', null)).toEqual({ ok: true, value: 'var' });
  });

  it('reloads when only the templates change', () => {
    const env = (text: string) => ({ EDGEALERT_CONFIG: compiled(config(3, "templates: ['templates/*.tmpl']")), EDGEALERT_TEMPLATES: templatesVar(text) });
    runtimeConfig(env('{{ define "t" }}one{{ end }}'));
    expect(runtimeConfig(env('{{ define "t" }}two{{ end }}')).templates.execute('t', null)).toEqual({ ok: true, value: 'two' });
  });

  it('fails with the file position when a template does not parse', () => {
    const env = { EDGEALERT_CONFIG: compiled(config(4, "templates: ['templates/*.tmpl']")), EDGEALERT_TEMPLATES: templatesVar('{{ nope }}') };
    expect(() => runtimeConfig(env)).toThrow(new ConfigLoadError('invalid configuration:\ntemplates[0]: templates/mine.tmpl:1:4: function "nope" not defined'));
  });

  it('refuses EDGEALERT_TEMPLATES that is not a list of files', () => {
    expect(() => runtimeConfig({ EDGEALERT_CONFIG: compiled(config(5)), EDGEALERT_TEMPLATES: '{"name": 1}' })).toThrow(ConfigLoadError);
  });
});

describe('runtimeConfig from EDGEALERT_CONFIG', () => {
  const WITH_SECRET = `route: {receiver: r6}\nreceivers:\n  - name: r6\n    webhook_configs:\n      - url: \${HOOK}\n`;
  const SECRET = 'https://hooks.example.com/T0/B0/sekrit-path';

  it('puts the secrets of the bindings in place of their references', () => {
    const loaded = runtimeConfig({ EDGEALERT_CONFIG: compiled(WITH_SECRET), HOOK: SECRET });
    expect(loaded.receivers.get('r6')?.integrations[0]).toMatchObject({ type: 'webhook', url: SECRET });
  });

  it('fails naming the path and the secret when the secret is not set', () => {
    expect(loadError({ EDGEALERT_CONFIG: compiled(WITH_SECRET.replaceAll('r6', 'r7')) }).message).toBe(
      'invalid configuration:\nreceivers[0].webhook_configs[0].url: secret ${HOOK} is not set (add it with `wrangler secret put HOOK` or to .dev.vars)',
    );
  });

  it('joins a config npm start cut into EDGEALERT_CONFIG, EDGEALERT_CONFIG_2, ...', () => {
    const json = compiled(WITH_SECRET.replaceAll('r6', 'r10'));
    const loaded = runtimeConfig({ EDGEALERT_CONFIG: json.slice(0, 50), EDGEALERT_CONFIG_2: json.slice(50, 120), EDGEALERT_CONFIG_3: json.slice(120), HOOK: SECRET });
    expect(loaded.receivers.has('r10')).toBe(true);
  });

  it('refuses a config given as YAML, saying it must be compiled', () => {
    expect(loadError({ EDGEALERT_CONFIG: config(8) }).message).toMatch(/^invalid configuration:\nEDGEALERT_CONFIG is not a compiled config \(JSON\)/);
  });

  it('refuses JSON that is not a compiled config of this version', () => {
    expect(loadError({ EDGEALERT_CONFIG: '{"format": "edgealert-compiled-config/0"}' }).message).toMatch(/not a compiled config of this edgealert/);
  });
});

describe('configErrorFields', () => {
  it('says how many problems and where, never what a value was', () => {
    const yaml = `route: {receiver: r9}\nreceivers:\n  - name: r9\n    webhook_configs:\n      - url: \${HOOK}\n      - url: \${MISSING}\n`;
    const error = loadError({ EDGEALERT_CONFIG: compiled(yaml), HOOK: 'ftp://sekrit-host/path' });
    const fields = configErrorFields(error);
    expect(fields).toEqual({ errors: 2, paths: 'receivers[0].webhook_configs[0].url,receivers[0].webhook_configs[1].url' });
    expect(error.message).not.toContain('sekrit');
    expect(JSON.stringify(fields)).not.toContain('sekrit');
  });
});
