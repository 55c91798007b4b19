// Notification latency: each alert is its own group on a route with
// group_wait 0s; the time from starting its POST to the capture server
// receiving the webhook that carries it.
import http from 'node:http';
import { iso, VALID_FOR_MS } from './workload.mjs';
import { percentile } from './load.mjs';

/**
 * Sends `count` alerts one POST each, `spacingMs` apart (a new one does not
 * wait for the previous notification), to `peer`, whose latency route posts
 * to `capture` under `path`. Resolves with p50/p99 once every alert was
 * notified, or fails after `timeoutMs`.
 */
export async function runLatency({ peer, capture, path, count = 200, spacingMs = 25, timeoutMs = 20_000, tag, headers = {} }) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 4 });
  const sentAt = new Map();
  const name = (i) => `BenchLatency${tag}${i}`;
  const posts = [];
  try {
    for (let i = 0; i < count; i++) {
      const now = Date.now();
      const body = JSON.stringify([
        {
          labels: { alertname: name(i), bench: 'latency', instance: `node-${i}.example.com:9100` },
          annotations: { summary: 'latency probe' },
          startsAt: iso(now),
          endsAt: iso(now + VALID_FOR_MS),
          generatorURL: 'http://prometheus.example.com:9090/graph',
        },
      ]);
      sentAt.set(name(i), now);
      posts.push(post(agent, `${peer.url}/api/v2/alerts`, body, headers));
      await new Promise((resolve) => setTimeout(resolve, spacingMs));
    }
    const statuses = await Promise.all(posts);
    if (statuses.some((s) => s !== 200)) throw new Error(`${peer.name}: some latency POSTs failed: ${statuses.filter((s) => s !== 200)}`);
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const received = arrivals(capture, path, sentAt);
      if (received.size >= count) {
        const latencies = [...received].map(([alertname, at]) => at - sentAt.get(alertname));
        return { p50: percentile(latencies, 50), p99: percentile(latencies, 99), max: Math.max(...latencies), count: latencies.length };
      }
      if (Date.now() > deadline) throw new Error(`${peer.name}: only ${received.size} of ${count} latency alerts notified within ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  } finally {
    agent.destroy();
  }
}

/**
 * The floor under any notification latency: the same POSTs (one alert each,
 * `spacingMs` apart) to a server that only answers, from start to answer.
 */
export async function runRoundTrip({ url, count = 200, spacingMs = 25, headers = {} }) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 4 });
  const latencies = [];
  try {
    for (let i = 0; i < count; i++) {
      const now = Date.now();
      const body = JSON.stringify([{ labels: { alertname: `BenchRoundTrip${i}`, bench: 'latency' }, startsAt: iso(now), endsAt: iso(now + VALID_FOR_MS) }]);
      const started = performance.now();
      const status = await post(agent, `${url}/api/v2/alerts`, body, headers);
      if (status !== 200) throw new Error(`round trip: POST answered ${status}`);
      latencies.push(performance.now() - started);
      await new Promise((resolve) => setTimeout(resolve, spacingMs));
    }
    return { p50: percentile(latencies, 50), p99: percentile(latencies, 99), max: Math.max(...latencies), count };
  } finally {
    agent.destroy();
  }
}

/** First arrival time of each probe alert on `path`. */
function arrivals(capture, path, sentAt) {
  const first = new Map();
  for (const request of capture.requests) {
    if (request.path !== path || !Array.isArray(request.body?.alerts)) continue;
    for (const alert of request.body.alerts) {
      const alertname = alert.labels?.alertname;
      if (sentAt.has(alertname) && !first.has(alertname)) first.set(alertname, request.receivedAt);
    }
  }
  return first;
}

function post(agent, url, body, headers) {
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method: 'POST', agent, headers: { ...headers, 'content-type': 'application/json' } }, (response) => {
      response.resume();
      response.on('end', () => resolve(response.statusCode ?? 0));
    });
    request.on('error', reject);
    request.end(body);
  });
}
