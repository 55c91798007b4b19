/** The body of POST /api/v2/silences (Alertmanager's PostableSilence). */
import * as z from 'zod';
import { parseTime, ZERO_TIME } from '../alert/time.js';

const time = z
  .string()
  .transform((s, ctx) => {
    const t = parseTime(s);
    if (t === null || t === ZERO_TIME) {
      ctx.addIssue({ code: 'custom', message: 'must be an RFC 3339 date-time' });
      return z.NEVER;
    }
    return t;
  });

export const postableSilenceSchema = z.object({
  id: z.string().optional(),
  matchers: z.array(
    z.object({
      name: z.string(),
      value: z.string(),
      isRegex: z.boolean(),
      isEqual: z.boolean().optional().default(true),
    }),
  ),
  startsAt: time,
  endsAt: time,
  createdBy: z.string(),
  comment: z.string(),
});
export type PostableSilence = z.infer<typeof postableSilenceSchema>;
