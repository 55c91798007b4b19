/**
 * Reaching the Worker under test from a test file: its bindings, the config
 * it runs with, its HTTP API and its Dispatcher shard.
 *
 * Per-file config: every test file runs in its own Miniflare and isolate,
 * and the Worker reads `env.EDGEALERT_CONFIG` (a compiled config, preferred
 * over the bundled routes.yaml) from the same `env` object the tests import.
 * `useConfig(yaml)` at the top of a file compiles the YAML as the build
 * compiles routes.yaml and sets it before anything runs, and checks before
 * the file's first test that the Dispatcher Durable Object sees it too.
 */
import { env, exports } from 'cloudflare:workers';
import { runInDurableObject } from 'cloudflare:test';
import { beforeAll } from 'vitest';
import { compileConfigText } from '../../../src/config/compile-config-text.js';
import { formatConfigErrors } from '../../../src/config/config-error.js';

/** Bindings the worker test project adds (vitest.config.ts) besides the Worker's own. */
export interface TestBindings {
  /** Control of the webhook receiver (see receiver.ts). */
  readonly RECEIVER: Fetcher;
  /** A secret, referenced as `${HOOK_URL}` by configs. */
  readonly HOOK_URL: string;
  EDGEALERT_CONFIG?: string;
}

export const testEnv = env as Cloudflare.Env & TestBindings;

/** Where requests to the Worker are addressed (the host is not used for routing). */
export const BASE_URL = 'http://edgealert.test';

/**
 * Makes this test file's Worker and Durable Objects run with `yaml` as
 * routes.yaml. Call at the top of the file. A config the build would refuse
 * fails the file here; `invalid: true` is for one that compiles but must not
 * load in the Worker (a secret's value makes a field invalid: the Dispatcher
 * cannot start to confirm it sees it).
 */
export function useConfig(yaml: string, options: { invalid?: boolean } = {}): void {
  const compiled = compileConfigText(yaml);
  if (!compiled.ok) throw new Error(`useConfig: the config does not compile:\n${formatConfigErrors(compiled.error)}`);
  const json = JSON.stringify(compiled.value);
  testEnv.EDGEALERT_CONFIG = json;
  if (options.invalid) return;
  beforeAll(async () => {
    const seen = await runInDurableObject(shard(), (instance) => (instance as unknown as { env: TestBindings }).env.EDGEALERT_CONFIG);
    if (seen !== json) throw new Error('useConfig: the Dispatcher does not see the config set by this test file');
  });
}

/** The Dispatcher shard `index` (group keys of shard 0 with the default `shards: 1`). */
export function shard(index = 0): DurableObjectStub {
  return testEnv.DISPATCHER.get(testEnv.DISPATCHER.idFromName(`shard-${index}`)) as unknown as DurableObjectStub;
}

/** A request to the Worker's HTTP API. */
export function api(path: string, init?: RequestInit): Promise<Response> {
  return exports.default.fetch(`${BASE_URL}${path}`, init);
}

/** POST /api/v2/alerts with a JSON body (`body` is sent as is when it is a string). */
export function postAlerts(body: unknown, headers: Record<string, string> = { 'Content-Type': 'application/json' }): Promise<Response> {
  return api('/api/v2/alerts', { method: 'POST', headers, body: typeof body === 'string' ? body : JSON.stringify(body) });
}

/** GET a JSON document from the API, failing the test on a non-200 answer. */
export async function getJson<T = unknown>(path: string): Promise<T> {
  const res = await api(path);
  if (res.status !== 200) throw new Error(`GET ${path}: ${res.status} ${await res.text()}`);
  return res.json();
}

/** Tables of the Dispatcher's SQLite storage (src/durable/sql-shard-storage.ts). */
export type ShardTable = 'alerts' | 'groups' | 'nflog' | 'jobs';

/** The rows shard `index` has stored in `table` (what a restart would load), as `{id, doc}`. */
export async function storedRows(table: ShardTable, index = 0): Promise<{ id: string; doc: unknown }[]> {
  return runInDurableObject(shard(index), (_instance, state) =>
    state.storage.sql
      .exec<{ id: string; doc: string }>(`SELECT id, doc FROM ${table} ORDER BY id`)
      .toArray()
      .map((row) => ({ id: row.id, doc: JSON.parse(row.doc) as unknown })),
  );
}
