/**
 * A real Prometheus (Debian's `prometheus` package) scraping one target:
 * listening on 127.0.0.1 with its own temporary storage, removed on stop,
 * and its HTTP query API.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './free-port.js';
import { isExecutable, startPeerProcess, type RunningPeer } from './peer-process.js';

/** Where Debian installs the binary; override with PROMETHEUS_BIN. */
export const PROMETHEUS_BIN = process.env.PROMETHEUS_BIN ?? '/usr/bin/prometheus';

/** True when the Prometheus binary is installed and executable (tests skip otherwise). */
export function prometheusAvailable(): Promise<boolean> {
  return isExecutable(PROMETHEUS_BIN);
}

/** What to scrape: `target` is host:port, `bearerToken` goes in the Authorization header. */
export interface ScrapeTarget {
  readonly job: string;
  readonly target: string;
  readonly bearerToken?: string;
  /** How often, e.g. `1s`. */
  readonly interval: string;
}

/** Starts Prometheus scraping `scrape` and resolves once GET /-/ready answers 200. */
export async function startPrometheus(scrape: ScrapeTarget): Promise<RunningPeer> {
  const tempDir = await mkdtemp(join(tmpdir(), 'edgealert-prometheus-'));
  const configFile = join(tempDir, 'prometheus.yml');
  const auth = scrape.bearerToken === undefined ? '' : `\n    authorization: { credentials: '${scrape.bearerToken}' }`;
  await writeFile(
    configFile,
    `global:
  scrape_interval: ${scrape.interval}
  scrape_timeout: ${scrape.interval}
scrape_configs:
  - job_name: ${scrape.job}${auth}
    static_configs: [{ targets: ['${scrape.target}'] }]
`,
  );
  const port = await freePort();
  return startPeerProcess({
    name: 'prometheus',
    command: PROMETHEUS_BIN,
    args: [
      `--config.file=${configFile}`,
      `--storage.tsdb.path=${join(tempDir, 'data')}`,
      `--web.listen-address=127.0.0.1:${port}`,
      '--log.level=warn',
    ],
    url: `http://127.0.0.1:${port}`,
    tempDir,
    readyTimeoutMs: 30_000,
    processGroup: false,
  });
}

/** One series of an instant query's answer. */
export interface Sample {
  readonly metric: Readonly<Record<string, string>>;
  readonly value: number;
}

/** Evaluates `query` now through GET /api/v1/query; throws with Prometheus' error when it fails. */
export async function instantQuery(prometheus: RunningPeer, query: string): Promise<Sample[]> {
  const response = await fetch(`${prometheus.url}/api/v1/query?${new URLSearchParams({ query })}`);
  const body = (await response.json()) as {
    status: string;
    error?: string;
    data?: { resultType: string; result: { metric: Record<string, string>; value: [number, string] }[] | [number, string] };
  };
  if (body.status !== 'success' || !body.data) throw new Error(`query ${query}: ${body.error ?? response.status}`);
  const { resultType, result } = body.data;
  if (resultType === 'scalar') return [{ metric: {}, value: Number((result as [number, string])[1]) }];
  return (result as { metric: Record<string, string>; value: [number, string] }[]).map((r) => ({ metric: r.metric, value: Number(r.value[1]) }));
}

/** Polls `query` until `accept` holds for its answer (or throws with the last answer after `timeoutMs`). */
export async function waitForQuery(prometheus: RunningPeer, query: string, accept: (samples: Sample[]) => boolean, timeoutMs = 20_000): Promise<Sample[]> {
  const deadline = Date.now() + timeoutMs;
  let last: Sample[] = [];
  while (Date.now() < deadline) {
    last = await instantQuery(prometheus, query);
    if (accept(last)) return last;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${query}: not as expected within ${timeoutMs} ms; last answer ${JSON.stringify(last)}`);
}
