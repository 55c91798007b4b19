/**
 * Reading a running edgealert for --url: parsed answers, and every failure
 * as one clear sentence that never shows the token.
 */
import { describe, expect, it } from 'vitest';
import { fetchOverrides, fetchSilences, parseBaseUrl, type LiveSource } from './live-state.js';

const TOKEN = 's3cret-token-value';

/** A source whose fetch answers `status` with `body`, recording what was asked. */
function answering(status: number, body: string, seen: Request[] = []): LiveSource {
  return {
    url: 'https://edgealert.example',
    token: TOKEN,
    fetch: async (input, init) => {
      seen.push(new Request(input, init));
      return new Response(body, { status, statusText: status === 200 ? 'OK' : status === 401 ? 'Unauthorized' : 'Forbidden' });
    },
  };
}

function failing(error: Error): LiveSource {
  return { url: 'http://127.0.0.1:9', token: TOKEN, fetch: async () => Promise.reject(error) };
}

describe('reading live state', () => {
  it('sends the token as a bearer token and parses overrides', async () => {
    const seen: Request[] = [];
    const override = { id: 'o-1', schedule: 'sre', person: 'frank', start: 1, end: 2, createdAt: 0, createdBy: 'API client' };
    const result = await fetchOverrides(answering(200, JSON.stringify([override]), seen));
    expect(result).toEqual({ ok: true, value: [override] });
    expect(seen[0]?.url).toBe('https://edgealert.example/api/v1/overrides');
    expect(seen[0]?.headers.get('Authorization')).toBe(`Bearer ${TOKEN}`);
  });

  it("reads silences in Alertmanager's shape, times as epoch ms", async () => {
    const silence = {
      id: 's-1',
      status: { state: 'active' },
      matchers: [{ name: 'team', value: 'db', isRegex: false, isEqual: true }],
      startsAt: '2026-11-30T07:00:00Z',
      endsAt: '2026-11-30T10:00:00.5Z',
      updatedAt: '2026-11-30T06:00:00Z',
      createdBy: 'alice',
      comment: 'migration',
    };
    const result = await fetchSilences(answering(200, JSON.stringify([silence])));
    expect(result).toEqual({
      ok: true,
      value: [{ id: 's-1', matchers: silence.matchers, startsAt: Date.parse(silence.startsAt), endsAt: Date.parse(silence.endsAt), updatedAt: Date.parse(silence.updatedAt), createdBy: 'alice', comment: 'migration' }],
    });
  });

  it.each([
    [401, '{"code":401,"message":"the read credentials sent are not valid"}', 'GET https://edgealert.example/api/v1/overrides: 401 Unauthorized: the read credentials sent are not valid (check --token or EDGEALERT_TOKEN)'],
    [403, '{"code":403,"message":"the credentials sent grant silence but not read: use a read or admin token"}', 'GET https://edgealert.example/api/v1/overrides: 403 Forbidden: the credentials sent grant silence but not read: use a read or admin token (the token needs the read scope)'],
    [200, '<html>login</html>', 'GET https://edgealert.example/api/v1/overrides: the answer is not JSON (is https://edgealert.example an edgealert?)'],
    [200, '{"overrides": []}', 'GET https://edgealert.example/api/v1/overrides: unexpected answer (Invalid input: expected array, received object at top level)'],
  ])('turns a %i answer into one sentence', async (status, body, message) => {
    expect(await fetchOverrides(answering(status, body))).toEqual({ ok: false, error: message });
  });

  it('blanks the token out of anything printed, even when a proxy echoes it', async () => {
    const result = await fetchOverrides(answering(403, `<p>denied: Authorization: Bearer ${TOKEN}</p>`));
    expect(result.ok).toBe(false);
    expect(JSON.stringify(result)).not.toContain(TOKEN);
    expect(JSON.stringify(result)).toContain('Bearer <token>');
  });

  it.each([
    [Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } }), 'connection refused (is edgealert running at that address?)'],
    [Object.assign(new TypeError('fetch failed'), { cause: { code: 'ENOTFOUND' } }), 'host not found'],
    [new DOMException('The operation was aborted due to timeout', 'TimeoutError'), 'no answer within 15s'],
  ])('says why a request got no answer', async (error, reason) => {
    expect(await fetchOverrides(failing(error))).toEqual({ ok: false, error: `GET http://127.0.0.1:9/api/v1/overrides: ${reason}` });
  });
});

describe('parseBaseUrl', () => {
  it.each([
    ['https://edgealert.example/', { ok: true, value: 'https://edgealert.example' }],
    ['http://127.0.0.1:8787/alerting//', { ok: true, value: 'http://127.0.0.1:8787/alerting' }],
    ['edgealert.example', { ok: false, error: 'bad --url "edgealert.example": expected an address such as https://edgealert.example.com' }],
    ['ftp://edgealert.example', { ok: false, error: 'bad --url: ftp: is not http: or https:' }],
    ['https://ops:hunter2@edgealert.example', { ok: false, error: 'bad --url: it holds credentials; pass the token with --token or EDGEALERT_TOKEN instead' }],
  ])('%s', (text, expected) => {
    expect(parseBaseUrl(text)).toEqual(expected);
  });
});
