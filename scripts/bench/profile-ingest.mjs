#!/usr/bin/env node
// The pieces of edgealert's ingest path timed one by one in plain Node, on
// the bench's own batches (64 Prometheus-shaped alerts): where a POST's CPU
// time goes. workerd cannot be profiled from here, so this is the map to
// read `npm run bench`'s ingest figures with.
//   node scripts/bench/profile-ingest.mjs
import { cleanUpBuilds, importTs } from './build.mjs';
import { batchBodies, benchConfig, ingestAlerts } from './workload.mjs';

const m = await importTs(`
export { parseAlertBatch } from './src/alert/parse-batch.ts';
export { postableAlertsSchema, normalizeAlert, wellFormedPostableAlerts } from './src/alert/postable.ts';
export { fingerprint } from './src/alert/fingerprint.ts';
export { planDispatch } from './src/route/dispatch-plan.ts';
export { encodeShardBatch, decodeShardBatch } from './src/route/shard-batch.ts';
export { Shard } from './src/group/shard.ts';
export { memoryShardStorage } from './src/group/shard-storage.ts';
export { loadConfig } from './src/config/index.ts';
`);
cleanUpBuilds();

const loaded = m.loadConfig(benchConfig((path) => `http://127.0.0.1:9${path}`), {});
if (!loaded.ok) throw new Error(JSON.stringify(loaded.error));
const config = loaded.value;
const now = Date.now();
const ctx = { now, resolveTimeout: config.global.resolveTimeout };
const batches = batchBodies(ingestAlerts(5000, 200, now - 600_000));
const bodies = batches.map((batch) => batch.body(now));
const json = bodies.map((body) => JSON.parse(body));
const postables = json.map((list) => m.postableAlertsSchema.parse(list));
const alerts = bodies.map((body) => m.parseAlertBatch(body, ctx).value.alerts);
const plans = alerts.map((list) => m.planDispatch(list, config.route, 1, []).get(0));
const encoded = plans.map((items) => m.encodeShardBatch(items));
const storage = m.memoryShardStorage();
const shard = new m.Shard(config, storage, storage.snapshot(), now);
for (const items of plans) shard.ingest(items, now);
// The same alerts re-sent a minute later, endsAt moved on (as the bench's ingest phase sends them).
const resendAt = now + 60_000;
const resends = batches.map((batch) => m.planDispatch(m.parseAlertBatch(batch.body(resendAt), { ...ctx, now: resendAt }).value.alerts, config.route, 1, []).get(0));
let later = resendAt;

const rows = [
  ['JSON.parse', (i) => JSON.parse(bodies[i])],
  ['zod schema (postableAlertsSchema; now only on refusal)', (i) => m.postableAlertsSchema.safeParse(json[i])],
  ['its fast path (wellFormedPostableAlerts)', (i) => m.wellFormedPostableAlerts(json[i])],
  ['normalizeAlert x64 (defaults, checks, fingerprint)', (i) => postables[i].map((p) => m.normalizeAlert(p, ctx))],
  ['  of which fingerprint x64 (re-sent: from memory)', (i) => alerts[i].map((a) => m.fingerprint(a.labels))],
  ['parseAlertBatch (all of the above)', (i) => m.parseAlertBatch(bodies[i], ctx)],
  ['planDispatch (routing; group keys only for shards > 1)', (i) => m.planDispatch(alerts[i], config.route, 1, [])],
  ['encodeShardBatch (the RPC argument, one JSON string)', (i) => m.encodeShardBatch(plans[i])],
  ['structuredClone of it (~ the RPC copy)', (i) => structuredClone(encoded[i])],
  ['decodeShardBatch (in the shard)', (i) => m.decodeShardBatch(encoded[i])],
  ['structuredClone of the items instead (the old RPC argument)', (i) => structuredClone(plans[i])],
  ['Shard.ingest, re-send with endsAt moved on', (i) => shard.ingest(resends[i], (later += 1))],
];
console.log(`edgealert ingest path, per POST of 64 alerts (${bodies[0].length} bytes), median of 7 runs:`);
for (const [label, fn] of rows) console.log(`  ${label.padEnd(62)} ${timePerBatch(fn).toFixed(1).padStart(7)} µs`);

function timePerBatch(fn) {
  const n = bodies.length;
  for (let i = 0; i < n * 3; i++) fn(i % n); // warm up the JIT
  const runs = [];
  for (let r = 0; r < 7; r++) {
    const start = performance.now();
    for (let k = 0; k < 4; k++) for (let i = 0; i < n; i++) fn(i);
    runs.push(((performance.now() - start) * 1000) / (4 * n));
  }
  return runs.sort((a, b) => a - b)[3];
}
