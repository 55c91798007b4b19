import { describe, expect, it } from 'vitest';
import type { BodyRejection } from '../util/parse-json.js';
import { parseAlertBatch, type ParsedBatch } from './parse-batch.js';
import type { IngestContext } from './postable.js';

const ctx: IngestContext = { now: Date.UTC(2026, 10, 25, 6), resolveTimeout: 5 * 60_000 };

function accepted(text: string): ParsedBatch {
  const result = parseAlertBatch(text, ctx);
  if (!result.ok) throw new Error(`rejected: ${JSON.stringify(result.error)}`);
  return result.value;
}

function rejected(text: string): BodyRejection {
  const result = parseAlertBatch(text, ctx);
  if (result.ok) throw new Error(`accepted: ${JSON.stringify(result.value)}`);
  return result.error;
}

const names = (batch: ParsedBatch): string[] => batch.alerts.map((a) => a.labels.alertname ?? '');

describe('parseAlertBatch: per-alert problems keep the valid alerts (README section d)', () => {
  it.each([
    ['[{"labels":{"alertname":"V1"}},{"labels":{}}]', ['V1'], ['at least one label pair required'], 'an empty label set'],
    [
      '[{"labels":{"alertname":"V2"}},{"labels":{"bad-name":"x"}},{"labels":{"a":""}}]',
      ['V2'],
      ['invalid label set: invalid name "bad-name"', 'at least one label pair required'],
      'two problems, reported in batch order (the API joins them with "; ")',
    ],
    [
      '[{"labels":{"alertname":"V3"}},{"labels":{"alertname":"E"},"startsAt":"2026-01-02T00:00:00Z","endsAt":"2026-01-01T00:00:00Z"}]',
      ['V3'],
      ['start time must be before end time'],
      'endsAt before startsAt',
    ],
    ['[{"labels":{"alertname":"A"}},{"labels":{"alertname":"B"}}]', ['A', 'B'], [], 'all valid, in order'],
    ['[]', [], [], 'an empty list is fine (200)'],
    ['[{"labels":{"alertname":"U"},"unknown":{"x":1}}]', ['U'], [], 'an unknown extra field is ignored (200 from the binary)'],
  ])('%s -> stored %j, errors %j (%s)', (text, stored, errors) => {
    const batch = accepted(text);
    expect(names(batch)).toEqual(stored);
    expect(batch.invalid).toEqual(errors);
  });

  it('defaults each alert (startsAt = now, endsAt = now + resolve_timeout)', () => {
    const [alert] = accepted('[{"labels":{"alertname":"X","empty":""}}]').alerts;
    expect(alert).toMatchObject({ labels: { alertname: 'X' }, startsAt: ctx.now, endsAt: ctx.now + ctx.resolveTimeout, timeout: true });
  });
});

describe('parseAlertBatch: whole-body rejections store nothing', () => {
  it.each([
    ['[{"labels":{"alertname":"N1"}},{"annotations":{}}]', 422, 602, '1.labels in body is required', 'labels missing in the second alert'],
    ['[{"annotations":{}}]', 422, 602, '0.labels in body is required', 'labels missing in the first alert'],
  ])('%s -> %i {code: %i, message: %j} (%s)', (text, status, code, message) => {
    expect(rejected(text)).toEqual({ status, body: { code, message } });
  });

  it.each([
    ['[{"labels":', 'malformed JSON (unexpected end)'],
    ['[{"labels":{"alertname":"X"}},]', 'a trailing comma'],
    ['{"labels":{"alertname":"X"}}', 'an object, not an array'],
    ['[{"labels":{"alertname":1}}]', 'a label value that is a number'],
    ['[{"labels":{"alertname":"X"},"startsAt":"yesterday"}]', 'a startsAt that is not a date-time'],
    ['[{"labels":{"alertname":"X"},"annotations":{"s":true}}]', 'an annotation value that is not a string'],
    ['[{"labels":["alertname"]}]', 'labels as a list'],
    ['"alerts"', 'a JSON string'],
  ])('%s -> 400 with code 400 (%s)', (text) => {
    const rejection = rejected(text);
    expect(rejection.status).toBe(400);
    expect(rejection.body.code).toBe(400);
    expect(rejection.body.message).not.toBe('');
  });

  it('says that parsing the body failed, as Alertmanager does, for malformed JSON', () => {
    expect(rejected('[{"labels":').body.message).toMatch(/^parsing alerts body/);
  });

  // BUG (util/parse-json.ts, used by parse-batch.ts): Alertmanager treats a null `labels` as
  // missing: the 0.25 binary answers 422 {"code":602,"message":"0.labels in
  // body is required"} (README section d); edgealert only checks for an
  // undefined input and answers 400.
  it('answers 422 "0.labels in body is required" for "labels": null', () => {
    expect(rejected('[{"labels":null}]')).toEqual({ status: 422, body: { code: 602, message: '0.labels in body is required' } });
  });

  // BUG (parse-batch.ts): the 0.25 binary answers 422 with code 602
  // "alerts in body is required" for an empty body; edgealert answers 400
  // (JSON.parse fails).
  it('answers 422 "alerts in body is required" for an empty body', () => {
    expect(rejected('')).toEqual({ status: 422, body: { code: 602, message: 'alerts in body is required' } });
  });

  // BUG (postable.ts schema): generatorURL has format "uri" in the OpenAPI
  // spec; the 0.25 binary answers 422 {"code":601,"message":"0.generatorURL
  // in body must be of type uri: \"::x\""} and stores nothing; edgealert
  // accepts any string. (A relative URL such as "/relative" is accepted.)
  it.each([['::x'], ['not a url']])('answers 422 (code 601) for generatorURL %j', (url) => {
    const rejection = rejected(JSON.stringify([{ labels: { alertname: 'X' }, generatorURL: url }]));
    expect(rejection).toEqual({ status: 422, body: { code: 601, message: `0.generatorURL in body must be of type uri: ${JSON.stringify(url)}` } });
  });

  it('accepts a relative generatorURL, as the binary does', () => {
    expect(accepted('[{"labels":{"alertname":"Q4"},"generatorURL":"/relative"}]').alerts[0]?.generatorURL).toBe('/relative');
  });
});

describe('parseAlertBatch: null fields', () => {
  // BUG (postable.ts schema): Go decodes a JSON null into the zero value, so
  // the 0.25 binary answered 200 to
  // [{"labels":{"alertname":"N1"},"startsAt":null,"endsAt":null,"annotations":null,"generatorURL":null}]
  // and stored N1 with the defaults; edgealert refuses the batch with 400.
  // Clients that serialise unset fields as null lose every alert.
  it.each([['startsAt'], ['endsAt'], ['annotations'], ['generatorURL']])('treats "%s": null as absent', (field) => {
    const batch = accepted(JSON.stringify([{ labels: { alertname: 'N1' }, [field]: null }]));
    expect(names(batch)).toEqual(['N1']);
    expect(batch.alerts[0]).toMatchObject({ startsAt: ctx.now, endsAt: ctx.now + ctx.resolveTimeout, annotations: {}, generatorURL: '' });
  });

  // BUG (parse-batch.ts): a body of `null` is an empty alert list for Go
  // (the 0.25 binary answered 200); edgealert answers 400.
  it('treats a null body as an empty list', () => {
    expect(accepted('null')).toEqual({ alerts: [], invalid: [] });
  });
});
