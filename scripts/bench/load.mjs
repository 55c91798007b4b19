// The ingest load generator: Node's http client only, one keep-alive agent
// with 8 sockets and 8 senders each keeping one request in flight, cycling
// through the batches. Latency is request start to the end of the response.
import { readFileSync } from 'node:fs';
import http from 'node:http';

/** POSTs one body; resolves with the status once the response has ended. */
function post(agent, url, body, headers) {
  return new Promise((resolve, reject) => {
    const request = http.request(
      url,
      {
        method: 'POST',
        agent,
        headers: { ...headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      },
      (response) => {
        response.resume();
        response.on('end', () => resolve(response.statusCode ?? 0));
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

/**
 * Sends every batch once (not measured: creates the alerts and warms the
 * target up), then cycles through them for `durationMs` with `connections`
 * requests in flight. Returns alerts/s and request latency percentiles.
 * `headers` go with every request (the ingest token).
 */
export async function runIngest({ url, batches, durationMs, connections = 8, headers = {} }) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const target = `${url}/api/v2/alerts`;
  try {
    let next = 0;
    const take = () => batches[next++ % batches.length];
    // Warm-up: one pass over all alerts, same concurrency.
    await Promise.all(
      Array.from({ length: connections }, async () => {
        while (next < batches.length) {
          const batch = take();
          const status = await post(agent, target, batch.body(Date.now()), headers);
          if (status !== 200) throw new Error(`${target} answered ${status} during warm-up`);
        }
      }),
    );
    const latencies = [];
    let alerts = 0;
    let failed = 0;
    const cpuBefore = { machine: machineCpuSeconds(), self: process.cpuUsage() };
    const start = performance.now();
    const end = start + durationMs;
    await Promise.all(
      Array.from({ length: connections }, async () => {
        while (performance.now() < end) {
          const batch = take();
          const body = batch.body(Date.now());
          const sent = performance.now();
          const status = await post(agent, target, body, headers);
          latencies.push(performance.now() - sent);
          if (status === 200) alerts += batch.count;
          else failed++;
        }
      }),
    );
    const elapsed = (performance.now() - start) / 1000;
    const self = process.cpuUsage(cpuBefore.self);
    const machine = machineCpuSeconds();
    // Cores busy during the window other than the load generator: the target (and anything else running).
    const targetCores =
      machine === undefined || cpuBefore.machine === undefined
        ? undefined
        : (machine - cpuBefore.machine - (self.user + self.system) / 1e6) / elapsed;
    return {
      alertsPerSecond: alerts / elapsed,
      targetCores,
      requests: latencies.length,
      failed,
      p50: percentile(latencies, 50),
      p99: percentile(latencies, 99),
    };
  } finally {
    agent.destroy();
  }
}

export function percentile(values, p) {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** CPU seconds the whole machine has spent busy (Linux /proc/stat), or undefined elsewhere. */
function machineCpuSeconds() {
  try {
    const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
    const [user, nice, system, , , irq, softirq, steal] = fields;
    return (user + nice + system + irq + softirq + steal) / 100; // USER_HZ
  } catch {
    return undefined;
  }
}
