/**
 * POST /api/v2/alerts through the whole Worker: what Alertmanager 0.25
 * answers to bad bodies (test/conformance/README.md, section d), and what
 * ends up stored, as GET /api/v2/alerts shows it.
 */
import { describe, expect, it } from 'vitest';
import { api, getJson, postAlerts, useConfig } from '../support/edgealert.js';
import { freshStatePerTest } from '../support/timeline.js';

useConfig(`
route:
  receiver: web
  group_by: [alertname]
  group_wait: 1h
receivers:
  - name: web
    webhook_configs:
      - url: http://receiver.test/web
`);
freshStatePerTest();

const JSON_TYPE = { 'Content-Type': 'application/json' };
const MAX_BODY_BYTES = 4 * 1024 * 1024; // src/api/read-body.ts

/** alertname of every alert the API lists. */
const storedNames = async () => (await getJson<{ labels: { alertname?: string } }[]>('/api/v2/alerts')).map((a) => a.labels.alertname);

describe('a body that is not a well-formed alert list', () => {
  it.each([
    ['[{"labels":', 'malformed JSON'],
    ['{"labels":{"alertname":"X"}}', 'an object, not a list'],
    ['[{"labels":{"alertname":1}}]', 'a label value that is a number'],
    ['[{"labels":{"alertname":"X"}},{"labels":["alertname"]}]', 'labels as a list, after a valid alert'],
    ['[{"labels":{"alertname":"X"},"startsAt":"yesterday"}]', 'a startsAt that is not a date-time'],
  ])('%s is refused whole with 400 {code, message} (%s), and nothing is stored', async (body) => {
    const res = await postAlerts(body);
    expect(res.status).toBe(400);
    expect(res.headers.get('Content-Type')).toMatch(/^application\/json/);
    const answer = await res.json<{ code: number; message: string }>();
    expect(answer.code).toBe(400);
    expect(answer.message).not.toBe('');
    expect(await storedNames()).toEqual([]);
  });

  it('is reported as a parse failure when the JSON is malformed', async () => {
    const answer = await (await postAlerts('[{"labels":')).json<{ message: string }>();
    expect(answer.message).toMatch(/^parsing alerts body/);
  });

  it.each([
    ['[{"labels":{"alertname":"N1"}},{"annotations":{}}]', 602, '1.labels in body is required'],
    ['[{"annotations":{}}]', 602, '0.labels in body is required'],
    ['[{"labels":null}]', 602, '0.labels in body is required'],
    ['', 602, 'alerts in body is required'],
    ['[{"labels":{"alertname":"N2"}},{"labels":{"alertname":"U"},"generatorURL":"::x"}]', 601, '1.generatorURL in body must be of type uri: "::x"'],
  ])('%j is refused whole with 422 code %i, as Alertmanager does', async (body, code, message) => {
    const res = await postAlerts(body);
    expect(res.status).toBe(422);
    expect(await res.json()).toEqual({ code, message });
    expect(await storedNames()).toEqual([]);
  });
});

describe('a batch with invalid alerts among valid ones', () => {
  it.each([
    ['[{"labels":{"alertname":"V1"}},{"labels":{}}]', 'at least one label pair required', ['V1']],
    [
      '[{"labels":{"alertname":"V2"}},{"labels":{"bad-name":"x"}},{"labels":{"a":""}}]',
      'invalid label set: invalid name "bad-name"; at least one label pair required',
      ['V2'],
    ],
    [
      '[{"labels":{"alertname":"V3"}},{"labels":{"alertname":"E"},"startsAt":"2040-01-02T00:00:00Z","endsAt":"2040-01-01T00:00:00Z"}]',
      'start time must be before end time',
      ['V3'],
    ],
  ])('%s -> 400 listing the problems (a JSON string), the valid alerts stored', async (body, problems, stored) => {
    const res = await postAlerts(body);
    expect(res.status).toBe(400);
    expect(await res.json()).toBe(problems);
    expect(await storedNames()).toEqual(stored);
  });
});

describe('accepted bodies', () => {
  it('answers 200 with an empty body and stores the alerts', async () => {
    const res = await postAlerts([{ labels: { alertname: 'A' } }, { labels: { alertname: 'B', empty: '' } }]);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('');
    expect((await storedNames()).sort()).toEqual(['A', 'B']);
    const listed = await getJson<{ labels: Record<string, string> }[]>('/api/v2/alerts?filter=alertname="B"');
    expect(listed[0]?.labels).toEqual({ alertname: 'B' }); // empty-valued labels are dropped
  });

  it('accepts an empty list, a null body and unknown extra fields', async () => {
    expect((await postAlerts([])).status).toBe(200);
    expect((await postAlerts('null')).status).toBe(200);
    expect((await postAlerts([{ labels: { alertname: 'U' }, unknown: { x: 1 } }])).status).toBe(200);
    expect(await storedNames()).toEqual(['U']);
  });

  it('treats null fields as not given, as Go does', async () => {
    const res = await postAlerts([{ labels: { alertname: 'N' }, annotations: null, startsAt: null, endsAt: null, generatorURL: null }]);
    expect(res.status).toBe(200);
    expect(await storedNames()).toEqual(['N']);
  });
});

describe('the request itself', () => {
  it('is refused with 415 when the content type is not JSON', async () => {
    const res = await postAlerts('[{"labels":{"alertname":"T"}}]', { 'Content-Type': 'text/plain' });
    expect(res.status).toBe(415);
    expect(await res.json()).toEqual({ code: 415, message: 'unsupported media type "text/plain", only [application/json] are allowed' });
    expect(await storedNames()).toEqual([]);
  });

  it('is refused with 415 when there is no content type, named application/octet-stream as Alertmanager does', async () => {
    const res = await api('/api/v2/alerts', { method: 'POST', body: new TextEncoder().encode('[{"labels":{"alertname":"T"}}]') });
    expect(res.status).toBe(415);
    expect(await res.json()).toEqual({
      code: 415,
      message: 'unsupported media type "application/octet-stream", only [application/json] are allowed',
    });
    expect(await storedNames()).toEqual([]);
  });

  it('accepts a JSON content type with parameters', async () => {
    const res = await postAlerts('[{"labels":{"alertname":"C"}}]', { 'Content-Type': 'application/json; charset=utf-8' });
    expect(res.status).toBe(200);
    expect(await storedNames()).toEqual(['C']);
  });

  it('is refused with 413 when the body is larger than the limit, and nothing is stored', async () => {
    // A valid alert list padded with whitespace past the limit: only its size is wrong.
    const body = `[{"labels":{"alertname":"Big"}}${' '.repeat(MAX_BODY_BYTES)}]`;
    const res = await postAlerts(body, JSON_TYPE);
    expect(res.status).toBe(413);
    expect((await res.json<{ code: number }>()).code).toBe(413);
    expect(await storedNames()).toEqual([]);
  });

  it('is refused with 413 when a streamed body (no Content-Length) grows past the limit', async () => {
    const chunk = new TextEncoder().encode(' '.repeat(1024 * 1024));
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent === 0) controller.enqueue(new TextEncoder().encode('[{"labels":{"alertname":"Big"}}'));
        if (sent > 5) return controller.close();
        sent++;
        controller.enqueue(chunk);
      },
    });
    const res = await api('/api/v2/alerts', { method: 'POST', headers: JSON_TYPE, body: stream });
    expect(res.status).toBe(413);
    expect(await storedNames()).toEqual([]);
  });
});
