// What the bench sends: alerts shaped like Prometheus' (labels, annotations,
// a fixed startsAt, endsAt = evaluation time + 4 x the 1m resend delay,
// generatorURL), and the config both edgealert and Alertmanager run.

/** Prometheus sends at most this many alerts per POST. */
export const BATCH = 64;
/** Prometheus' endsAt on a firing alert: 4 x max(resend delay 1m, evaluation interval). */
export const VALID_FOR_MS = 4 * 60_000;

/**
 * One config for every phase: ingest alerts (bench="ingest") wait an hour
 * before any notification, so the ingest phases measure ingest alone;
 * latency alerts (bench="latency") notify at once (group_wait 0s).
 */
export function benchConfig(hookUrl) {
  return `
route:
  receiver: sink
  group_by: [alertname]
  group_wait: 1h
  group_interval: 1h
  repeat_interval: 4h
  routes:
    - matchers: [bench="latency"]
      receiver: latency
      group_wait: 0s
      group_interval: 1m
receivers:
  - name: sink
    webhook_configs:
      - url: ${hookUrl('/sink')}
  - name: latency
    webhook_configs:
      - url: ${hookUrl('/latency')}
`;
}

/** `count` distinct ingest alerts over `groups` groups (one alertname per group). */
export function ingestAlerts(count, groups, startsAt) {
  return Array.from({ length: count }, (_, i) => {
    const group = i % groups;
    return {
      labels: {
        alertname: `BenchIngest${group}`,
        bench: 'ingest',
        instance: `node-${i}.example.com:9100`,
        job: 'node',
        severity: i % 10 === 0 ? 'critical' : 'warning',
      },
      annotations: {
        summary: `Instance node-${i} is over its threshold`,
        description: `node-${i}.example.com:9100 of job node has been over 90% for 5 minutes.`,
      },
      startsAt,
      generatorURL: `http://prometheus.example.com:9090/graph?g0.expr=up&g0.tab=1&i=${i}`,
    };
  });
}

/**
 * Request bodies for `alerts` in batches of 64, as functions of the send time
 * (endsAt moves on with every re-send, as Prometheus' does). The JSON is
 * prepared once; a body costs one string join to make.
 */
export function batchBodies(alerts, size = BATCH) {
  const parts = alerts.map(({ startsAt, ...rest }) => {
    const json = JSON.stringify({ ...rest, startsAt: iso(startsAt), endsAt: '@@ENDS@@' });
    const [head, tail] = json.split('"@@ENDS@@"');
    return { head, tail };
  });
  const batches = [];
  for (let i = 0; i < parts.length; i += size) {
    const slice = parts.slice(i, i + size);
    batches.push({
      count: slice.length,
      body: (nowMs) => {
        const ends = JSON.stringify(iso(Math.floor(nowMs / 1000) * 1000 + VALID_FOR_MS));
        return `[${slice.map((p) => p.head + ends + p.tail).join(',')}]`;
      },
    });
  }
  return batches;
}

export function iso(ms) {
  return new Date(ms).toISOString();
}
