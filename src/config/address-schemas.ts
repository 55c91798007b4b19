/**
 * Network addresses in the config: http(s) URLs (webhook and API URLs,
 * checked like Alertmanager's config.URL) and `host:port` (the SMTP
 * smarthost, checked like Go's net.SplitHostPort; the checks themselves are
 * in address-checks.ts). Values are kept as written; only their validity is
 * checked.
 */
import type { z } from 'zod';
import { checkHttpUrl, hostPortProblem } from './address-checks.js';
import { goString, requiredString } from './scalar-schemas.js';

/** An http or https URL, kept as written. */
export const httpUrlSchema = goString.superRefine(refineHttpUrl);

/** A required http or https URL; absent or empty gives `missing`. */
export function requiredHttpUrl(missing: string) {
  return requiredString(missing).superRefine(refineHttpUrl);
}

function refineHttpUrl(s: string, ctx: z.RefinementCtx): void {
  const problem = checkHttpUrl(s);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
}

/** A `host:port` address (global.smtp_smarthost), checked like Go's net.SplitHostPort; empty is allowed. */
export const hostPortSchema = goString.superRefine((s, ctx) => {
  if (s === '') return;
  const problem = hostPortProblem(s);
  if (problem) ctx.addIssue({ code: 'custom', message: `address ${s}: ${problem}` });
});
