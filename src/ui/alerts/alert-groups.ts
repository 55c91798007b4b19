/**
 * The alert groups the Alerts page shows: the same read model as GET
 * /api/v2/alerts/groups (every shard's view, silences and inhibition
 * resolved by the same functions), parsed into typed values.
 */
import * as z from 'zod';
import { ALERT_STATES, type AlertQuery } from '../../alert/gettable.js';
import { silencesStub, viewAllShards } from '../../api/shards.js';
import { runtimeConfig } from '../../durable/runtime-config.js';
import { statusResolver } from '../../group/alert-status.js';
import { listAlertGroups } from '../../group/read-model.js';

const labelsSchema = z.record(z.string(), z.string());

const alertSchema = z.object({
  annotations: labelsSchema,
  fingerprint: z.string(),
  receivers: z.array(z.object({ name: z.string() })),
  startsAt: z.iso.datetime(),
  endsAt: z.iso.datetime(),
  status: z.object({ state: z.enum(ALERT_STATES), silencedBy: z.array(z.string()), inhibitedBy: z.array(z.string()) }),
  generatorURL: z.string().optional(),
  labels: labelsSchema,
});

const groupSchema = z.object({ alerts: z.array(alertSchema), labels: labelsSchema, receiver: z.object({ name: z.string() }) });

export type UiAlert = z.infer<typeof alertSchema>;
export type UiAlertGroup = z.infer<typeof groupSchema>;

/** What the page calls an alert's state: silenced and inhibited are told apart (the API says `suppressed`). */
export type ShownState = 'active' | 'silenced' | 'inhibited' | 'unprocessed';

export function shownState(alert: UiAlert): ShownState {
  if (alert.status.silencedBy.length > 0) return 'silenced';
  if (alert.status.inhibitedBy.length > 0) return 'inhibited';
  return alert.status.state === 'unprocessed' ? 'unprocessed' : 'active';
}

/** The groups with their alerts matching `query` at `now`, as GET /api/v2/alerts/groups lists them. */
export async function loadAlertGroups(env: Env, query: AlertQuery, now: number): Promise<UiAlertGroup[]> {
  const config = runtimeConfig(env);
  const [views, silences] = await Promise.all([viewAllShards(env, config.shards), silencesStub(env).list()]);
  const groups = listAlertGroups(views, config, query, statusResolver(views, config, silences, now), now);
  return z.array(groupSchema).parse(groups);
}
