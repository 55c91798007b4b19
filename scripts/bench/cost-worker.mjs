// The cost model's Durable Object, run in workerd by Miniflare (scripts/bench/cost.mjs).
// It drives the real shard (src/group/shard.ts) on the real SQLite storage
// (src/durable/sql-shard-storage.ts) with a fake clock: Prometheus' pushes
// minute by minute, the Dispatcher's alarm as src/durable/dispatcher.ts arms
// it, and the Worker's counter batching (src/api/worker-counters.ts) with
// Date.now() pinned to the fake clock. Rows read and written are workerd's
// own billing counters (cursor.rowsRead / rowsWritten) of every statement.
import { DurableObject } from 'cloudflare:workers';
import { parseAlertBatch } from '../../src/alert/parse-batch.ts';
import { countReceived } from '../../src/api/worker-counters.ts';
import { loadConfig } from '../../src/config/index.ts';
import { SqlDocs } from '../../src/durable/sql-docs.ts';
import { SqlShardStorage } from '../../src/durable/sql-shard-storage.ts';
import { Shard } from '../../src/group/shard.ts';
import { planDispatch } from '../../src/route/dispatch-plan.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

export class CostModel extends DurableObject {
  /** Runs the model (see cost.mjs for the parameters) and returns the counts. */
  async simulate(params) {
    const realNow = Date.now;
    try {
      return await new Simulation(this.ctx.storage.sql, params).run((now) => (Date.now = () => now()));
    } finally {
      Date.now = realNow;
    }
  }
}

export default {
  async fetch(request, env) {
    try {
      const result = await env.COST.get(env.COST.idFromName('cost-model')).simulate(await request.json());
      return Response.json(result);
    } catch (error) {
      return new Response(String(error?.stack ?? error), { status: 500 });
    }
  },
};

class Simulation {
  constructor(sql, params) {
    this.p = params;
    const loaded = loadConfig(params.configYaml, {});
    if (!loaded.ok) throw new Error(`cost model config: ${JSON.stringify(loaded.error)}`);
    this.config = loaded.value;
    this.now = params.t0;
    // Every statement's cursor, tagged with the storage call that ran it.
    this.op = 'other';
    this.cursors = [];
    const tagged = (op) => (query, ...bindings) => {
      const cursor = sql.exec(query, ...bindings);
      this.cursors.push({ op: this.op === 'other' ? op : this.op, cursor });
      return cursor;
    };
    this.sql = { exec: tagged('other') };
    this.storage = countingStorage(new SqlShardStorage(this.sql), this);
    this.counts = newCounts();
    this.calls = {};
    this.armedAt = null;
    this.metricsAlarmAt = null;
    this.posts = 0;
    // The Metrics object's table, as src/durable/metrics.ts keeps it.
    this.metricsDocs = new SqlDocs(this.sql, ['counters']);
  }

  /** Rows read and written by the statements run since the last call, by storage call. */
  drainRows() {
    const byOp = {};
    for (const { op, cursor } of this.cursors) {
      const entry = (byOp[op] ??= { read: 0, written: 0 });
      entry.read += cursor.rowsRead;
      entry.written += cursor.rowsWritten;
    }
    this.cursors = [];
    return byOp;
  }

  addRows(byOp) {
    for (const [op, { read, written }] of Object.entries(byOp)) {
      this.counts.rowsRead += read;
      this.counts.rowsWritten += written;
      const entry = (this.counts.rowsByOp[op] ??= { read: 0, written: 0 });
      entry.read += read;
      entry.written += written;
    }
  }

  async run(pinDateNow) {
    const { p } = this;
    pinDateNow(() => this.now);
    this.shard = new Shard(this.config, this.storage, this.storage.load(), this.now, null);
    this.drainRows();
    const prometheus = new Prometheus(p);
    const end = p.t0 + (p.warmupHours + p.measuredHours) * HOUR;
    const measureFrom = p.t0 + p.warmupHours * HOUR;
    let measuring = false;
    let warmup;
    const pushEvery = MINUTE / p.postsPerMinute;
    for (let t = p.t0; t < end; t += pushEvery) {
      await this.advanceTo(t);
      if (!measuring && t >= measureFrom) {
        measuring = true;
        this.addRows(this.drainRows());
        warmup = this.counts;
        this.counts = newCounts();
      }
      prometheus.churnUntil(t);
      const slot = Math.round((t - p.t0) / pushEvery) % p.postsPerMinute;
      if (slot === 0) prometheus.evaluate(t);
      for (const batch of prometheus.batchesForSlot(slot, p.postsPerMinute)) this.post(batch, t);
    }
    await this.advanceTo(end);
    this.addRows(this.drainRows());
    // A cold start (deploy, eviction) reads everything back.
    this.op = 'load (cold start)';
    const snapshot = this.storage.load();
    this.op = 'other';
    const coldStart = this.drainRows()['load (cold start)'] ?? { read: 0, written: 0 };
    return {
      warmup,
      measured: this.counts,
      coldStartRowsRead: coldStart.read,
      stored: { alerts: snapshot.alerts.length, groups: snapshot.groups.length, nflog: snapshot.nflog.size },
      calls: this.calls,
      firingAtEnd: prometheus.firing.size,
    };
  }

