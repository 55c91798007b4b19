/**
 * Golden files of integration bodies captured from the real Alertmanager
 * 0.25 (test/conformance/*-golden.test.ts writes them with
 * UPDATE_GOLDEN=1), and running a notifier on one of their notifications
 * with a recording HTTP client. A long repetitive string (the oversize
 * PagerDuty event) is stored as `<repeat N × unit>` to keep files small.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import type { Config } from '../../config/types.js';
import type { NotifyContext, Notifier } from '../integration.js';
import { notifiersFor } from '../notifiers.js';
import type { Notification } from '../notification.js';
import type { NotifyOutcome } from '../outcome.js';

/** One captured notification: the data Alertmanager rendered from, and the request body it sent. */
export interface GoldenCase {
  readonly name: string;
  readonly scenario: string;
  readonly externalURL: string;
  readonly notification: Notification;
  readonly body: string;
}

export interface GoldenFile {
  /** How and with what the file was captured. */
  readonly note: readonly string[];
  readonly cases: readonly GoldenCase[];
}

const REPEAT = /^<repeat (\d+) × ([\s\S]+)>$/;

export function readGolden(file: URL): GoldenFile {
  return JSON.parse(readFileSync(file, 'utf8'), (_key, value: unknown) => {
    const m = typeof value === 'string' ? REPEAT.exec(value) : null;
    return m ? (m[2] as string).repeat(Number(m[1])) : value;
  }) as GoldenFile;
}

export function writeGolden(file: URL, golden: GoldenFile): void {
  const text = JSON.stringify(golden, (_key, value: unknown) => (typeof value === 'string' ? compact(value) : value), 2);
  writeFileSync(file, `${text}\n`);
}

function compact(s: string): string {
  if (s.length < 10_000) return s;
  for (let unit = 1; unit <= 32; unit++) {
    if (s.length % unit === 0 && s.slice(0, unit).repeat(s.length / unit) === s) return `<repeat ${s.length / unit} × ${s.slice(0, unit)}>`;
  }
  return s;
}

/** A request a notifier made. */
export interface RecordedCall {
  readonly url: string;
  readonly headers: Record<string, string>;
  readonly body: string;
}

/** What the receiver answers: a status, and optionally headers and a body. */
export interface FakeAnswer {
  readonly status: number;
  readonly headers?: Record<string, string>;
  readonly body?: string;
}

/**
 * Runs `notifier` once on `notification`, answering its requests with
 * `answers` in order (then 200), and returns the outcome and the requests.
 * A `throw` answer is a network error.
 */
export async function runNotifier(
  notifier: Notifier,
  notification: Notification,
  options: { externalURL?: string; memo?: NotifyContext['memo']; answers?: readonly (FakeAnswer | 'throw')[] } = {},
): Promise<{ outcome: NotifyOutcome; calls: RecordedCall[] }> {
  const calls: RecordedCall[] = [];
  const answers = [...(options.answers ?? [])];
  const http = async (url: string, init: RequestInit): Promise<Response> => {
    calls.push({ url, headers: Object.fromEntries(new Headers(init.headers)), body: String(init.body) });
    const answer = answers.shift() ?? { status: 200 };
    if (answer === 'throw') throw new TypeError('fetch failed: connection refused');
    return new Response(answer.body ?? null, { status: answer.status, headers: answer.headers ?? {} });
  };
  const ctx: NotifyContext = { http, externalURL: options.externalURL ?? 'http://am.example:9093', ...(options.memo ? { memo: options.memo } : {}) };
  return { outcome: await notifier.notify(notification, ctx), calls };
}

/**
 * What edgealert sends for a golden case: the receiver's `integration`
 * notifier (from `config`, loaded from the golden config) run on the case's
 * notification, its requests answered 200.
 */
export async function replayCase(config: Config, integration: string, c: GoldenCase): Promise<RecordedCall[]> {
  const receiver = config.receivers.get(c.notification.receiver);
  const notifier = receiver && notifiersFor(receiver, config.templates).find((n) => n.name === integration);
  if (!notifier) throw new Error(`${c.name}: receiver ${c.notification.receiver} has no ${integration} integration`);
  return (await runNotifier(notifier, c.notification, { externalURL: c.externalURL })).calls;
}
