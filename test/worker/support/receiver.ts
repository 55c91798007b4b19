/**
 * The tests' side of the webhook receiver (see webhook-receiver.ts, which
 * runs in Node): what the Worker sent, and scripted answers for the next
 * requests, through the RECEIVER service binding.
 */
import { testEnv } from './edgealert.js';
import type { RecordedRequest, ScriptedAnswer } from './webhook-receiver.js';

export type { RecordedRequest, ScriptedAnswer };

async function call(method: string, path: string, body?: unknown): Promise<Response> {
  const res = await testEnv.RECEIVER.fetch(`http://receiver.control${path}`, {
    method,
    ...(body === undefined ? {} : { body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } }),
  });
  if (!res.ok) throw new Error(`receiver control ${method} ${path}: ${res.status} ${await res.text()}`);
  return res;
}

export const receiver = {
  /** Every request received so far, in arrival order. */
  async requests(): Promise<RecordedRequest[]> {
    return (await call('GET', '/requests')).json();
  },
  /** Answer the next requests with these statuses (and headers, or only for a path), in order; then 200 again. */
  async answerNext(...answers: (number | ScriptedAnswer)[]): Promise<void> {
    await call('POST', '/answers', answers.map((a) => (typeof a === 'number' ? { status: a } : a)));
  },
  /** Lets every held request (`hold: true`) have its answer. */
  async release(): Promise<void> {
    await call('POST', '/release');
  },
  /** Waits (polling) until at least `count` requests have arrived. */
  async waitForRequests(count: number): Promise<void> {
    for (let i = 0; i < 500; i++) {
      if ((await this.requests()).length >= count) return;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    throw new Error(`receiver: fewer than ${count} requests arrived`);
  },
  /** Forgets recorded requests and scripted answers (releasing held requests). */
  async reset(): Promise<void> {
    await call('POST', '/reset');
  },
};
