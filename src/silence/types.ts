/**
 * A silence: matchers that mute alerts between startsAt and endsAt.
 * Times are epoch milliseconds; matchers are kept as the API gives them.
 */
import * as z from 'zod';

export const SILENCE_STATES = ['active', 'pending', 'expired'] as const;
export type SilenceState = (typeof SILENCE_STATES)[number];

export const silenceMatcherSchema = z.object({
  name: z.string(),
  value: z.string(),
  isRegex: z.boolean(),
  isEqual: z.boolean(),
});
export type SilenceMatcher = z.infer<typeof silenceMatcherSchema>;

export const silenceSchema = z.object({
  id: z.string(),
  matchers: z.array(silenceMatcherSchema),
  startsAt: z.number(),
  endsAt: z.number(),
  updatedAt: z.number(),
  createdBy: z.string(),
  comment: z.string(),
});
export type Silence = z.infer<typeof silenceSchema>;

/** Expired silences are kept this long after they end (Alertmanager's --data.retention, 120h). */
export const SILENCE_RETENTION_MS = 120 * 3_600_000;

/** Pending before startsAt, expired after endsAt, active in between (both ends inclusive). */
export function silenceState(silence: Pick<Silence, 'startsAt' | 'endsAt'>, now: number): SilenceState {
  if (now < silence.startsAt) return 'pending';
  if (now > silence.endsAt) return 'expired';
  return 'active';
}
