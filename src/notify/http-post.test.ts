import { describe, expect, it } from 'vitest';
import type { HttpClient } from './integration.js';
import { postJson, withTimeout } from './http-post.js';

/** A receiver that never answers: its request ends only when its signal aborts it. */
const hanging: HttpClient = (_url, init) =>
  new Promise<Response>((_resolve, reject) => {
    init.signal?.addEventListener('abort', () => reject(init.signal?.reason));
  });

const options = { what: 'webhook', http: { followRedirects: true } };

describe('withTimeout', () => {
  it('aborts a request that outlives the time given: a network error, retried while the deadline allows', async () => {
    const outcome = await postJson(withTimeout(hanging, 20), 'http://receiver.test/hook', '{}', options);
    expect(outcome).toMatchObject({ ok: false, retry: true });
  });

  it('leaves an answer that comes in time alone', async () => {
    const answering: HttpClient = async () => new Response('ok', { status: 200 });
    expect(await postJson(withTimeout(answering, 1000), 'http://receiver.test/hook', '{}', options)).toEqual({ ok: true });
  });
});
