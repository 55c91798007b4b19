/**
 * The whole routes.yaml: Alertmanager 0.25's config file (global, route,
 * receivers, inhibit_rules, templates, time_intervals, mute_time_intervals)
 * plus edgealert's optional top-level extensions (`shards`, `webhook_ingest`, `heartbeats`,
 * `silence_expiry_notice`, and the on-call `people`, `schedules`, `escalation_policies`:
 * oncall-schema.ts).
 */
import * as z from 'zod';
import { globalSchema } from './global-schema.js';
import { heartbeatsSchema, silenceExpiryNoticeSchema } from './heartbeat-config.js';
import { equalMatchMap, matcherLines, regexMatchMap } from './matcher-fields.js';
import { receiverSchema } from './receiver-schema.js';
import { routeSchema } from './route-schema.js';
import { escalationPoliciesSchema, peopleSchema, schedulesSchema } from './oncall-schema.js';
import { durationSchema, expected, goString, labelNameSchema, requiredString } from './scalar-schemas.js';
import { strictObject } from './strict-object.js';
import { RawScalar } from './yaml-tree.js';

const inhibitRuleSchema = strictObject({
  source_match: equalMatchMap.optional(),
  source_match_re: regexMatchMap.optional(),
  source_matchers: matcherLines.optional(),
  target_match: equalMatchMap.optional(),
  target_match_re: regexMatchMap.optional(),
  target_matchers: matcherLines.optional(),
  equal: z.array(labelNameSchema, { error: expected('a list of label names') }).optional(),
});

/** A parsed `inhibit_rules:` entry. */
export type RawInhibitRule = z.output<typeof inhibitRuleSchema>;

// Time intervals are validated by timeinterval/ (see load.ts), which knows their semantics.

const shardsSchema = z
  .preprocess((v) => (v instanceof RawScalar ? v.value : v), z.number({ error: expected('an integer from 1 to 64') }))
  .refine((n) => Number.isInteger(n) && n >= 1 && n <= 64, { error: 'shards must be an integer from 1 to 64' });

/** edgealert extension: how alerts from an upstream Alertmanager's webhook are taken in. */
const webhookIngestSchema = strictObject({
  resolve_timeout: durationSchema.optional(),
  // Workers KV cannot expire a key sooner than 60 seconds after writing it.
  dedup_window: durationSchema.refine((ms) => ms >= 60_000, { error: 'dedup_window must be at least 60s (the shortest Workers KV expiry)' }).optional(),
});

const list = <T extends z.ZodType>(item: T) => z.array(item, { error: expected('a list') }).optional();

/** The config file; a missing `route:` is reported by cross-checks.ts like Alertmanager does. */
export const configSchema = strictObject({
  global: globalSchema.optional(),
  route: routeSchema.optional(),
  receivers: list(receiverSchema),
  inhibit_rules: list(inhibitRuleSchema),
  templates: list(goString),
  time_intervals: z.unknown().optional(),
  mute_time_intervals: z.unknown().optional(),
  // edgealert extensions.
  shards: shardsSchema.optional(),
  webhook_ingest: webhookIngestSchema.optional(),
  people: peopleSchema.optional(),
  schedules: schedulesSchema.optional(),
  escalation_policies: escalationPoliciesSchema.optional(),
  heartbeats: heartbeatsSchema.optional(),
  silence_expiry_notice: silenceExpiryNoticeSchema.optional(),
});

/** A parsed config file, before defaults and inheritance. */
export type RawConfig = z.output<typeof configSchema>;
