/**
 * The logs of a full scenario, as Workers Logs would collect them: every line
 * the Worker and its Durable Objects write is one JSON object with the common
 * fields and no secret, and one trace id runs from the POST that created an
 * alert, through each delivery attempt's log line, to the traceparent of the
 * request the receiver got (the log line's span id is that request's parent
 * id). The scenario: a push with a traceparent, a first attempt answered 503
 * and retried, an escalation paging another receiver, the alert resolving in
 * a later push of another trace, its resolved notification and notice.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LOG_LEVELS } from '../../../src/observability/log.js';
import { postAlerts, testEnv, useConfig } from '../support/edgealert.js';
import { advanceWithIncidentsTo } from '../support/oncall.js';
import { receiver } from '../support/receiver.js';
import { TEST_SECRETS } from '../support/secrets.js';
import { deliveries, firing, freshStatePerTest, resolved } from '../support/timeline.js';

const MIN = 60_000;

useConfig(`
global:
  resolve_timeout: 2h
route:
  receiver: hook
  group_by: [alertname]
  group_wait: 1s
  group_interval: 1m
  routes:
    - matchers: [severity="critical"]
      receiver: hook
      escalation: critical
receivers:
  - name: hook
    webhook_configs: [{ url: '\${HOOK_URL}', send_resolved: true }]
  - name: chat
    webhook_configs: [{ url: 'http://receiver.test/chat' }]
escalation_policies:
  - name: critical
    steps:
      - notify: [chat]
`);
freshStatePerTest();

/** The Worker and its objects read LOG_LEVEL from this env on every request: debug shows answered pushes too. */
const setLogLevel = (level: string) => void ((testEnv as unknown as Record<string, string>).LOG_LEVEL = level);
beforeEach(() => setLogLevel('debug'));

const TRACE = '4bf92f3577b34da6a3ce929d0e0e4736';
const OTHER_TRACE = '1'.repeat(32);
const HOOK_PATH = new URL(TEST_SECRETS.HOOK_URL).pathname;

/** Everything written to the console while a test runs, one entry per call. */
const written: unknown[][] = [];
beforeEach(() => {
  written.length = 0;
  for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => void written.push(args));
  }
});
afterEach(() => {
  vi.restoreAllMocks();
});

interface LogLine {
  readonly ts: string;
  readonly level: string;
  readonly event: string;
  readonly service: string;
  readonly trace_id?: string;
  readonly span_id?: string;
  readonly [field: string]: unknown;
}

/** Each console call as a parsed log line; fails on any call that is not exactly one JSON object. */
function logLines(): LogLine[] {
  return written.map((args) => {
    expect(args, 'one string argument per console call').toEqual([expect.any(String)]);
    return JSON.parse(args[0] as string) as LogLine;
  });
}

async function scenario(): Promise<void> {
  const json = { 'Content-Type': 'application/json' };
  await receiver.answerNext({ status: 503, path: HOOK_PATH });
  expect((await postAlerts([firing('DiskFull', { severity: 'critical' })], { ...json, traceparent: `00-${TRACE}-00f067aa0ba902b7-01` })).status).toBe(200);
  await advanceWithIncidentsTo(30_000);
  expect((await postAlerts([resolved('DiskFull', { severity: 'critical' })], { ...json, traceparent: `00-${OTHER_TRACE}-${'2'.repeat(16)}-01` })).status).toBe(200);
  await advanceWithIncidentsTo(1000 + 2 * MIN);
}

describe('the log level of answered pushes', () => {
  it('is debug: at the default info level a push answered 200 writes no line, a refused one does', async () => {
    setLogLevel('info');
    expect((await postAlerts([firing('DiskFull')])).status).toBe(200);
    expect((await postAlerts('{', { 'Content-Type': 'application/json' })).status).toBe(400);
    expect(logLines().map((l) => `${l.level} ${l.event} ${l.status}`)).toEqual(['info http_request 400']);
  });
});

describe('logs of a full scenario', () => {
  it('are one JSON object per line with ts, level, event and service, and never a secret', async () => {
    await scenario();
    const lines = logLines();
    expect(lines.length).toBeGreaterThan(5);
    for (const line of lines) {
      expect(new Date(line.ts).toISOString()).toBe(line.ts);
      expect(LOG_LEVELS).toContain(line.level);
      expect(line.event).toMatch(/^[a-z_]+$/);
      expect(line.service).toBe('edgealert');
      if (line.trace_id !== undefined) expect([line.trace_id, line.span_id]).toEqual([expect.stringMatching(/^[0-9a-f]{32}$/), expect.stringMatching(/^[0-9a-f]{16}$/)]);
    }
    const text = written.flat().join('\n');
    for (const secret of [TEST_SECRETS.HOOK_URL, HOOK_PATH]) expect(text).not.toContain(secret);
    expect(new Set(lines.map((l) => l.event))).toEqual(new Set(['http_request', 'notification_attempt', 'page_attempt']));
  });

  it('follow one trace id from the POST to every request the receiver got for its notifications', async () => {
    await scenario();
    const traced = logLines().filter((l) => l.trace_id === TRACE);
    expect(traced[0]).toMatchObject({ event: 'http_request', method: 'POST', route: '/api/v2/alerts', status: 200 });
    // The hook: 503 and retried, then sent; later the resolved notification. The escalation's hand-over to the incident desk, twice.
    const attempts = traced.filter((l) => l.event === 'notification_attempt');
    expect(attempts.map((l) => `${l.integration} ${l.outcome} ${l.attempt}`)).toEqual(['webhook retry 1', 'escalation success 1', 'webhook success 2', 'webhook success 1', 'escalation success 1']);
    expect(attempts.every((l) => l.receiver === 'hook' && l.span_id !== traced[0]?.span_id)).toBe(true);
    const hookRequests = (await deliveries()).filter((d) => d.path === HOOK_PATH);
    expect(hookRequests.map((d) => d.status)).toEqual([503, 200, 200]);
    const webhookSpans = attempts.filter((l) => l.integration === 'webhook').map((l) => l.span_id);
    expect(hookRequests.map((d) => d.headers.traceparent)).toEqual(webhookSpans.map((span) => `00-${TRACE}-${span}-01`));
    // The resolving push is a trace of its own; its notification still continues the alert's first trace.
    expect(logLines().filter((l) => l.trace_id === OTHER_TRACE).map((l) => l.event)).toEqual(['http_request']);
  });

  it('log every page attempt of the incident, in the trace of the alert that opened it, and send its traceparent', async () => {
    await scenario();
    const pages = logLines().filter((l) => l.event === 'page_attempt');
    expect(pages.map((l) => `${l.owner} ${l.receiver} ${l.integration} ${l.outcome}`)).toEqual(['1 chat webhook success', '1 chat webhook success']);
    expect(pages.every((l) => l.trace_id === TRACE)).toBe(true);
    const pageRequests = (await deliveries()).filter((d) => d.path !== HOOK_PATH);
    expect(pageRequests.map((d) => d.headers.traceparent)).toEqual(pages.map((l) => `00-${TRACE}-${l.span_id}-01`));
  });
});
