/**
 * edgealert's `heartbeats:` (dead-man's switches) and `silence_expiry_notice:`
 * extensions: their schemas, their checks against the rest of the config,
 * and the synthetic routes that deliver their alerts to the named receiver.
 *
 * A heartbeat with a `receiver` gets a synthetic route, the first child of
 * the root: `alertname="HeartbeatMissing", heartbeat="NAME"`, that receiver,
 * `group_by: [alertname, heartbeat]`, `group_wait: 0s`, the root's
 * group_interval and repeat_interval, no `continue`. Without `receiver` the
 * HeartbeatMissing alert goes through the routing tree like any other.
 * The synthetic route escalates with the heartbeat's `escalation:` (`none`:
 * not at all), else with the root route's, like a child route inherits it.
 * `silence_expiry_notice` likewise adds `alertname="SilenceExpiring"`, a
 * reminder that never escalates.
 * Synthetic routes have ids `0.hb:NAME` / `0.silence-expiry`, so the ids of
 * the routes written in the file (and the groups stored under them) do not
 * move when a heartbeat is added.
 */
import * as z from 'zod';
import { newMatcher, sortMatchers, formatMatchers } from '../matcher/index.js';
import type { ConfigError } from './config-error.js';
import { HEARTBEAT_ALERTNAME, SILENCE_EXPIRING_ALERTNAME, type HeartbeatConfig, type SilenceExpiryNotice } from './heartbeat-types.js';
import { matcherLines } from './matcher-fields.js';
import { effectiveEscalation } from './oncall-schema.js';
import { durationSchema, expected, goString, LABEL_NAME_RE, requiredString } from './scalar-schemas.js';
import { strictObject } from './strict-object.js';
import type { Route } from './types.js';

export { HEARTBEAT_ALERTNAME, SILENCE_EXPIRING_ALERTNAME, type HeartbeatConfig, type SilenceExpiryNotice } from './heartbeat-types.js';
/** Names go into URLs (`/api/v1/heartbeats/NAME`) and route ids. */
export const HEARTBEAT_NAME_RE = /^[A-Za-z0-9_-]+$/;
const RESERVED_LABELS = ['alertname', 'heartbeat'];

const labelMap = z.record(z.string(), goString, { error: expected('a mapping of label names to values') });

const heartbeatSchema = strictObject({
  name: requiredString('missing name in heartbeat').refine((s) => HEARTBEAT_NAME_RE.test(s), {
    error: 'heartbeat name may only contain letters, digits, "_" and "-"',
  }),
  matchers: matcherLines.optional(),
  timeout: durationSchema.refine((ms) => ms >= 1000, { error: 'timeout must be at least 1s' }),
  receiver: goString.optional(),
  labels: labelMap.optional(),
  annotations: labelMap.optional(),
  // A policy name or `none`, checked in oncall-checks.ts.
  escalation: goString.optional(),
});

/** `heartbeats:`, a list. */
export const heartbeatsSchema = z.array(heartbeatSchema, { error: expected('a list of heartbeats') });
export type RawHeartbeat = z.output<typeof heartbeatSchema>;

/** `silence_expiry_notice: {receiver, before}`. */
export const silenceExpiryNoticeSchema = strictObject({
  receiver: requiredString('missing receiver in silence_expiry_notice'),
  before: durationSchema.refine((ms) => ms > 0, { error: 'before must be more than 0s' }),
});
export type RawSilenceExpiryNotice = z.output<typeof silenceExpiryNoticeSchema>;

/** Checks names are unique, receivers exist, labels are valid and do not override the reserved ones. */
export function checkHeartbeats(
  heartbeats: readonly RawHeartbeat[],
  notice: RawSilenceExpiryNotice | undefined,
  receivers: ReadonlySet<string>,
): ConfigError[] {
  const errors: ConfigError[] = [];
  const seen = new Set<string>();
  heartbeats.forEach((hb, i) => {
    if (seen.has(hb.name)) errors.push({ path: `heartbeats[${i}].name`, message: `heartbeat "${hb.name}" is not unique` });
    seen.add(hb.name);
    if (hb.receiver !== undefined && !receivers.has(hb.receiver)) {
      errors.push({ path: `heartbeats[${i}].receiver`, message: `undefined receiver ${JSON.stringify(hb.receiver)} used in heartbeat` });
    }
    for (const name of Object.keys(hb.labels ?? {})) {
      if (!LABEL_NAME_RE.test(name)) errors.push({ path: `heartbeats[${i}].labels`, message: `invalid label name ${JSON.stringify(name)}` });
      else if (RESERVED_LABELS.includes(name)) errors.push({ path: `heartbeats[${i}].labels.${name}`, message: `label "${name}" is set by edgealert` });
    }
  });
  if (notice && !receivers.has(notice.receiver)) {
    errors.push({ path: 'silence_expiry_notice.receiver', message: `undefined receiver ${JSON.stringify(notice.receiver)} used in silence_expiry_notice` });
  }
  return errors;
}

/** The loaded heartbeats; `rootEscalation` is the root route's policy, which a heartbeat's route inherits. */
export function buildHeartbeats(raw: readonly RawHeartbeat[], rootEscalation?: string): HeartbeatConfig[] {
  return raw.map((hb) => {
    const escalation = effectiveEscalation(hb.escalation, rootEscalation);
    return {
      name: hb.name,
      matchers: hb.matchers ?? [],
      timeout: hb.timeout,
      ...(hb.receiver ? { receiver: hb.receiver } : {}),
      labels: hb.labels ?? {},
      annotations: hb.annotations ?? {},
      ...(hb.receiver && escalation !== undefined ? { escalation } : {}),
    };
  });
}

/** The root with the synthetic routes of heartbeats and the silence expiry notice first among its children. */
export function withSyntheticRoutes(root: Route, heartbeats: readonly HeartbeatConfig[], notice: SilenceExpiryNotice | undefined): Route {
  const synthetic: Route[] = [];
  for (const hb of heartbeats) {
    if (!hb.receiver) continue;
    const route = syntheticRoute(root, `0.hb:${hb.name}`, { alertname: HEARTBEAT_ALERTNAME, heartbeat: hb.name }, hb.receiver, ['alertname', 'heartbeat']);
    synthetic.push(hb.escalation === undefined ? route : { ...route, escalation: hb.escalation });
  }
  if (notice) synthetic.push(syntheticRoute(root, '0.silence-expiry', { alertname: SILENCE_EXPIRING_ALERTNAME }, notice.receiver, ['alertname', 'silence_id']));
  return synthetic.length === 0 ? root : { ...root, routes: [...synthetic, ...root.routes] };
}

function syntheticRoute(root: Route, id: string, labels: Record<string, string>, receiver: string, groupBy: string[]): Route {
  const matchers = sortMatchers(
    Object.entries(labels).map(([name, value]) => {
      const m = newMatcher('=', name, value);
      if (!m.ok) throw new Error(`synthetic matcher ${name}="${value}": ${m.error}`);
      return m.value;
    }),
  );
  return {
    id,
    key: `${root.key}/${formatMatchers(matchers)}`,
    receiver,
    groupBy,
    groupByAll: false,
    groupWait: 0,
    groupInterval: root.groupInterval,
    repeatInterval: root.repeatInterval,
    matchers,
    continue: false,
    muteTimeIntervals: [],
    activeTimeIntervals: [],
    routes: [],
    notifyOnSilenceEnd: root.notifyOnSilenceEnd,
    sendResolvedWhenSilenced: root.sendResolvedWhenSilenced,
  };
}
