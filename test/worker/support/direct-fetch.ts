/**
 * Requests straight to the Worker's fetch handler with the project's
 * bindings, for tests making hundreds of requests: in
 * @cloudflare/vitest-pool-workers 0.15.1 each call through
 * `exports.default.fetch` costs more than the one before within a file.
 */
import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test';
import { createWorker } from '../../../src/api/worker.js';
import { BASE_URL, testEnv } from './edgealert.js';

const worker = createWorker();

/** One request, its background work (waitUntil) settled before it returns. */
export async function directRequest(path: string, init?: RequestInit): Promise<Response> {
  const ctx = createExecutionContext();
  const res = await worker.fetch(new Request(`${BASE_URL}${path}`, init), testEnv, ctx);
  const body = await res.text();
  await waitOnExecutionContext(ctx);
  return new Response(body, res);
}