  /** One Prometheus POST: the Worker's work, then one RPC per shard touched. */
  post({ body, pureResend, resolvedResends }, t) {
    this.now = t;
    this.counts.workerRequests++;
    this.counts.resolvedResends += resolvedResends;
    // Each POST starts a trace, as src/api/request-log.ts does for a request without traceparent.
    const traceId = (++this.posts).toString(16).padStart(32, '0');
    const parsed = parseAlertBatch(body, { now: t, resolveTimeout: this.config.global.resolveTimeout, traceId });
    if (!parsed.ok || parsed.value.invalid.length > 0) throw new Error(`cost model: a push was refused: ${JSON.stringify(parsed)}`);
    countReceived(this.workerContext(), parsed.value.alerts, 0, t);
    const sources = this.config.inhibitRules.map((rule) => rule.sourceMatchers);
    const plan = planDispatch(parsed.value.alerts, this.config.route, this.config.shards, sources);
    for (const items of plan.values()) {
      this.counts.doRequests.ingest++;
      this.addRows(this.drainRows());
      this.shard.ingest(structuredClone(items), t);
      const rows = this.drainRows();
      this.addRows(rows);
      if (pureResend) {
        this.counts.resend.batches++;
        this.counts.resend.alerts += items.length;
        for (const [op, { written }] of Object.entries(rows)) {
          if (op === 'putCheckpoint' || op === 'deleteCheckpoint') this.counts.resend.checkpointRows += written;
          else this.counts.resend.otherRows += written;
        }
      }
      this.arm();
    }
  }

  /** The Hono context worker-counters.ts needs: waitUntil and the Metrics binding. */
  workerContext() {
    const sim = this;
    return {
      executionCtx: { waitUntil: (promise) => void promise },
      env: {
        METRICS: {
          idFromName: () => 'metrics',
          get: () => ({
            async add() {
              sim.counts.doRequests.metrics++;
              // Metrics.add: arms a save alarm a minute out when none is set.
              if (sim.metricsAlarmAt === null) {
                sim.metricsAlarmAt = sim.now + 60_000;
                sim.alarmWrite('setAlarm (Metrics)');
              }
            },
          }),
        },
      },
    };
  }

  /** Dispatcher.arm(): one alarm at the shard's next due time. */
  arm() {
    const due = this.shard.nextDueAt();
    if (due === undefined) {
      if (this.armedAt !== null) this.alarmWrite('deleteAlarm (assumed 1 row)');
      this.armedAt = null;
    } else if (this.armedAt === null || due < this.armedAt) {
      this.armedAt = due;
      this.alarmWrite('setAlarm');
    }
  }

  /** Cloudflare bills each setAlarm() as one row written. */
  alarmWrite(op) {
    this.addRows({ [op]: { read: 0, written: 1 } });
  }

  /** Fires every alarm due up to `t` (the Dispatcher's and the Metrics object's), in time order. */
  async advanceTo(t) {
    for (;;) {
      const next = Math.min(this.armedAt ?? Infinity, this.metricsAlarmAt ?? Infinity);
      if (next > t) break;
      this.now = Math.max(this.now, next);
      if (next === this.metricsAlarmAt) {
        // Metrics.alarm(): saves the counters as one row.
        this.counts.doRequests.metricsAlarms++;
        this.metricsAlarmAt = null;
        this.op = 'Metrics save';
        this.metricsDocs.put('counters', 'worker', { n: this.now });
        this.op = 'other';
        continue;
      }
      this.counts.doRequests.dispatcherAlarms++;
      this.armedAt = null;
      await this.shard.runDue(this.host());
      this.arm();
    }
    this.now = Math.max(this.now, t);
  }

  host() {
    return {
      clock: () => this.now,
      random: () => 0.5,
      notify: {
        externalURL: 'http://edgealert.example.com',
        http: async () => {
          this.counts.notifications++;
          return new Response('ok', { status: 200 });
        },
      },
    };
  }
}

