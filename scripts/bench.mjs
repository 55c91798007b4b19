#!/usr/bin/env node
// npm run bench: edgealert's performance and cost in one table (issue #12).
//   npm run bench [-- --duration SECONDS] [--json FILE]
// Starts what it needs locally (edgealert under `npm start`, a bare Worker
// under the same wrangler dev, the real Alertmanager 0.25 when
// /usr/bin/prometheus-alertmanager is installed, a webhook capture server),
// measures, stops them, and prints the table with targets and PASS/MISS.
//
// - Ingest: POST /api/v2/alerts, batches of 64 Prometheus-shaped alerts,
//   8 keep-alive connections, 5,000 distinct alerts over 200 groups; one
//   unmeasured pass creates them, then `--duration` seconds (default 10) of
//   re-sends are measured, against each target in turn. edgealert checks an
//   ingest token (INGEST_TOKEN) on every request, as a deployment does.
// - Notification latency: 200 alerts, each its own group on a route with
//   group_wait 0s, one POST each 25 ms apart; POST start to webhook arrival.
// - Cost model: scripts/bench/cost.mjs (1,000 firing alerts re-sent every
//   minute, 5%/hour churn, simulated hours with a fake clock).
// - Bundle: gzip size of `wrangler deploy --dry-run --outdir`.
import { writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { ROOT, cleanUpBuilds } from './bench/build.mjs';

const { values: args } = parseArgs({
  options: { duration: { type: 'string', default: '10' }, json: { type: 'string' } },
});
const durationMs = Number(args.duration) * 1000;
const began = Date.now();
const loadAtStart = loadavg()[0];
const log = (message) => console.error(`[bench ${((Date.now() - began) / 1000).toFixed(1).padStart(5)} s] ${message}`);

// src/generated/ is not in git: make it as every wrangler build does.
execFileSync(process.execPath, [join(ROOT, 'scripts/bundle-config.mjs')], { cwd: ROOT, stdio: 'inherit' });

const { startEdgealert, startAlertmanager, startBareWorker, startCaptureServer, alertmanagerAvailable, ALERTMANAGER_BIN } = await import(
  './bench/servers.mjs'
);
const { benchConfig, ingestAlerts, batchBodies } = await import('./bench/workload.mjs');
const { runIngest } = await import('./bench/load.mjs');
const { runLatency, runRoundTrip } = await import('./bench/latency.mjs');
const { runCostModel, PRICES, FREE_DAILY, COST_MODEL } = await import('./bench/cost.mjs');
const { measureBundle } = await import('./bench/bundle-size.mjs');

const results = { date: new Date().toISOString(), machine: machine(), durationMs };
// Ingest authentication on, as deployed: edgealert checks this bearer token on every push
// (Alertmanager and the bare Worker ignore the header).
const token = randomBytes(16).toString('hex');
const headers = { authorization: `Bearer ${token}` };
const stops = [];
try {
  const haveAlertmanager = await alertmanagerAvailable();
  const captures = { edgealert: await startCaptureServer(), alertmanager: await startCaptureServer() };
  stops.push(() => captures.edgealert.close(), () => captures.alertmanager.close());
  log(`starting edgealert, the bare Worker${haveAlertmanager ? ' and Alertmanager' : ''}; meanwhile the cost model and the bundle`);
  const started = (promise, name) =>
    promise.then((peer) => {
      stops.push(() => peer.stop());
      log(`${name} ready at ${peer.url}`);
      return peer;
    });
  // allSettled: a start that fails must not leave the others running unstopped.
  const settled = await Promise.allSettled([
    started(startEdgealert(benchConfig((path) => captures.edgealert.url(path)), token, { LOG_LEVEL: 'warn' }), 'edgealert'),
    started(startEdgealert(benchConfig((path) => captures.edgealert.url(path)), token), 'edgealert (default LOG_LEVEL)'),
    started(startBareWorker(), 'bare Worker'),
    haveAlertmanager ? started(startAlertmanager(benchConfig((path) => captures.alertmanager.url(path))), 'Alertmanager') : undefined,
    runCostModel().then((r) => (log(`cost model done (${(r.elapsedMs / 1000).toFixed(1)} s)`), r)),
    measureBundle(),
  ]);
  const failed = settled.find((outcome) => outcome.status === 'rejected');
  if (failed) throw failed.reason;
  const [edgealert, edgealertLogging, bare, alertmanager, cost, bundle] = settled.map((outcome) => outcome.value);
  Object.assign(results, { cost, bundle });

  const batches = batchBodies(ingestAlerts(5_000, 200, Date.now() - 10 * 60_000));
  results.ingest = {};
  const targets = [['bare', bare], ['edgealert', edgealert], ['alertmanager', alertmanager], ['edgealertLogging', edgealertLogging]];
  for (const [name, peer] of targets) {
    if (!peer) continue;
    log(`ingest: ${name}, ${durationMs / 1000} s`);
    results.ingest[name] = await runIngest({ url: peer.url, batches, durationMs, headers });
  }
  results.latency = {};
  for (const [name, peer] of [['alertmanager', alertmanager], ['edgealert', edgealert]]) {
    if (!peer) continue;
    log(`notification latency: ${peer.name}`);
    results.latency[name] = await runLatency({ peer, capture: captures[name], path: '/latency', tag: name, headers });
  }
  log('round trip of the bare Worker (the floor under any notification latency)');
  results.latency.bareRoundTrip = await runRoundTrip({ url: bare.url, headers });
} finally {
  log('stopping');
  await Promise.allSettled(stops.reverse().map((stop) => stop()));
  cleanUpBuilds();
}
results.elapsedMs = Date.now() - began;
results.loadAverage = { start: loadAtStart, end: loadavg()[0] };
if (args.json) writeFileSync(args.json, `${JSON.stringify(results, null, 2)}\n`);
console.log(report(results));

function machine() {
  const cores = cpus();
  return `${cores.length} cores (${cores[0]?.model.trim() ?? 'unknown CPU'}), Node ${process.version}`;
}

function report(r) {
  const rows = [];
  const add = (measure, value, target = '', result = '') => rows.push([measure, value, target, result]);
  const verdict = (ok) => (ok ? 'PASS' : 'MISS');
  const ms = (n) => `${n < 10 ? n.toFixed(1) : Math.round(n)} ms`;
  const num = (n) => Math.round(n).toLocaleString('en-US');
  const cores = (x) => (x.targetCores === undefined ? '' : `, ~${x.targetCores.toFixed(1)} cores busy`);
  const ingestLine = (x) => `${num(x.alertsPerSecond)} alerts/s, p50 ${ms(x.p50)}, p99 ${ms(x.p99)}${cores(x)}${x.failed ? `, ${x.failed} failed` : ''}`;

  const { bare, edgealert, alertmanager, edgealertLogging } = r.ingest;
  add('**Ingest** (POST /api/v2/alerts, 64/batch, 8 conns, 5,000 alerts / 200 groups)', '', '', '');
  add('edgealert (`npm start`, LOG_LEVEL=warn)', ingestLine(edgealert));
  add('edgealert (`npm start` defaults: LOG_LEVEL=info, answered pushes log at debug)', ingestLine(edgealertLogging));
  add('bare Worker, same runtime (ceiling)', ingestLine(bare));
  if (alertmanager) add('Alertmanager 0.25', ingestLine(alertmanager));
  else add('Alertmanager 0.25', `not installed (${ALERTMANAGER_BIN})`);
  if (alertmanager) {
    const ratio = edgealert.alertsPerSecond / alertmanager.alertsPerSecond;
    add('edgealert / Alertmanager', `${ratio.toFixed(2)}x`, '>= 1.0x', verdict(ratio >= 1));
  }
  const ceiling = edgealert.alertsPerSecond / bare.alertsPerSecond;
  add('edgealert / bare Worker', `${ceiling.toFixed(2)}x`, '>= 0.9x', verdict(ceiling >= 0.9));

  add('**Notification latency** (POST to webhook, group_wait 0s, 200 alerts)', '', '', '');
  const la = r.latency.alertmanager;
  const le = r.latency.edgealert;
  add('edgealert', `p50 ${ms(le.p50)}, p99 ${ms(le.p99)}`);
  if (la) {
    add('Alertmanager 0.25', `p50 ${ms(la.p50)}, p99 ${ms(la.p99)}`);
    add('edgealert p99 vs Alertmanager p99', `${ms(le.p99)} vs ${ms(la.p99)}`, "<= Alertmanager's", verdict(le.p99 <= la.p99));
  }
  const floor = r.latency.bareRoundTrip;
  add('bare Worker, same runtime: POST to its answer (the floor)', `p50 ${ms(floor.p50)}, p99 ${ms(floor.p99)}`);

  const c = r.cost;
  add(`**Cost model** (${num(COST_MODEL.firing)} firing alerts re-sent every minute, ${COST_MODEL.churnPerHour}/h resolve and start)`, 'per hour / per day', 'Free plan per day', '');
  const usage = [
    ['Worker requests', 'workerRequests'],
    ['Durable Object requests', 'doRequests'],
    ['DO rows written', 'rowsWritten'],
    ['DO rows read', 'rowsRead'],
    ['KV reads', 'kvReads'],
    ['KV writes', 'kvWrites'],
  ];
  for (const [label, key] of usage) {
    const free = FREE_DAILY[key];
    add(label, `${num(c.perHour[key])} / ${num(c.perDay[key])}`, free ? `${num(free)} (${(100 * c.freeShare[key]).toFixed(1)}% used)` : '');
  }
  const resendRows = c.resend.rowsPerResend;
  add(
    'DO rows written by an unchanged re-send',
    `${resendRows.toFixed(resendRows === 0 ? 0 : 4)} (+ ${c.resend.checkpointRowsPerResend.toFixed(5)} amortised endsAt checkpoint)`,
    '0',
    verdict(resendRows === 0),
  );
  const [worstKey, worstShare] = c.worstFree;
  add('Free plan daily limits, largest share', `${(100 * worstShare).toFixed(1)}% (${worstKey})`, '<= 100%', verdict(worstShare <= 1));
  add(
    'Usage per month (30 days) at list prices, before the included usage',
    `$${c.listPrice.toFixed(2)} (Workers $${c.cost.workerRequests.toFixed(2)}, DO requests $${c.cost.doRequests.toFixed(2)}, rows written $${c.cost.rowsWritten.toFixed(2)})`,
  );
  add('Paid usage above the $5 base fee (after its included usage)', `$${c.aboveBase.toFixed(2)}`, '<= $0.10', verdict(c.aboveBase <= 0.1));

  add('**Bundle** (`wrangler deploy --dry-run --outdir`)', '', '', '');
  const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;
  add('Worker gzip size, as deployed (minify = true)', `${kib(r.bundle.gzip)} (${kib(r.bundle.raw)} raw)`, '<= 150 KiB', verdict(r.bundle.gzip <= 150 * 1024));

  const table = [
    '| measure | value | target | result |',
    '| --- | --- | --- | --- |',
    ...rows.map((row) => `| ${row.join(' | ')} |`),
  ].join('\n');
  const bd = c.breakdown;
  const notes = [
    '',
    `${r.date.slice(0, 10)}, ${r.machine}; load average ${r.loadAverage.start.toFixed(2)} at start, ${r.loadAverage.end.toFixed(2)} at end; whole run ${(r.elapsedMs / 1000).toFixed(0)} s.`,
    '',
    'Ingest: each target in turn on the same 2 cores as the load generator; one unmeasured pass creates the 5,000 alerts, then',
    `${r.durationMs / 1000} s of re-sends (endsAt moving on) are measured. edgealert checks an ingest token (INGEST_TOKEN) on every push; the ratios`,
    "use it at LOG_LEVEL=warn, which like Alertmanager's default logs nothing per request. Both Workers run with WRANGLER_LOG=warn.",
    '"cores busy": CPU the machine spent during the window besides the load generator, i.e. the target (and anything else running).',
    '',
    'Cost model assumptions: Alertmanager-default timers (group_wait 30s, group_interval 5m, repeat_interval 4h), group_by [alertname],',
    `${COST_MODEL.groups} groups, one webhook receiver, one shard. Prometheus evaluates every minute and sends firing alerts with endsAt = now + 4m`,
    `and resolved ones for 15 minutes, in ${COST_MODEL.postsPerMinute} POSTs of up to 64 spread over the minute: one Worker request each, one Durable Object`,
    'request per shard touched. The real shard (src/group/shard.ts) runs on the real SQLite storage in workerd with a fake clock; rows are',
    `workerd's own counters; each setAlarm() is billed as one row written. Per hour = average of ${COST_MODEL.measuredHours} simulated hours (one repeat_interval) after`,
    `${COST_MODEL.warmupHours} hour of warm-up; plus ${c.crons} cron invocations/h from wrangler.toml (each a Worker request and one DO call), and one cold`,
    `start an hour reading every row (${num(c.coldStartRowsRead)} rows). No scrapes, reads of the API, silences or heartbeats; no KV on this path (KV is`,
    `only used for upstream Alertmanager webhooks). DO duration (GB-s) is not in the price list and not modelled. Prices: Workers $${PRICES.workerRequests * 1e6}/M,`,
    `DO requests $${PRICES.doRequests * 1e6}/M, rows written $${PRICES.rowsWritten * 1e6}/M, read $${PRICES.rowsRead * 1e6}/M, KV reads $${PRICES.kvReads * 1e6}/M, writes $${PRICES.kvWrites * 1e6}/M (DESIGN.md).`,
    '',
    `DO requests per hour: ${Object.entries(bd.doRequestsPerHour).map(([k, v]) => `${k} ${num(v)}`).join(', ')}.`,
    `DO rows written per hour: ${Object.entries(bd.rowsWrittenPerHour)
      .sort((a, b) => b[1] - a[1])
      .map(([k, v]) => `${k} ${num(v)}`)
      .join(', ')}; ${num(bd.notificationsPerHour)} notifications/h.`,
  ];
  return `${table}\n${notes.join('\n')}`;
}
