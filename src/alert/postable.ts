/**
 * Alerts as clients post them (Prometheus, amtool, an upstream Alertmanager):
 * the request schema, then Alertmanager's defaulting and validation, one
 * alert at a time so that one bad alert does not reject the batch.
 */
import * as z from 'zod';
import { alertLimitProblem } from './alert-limits.js';
import { fingerprint } from './fingerprint.js';
import { goQuote } from '../matcher/go-quote.js';
import { isUri } from './is-uri.js';
import { isValidLabelName } from './label-set.js';
import type { LabelSet } from './labels.js';
import { ZERO_TIME, parseTime } from './time.js';
import type { Alert } from './types.js';
import { err, ok, type Result } from '../util/result.js';

/** An RFC 3339 date-time string (Go's zero time allowed: it means "not set"). */
export const timestampSchema = z.string().refine((s) => parseTime(s) !== null, 'must be an RFC 3339 date-time');
const timestamp = timestampSchema;

/**
 * A map of names to strings. A `__proto__` key is refused by name: zod's
 * records (and any plain-object code) would drop it silently. Prometheus
 * never sends it (names starting with `__` are reserved there).
 */
const stringMap = (what: string) =>
  z.preprocess((value, ctx) => {
    if (typeof value === 'object' && value !== null && Object.hasOwn(value, '__proto__')) {
      ctx.addIssue({ code: 'custom', message: `the ${what} name "__proto__" is not supported`, input: value });
    }
    return value;
  }, z.record(z.string(), z.string()));

/** One alert of a POST /api/v2/alerts body, as the OpenAPI spec describes it; null means "not given". */
export const postableAlertSchema = z.object({
  labels: stringMap('label'),
  annotations: stringMap('annotation').nullish(),
  startsAt: timestamp.nullish(),
  endsAt: timestamp.nullish(),
  // A format violation: Alertmanager answers 422 with code 601.
  generatorURL: z.string().refine(isUri, { error: 'must be of type uri', params: { status: 422, code: 601 } }).nullish(),
});
export type PostableAlert = z.infer<typeof postableAlertSchema>;

/** The body of POST /api/v2/alerts (a JSON null is an empty list, as in Alertmanager). */
export const postableAlertsSchema = z.array(postableAlertSchema).nullable().transform((list) => list ?? []);

/**
 * The usual body without the schema: a list of alerts whose fields all have
 * the types the schema wants, with valid times and URLs. Gives what
 * `postableAlertsSchema` would (unknown fields dropped), or undefined for
 * anything else, which then goes through the schema for its messages. The
 * schema costs about 2 µs an alert, this a fraction of it, and every alert of
 * every push goes through one of them. Labels and annotations are the parsed
 * JSON's own objects, not copies: the JSON is parsed for this alone.
 */
export function wellFormedPostableAlerts(json: unknown): PostableAlert[] | undefined {
  if (json === null) return [];
  if (!Array.isArray(json)) return undefined;
  const alerts: PostableAlert[] = [];
  for (const item of json as unknown[]) {
    if (!isPlainRecord(item)) return undefined;
    const { labels, annotations, startsAt, endsAt, generatorURL } = item;
    if (!isStringRecord(labels) || !(annotations == null || isStringRecord(annotations))) return undefined;
    if (!nullishOr(startsAt, isTimestamp) || !nullishOr(endsAt, isTimestamp) || !nullishOr(generatorURL, isUri)) return undefined;
    const alert: PostableAlert = { labels };
    if ('annotations' in item) alert.annotations = annotations;
    if ('startsAt' in item) alert.startsAt = startsAt as string | null;
    if ('endsAt' in item) alert.endsAt = endsAt as string | null;
    if ('generatorURL' in item) alert.generatorURL = generatorURL as string | null;
    alerts.push(alert);
  }
  return alerts;
}

function isPlainRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.getPrototypeOf(value) === Object.prototype;
}

/** A plain object whose values are all strings (one with a `__proto__` key is left to the schema). */
function isStringRecord(value: unknown): value is Record<string, string> {
  if (!isPlainRecord(value)) return false;
  for (const key of Object.keys(value)) if (typeof value[key] !== 'string' || key === '__proto__') return false;
  return true;
}

function nullishOr(value: unknown, check: (text: string) => boolean): boolean {
  return value === undefined || value === null || (typeof value === 'string' && check(value));
}

function isTimestamp(text: string): boolean {
  return parseTime(text) !== null;
}

/** What ingest needs besides the alert. */
export interface IngestContext {
  readonly now: number;
  /** global.resolve_timeout in ms. */
  readonly resolveTimeout: number;
  /** The trace id of the request carrying the alerts, stored with each. */
  readonly traceId?: string;
}

/**
 * Defaults and validates one posted alert like Alertmanager's API:
 * missing startsAt = now (or endsAt when only that is given), missing endsAt =
 * now + resolve_timeout (a timeout alert), empty label values dropped. The
 * alert keeps the posted annotations object, and the labels object unless a
 * value was dropped: neither may change afterwards.
 */
export function normalizeAlert(posted: PostableAlert, ctx: IngestContext): Result<Alert> {
  let startsAt = posted.startsAt ? (parseTime(posted.startsAt) ?? ZERO_TIME) : ZERO_TIME;
  let endsAt = posted.endsAt ? (parseTime(posted.endsAt) ?? ZERO_TIME) : ZERO_TIME;
  if (startsAt === ZERO_TIME) startsAt = endsAt === ZERO_TIME ? ctx.now : endsAt;
  const timeout = endsAt === ZERO_TIME;
  if (timeout) endsAt = ctx.now + ctx.resolveTimeout;

  const labels = withoutEmptyValues(posted.labels);
  const annotations = posted.annotations ?? {};
  const problem =
    (endsAt < startsAt && 'start time must be before end time') ||
    invalidNames(labels, 'invalid label set') ||
    (Object.keys(labels).length === 0 && 'at least one label pair required') ||
    invalidNames(annotations, 'invalid annotations') ||
    alertLimitProblem(labels, annotations);
  if (problem) return err(problem);
  const alert: { -readonly [K in keyof Alert]: Alert[K] } = {
    fingerprint: fingerprint(labels),
    labels,
    annotations,
    startsAt,
    endsAt,
    generatorURL: posted.generatorURL ?? '',
    updatedAt: ctx.now,
    timeout,
  };
  if (ctx.traceId) alert.traceId = ctx.traceId;
  return ok(alert);
}

/** The labels without those whose value is empty: the same object when there are none (nearly always). */
function withoutEmptyValues(labels: LabelSet): LabelSet {
  const names = Object.keys(labels);
  if (names.every((name) => labels[name] !== '')) return labels;
  const kept: Record<string, string> = {};
  for (const name of names) if (labels[name] !== '') kept[name] = labels[name] as string;
  return kept;
}

function invalidNames(set: LabelSet, what: string): string | false {
  for (const name of Object.keys(set)) if (!isValidLabelName(name)) return `${what}: invalid name ${goQuote(name)}`;
  return false;
}