function newCounts() {
  return {
    workerRequests: 0,
    doRequests: { ingest: 0, dispatcherAlarms: 0, metrics: 0, metricsAlarms: 0 },
    rowsRead: 0,
    rowsWritten: 0,
    rowsByOp: {},
    notifications: 0,
    resend: { batches: 0, alerts: 0, otherRows: 0, checkpointRows: 0 },
    resolvedResends: 0,
  };
}

/** Wraps every ShardStorage call to tag its statements and count calls. */
function countingStorage(storage, sim) {
  return new Proxy(storage, {
    get(target, name) {
      const value = target[name];
      if (typeof value !== 'function') return value;
      return (...args) => {
        const op = name === 'load' ? sim.op : String(name);
        sim.calls[op] = (sim.calls[op] ?? 0) + 1;
        const outer = sim.op;
        if (outer === 'other') sim.op = op;
        try {
          return value.apply(target, args);
        } finally {
          sim.op = outer;
        }
      };
    },
  });
}

/**
 * Prometheus with `firing` alerts: evaluation every minute, each firing alert
 * sent with endsAt = evaluation + 4m, each resolved one sent with its end for
 * 15 minutes, batches of 64 spread evenly over the minute; churn resolves one
 * alert and starts a new one at an even pace (churnPerHour of each).
 */
class Prometheus {
  constructor(p) {
    this.p = p;
    this.nextId = 0;
    this.firing = new Map();
    this.resolved = new Map();
    this.everSent = new Set();
    for (let i = 0; i < p.firing; i++) this.start(p.t0 - 10 * MINUTE);
    this.churnEvery = p.churnPerHour > 0 ? HOUR / p.churnPerHour : Infinity;
    this.nextChurnAt = p.t0 + this.churnEvery / 2;
    this.batches = [];
  }

  start(activeAt) {
    const id = this.nextId++;
    this.firing.set(id, { id, activeAt });
  }

  churnUntil(t) {
    while (this.nextChurnAt <= t) {
      const oldest = this.firing.keys().next().value;
      const alert = this.firing.get(oldest);
      this.firing.delete(oldest);
      this.resolved.set(oldest, { ...alert, resolvedAt: this.nextChurnAt, fresh: true });
      this.start(this.nextChurnAt);
      this.nextChurnAt += this.churnEvery;
    }
  }

  /** One rule evaluation at `t`: what is sent this minute, cut into batches of 64. */
  evaluate(t) {
    for (const [id, alert] of this.resolved) if (alert.resolvedAt + 15 * MINUTE <= t) this.resolved.delete(id);
    const sent = [];
    for (const alert of this.firing.values()) sent.push({ alert, endsAt: t + 4 * MINUTE, kind: this.everSent.has(alert.id) ? 'resend' : 'new' });
    for (const alert of this.resolved.values()) {
      sent.push({ alert, endsAt: alert.resolvedAt, kind: alert.fresh ? 'resolving' : 'resend-resolved' });
      alert.fresh = false;
    }
    for (const { alert } of sent) this.everSent.add(alert.id);
    this.batches = [];
    for (let i = 0; i < sent.length; i += this.p.batchSize) {
      const slice = sent.slice(i, i + this.p.batchSize);
      this.batches.push({
        body: JSON.stringify(slice.map(({ alert, endsAt }) => postable(alert, endsAt, this.p.groups))),
        // Only firing alerts re-sent unchanged (endsAt moved on): what the zero-rows target is about.
        pureResend: slice.every((s) => s.kind === 'resend'),
        resolvedResends: slice.filter((s) => s.kind === 'resend-resolved').length,
      });
    }
  }

  /** The batches POSTed in slot `slot` of `slots` per minute (spread evenly). */
  batchesForSlot(slot, slots) {
    return this.batches.filter((_, i) => i % slots === slot);
  }
}

function postable(alert, endsAt, groups) {
  const group = alert.id % groups;
  return {
    labels: { alertname: `CostModel${group}`, instance: `node-${alert.id}.example.com:9100`, job: 'node', severity: 'warning' },
    annotations: { summary: `node-${alert.id} is over its threshold`, description: 'Something has been wrong for 5 minutes.' },
    startsAt: new Date(alert.activeAt).toISOString(),
    endsAt: new Date(endsAt).toISOString(),
    generatorURL: `http://prometheus.example.com:9090/graph?g0.expr=up&i=${alert.id}`,
  };
}
