/**
 * `edgealert oncall [--schedule NAME] [--at TIME] [--config F] [--url U]`:
 * who each schedule (or the one named) has on call at that moment, since
 * when and until when, and the next handoffs, computed from the config
 * with the same schedule math as the Worker; with --url, the service's
 * overrides count too. The same answer as GET /api/v1/oncall, for a config
 * that may not be deployed yet.
 */
import { formatTime } from '../../alert/time.js';
import type { Config } from '../../config/types.js';
import { nextHandoffs, onCallAt, type Override } from '../../oncall/index.js';
import { fail, ok, type CliResult } from '../cli-io.js';
import { formatOnCall, stateHeader } from '../format-oncall.js';

export interface OnCallOptions {
  readonly at: number;
  /** One schedule; all of them when absent. */
  readonly schedule?: string | undefined;
  /** The service's overrides, when read with --url. */
  readonly live?: { readonly url: string; readonly overrides: readonly Override[] } | undefined;
}

/** Handoffs listed after the current shift (as many as the API lists). */
export const LISTED_HANDOFFS = 3;

/** Who is on call at `options.at` and the next handoffs; exit 1 for a schedule the config lacks. */
export function oncall(config: Config, options: OnCallOptions): CliResult {
  const { schedules } = config.oncall;
  const known = [...schedules.keys()];
  if (options.schedule !== undefined && !schedules.has(options.schedule)) {
    return fail(`unknown schedule ${JSON.stringify(options.schedule)}: ${known.length > 0 ? `the config has ${known.join(', ')}` : 'the config has no schedules'}\n`);
  }
  if (known.length === 0) return ok('the config has no schedules\n');
  const overrides = options.live?.overrides ?? [];
  const lines = [stateHeader(formatTime(options.at), options.live?.url, 'overrides')];
  for (const name of options.schedule === undefined ? known : [options.schedule]) {
    const schedule = schedules.get(name);
    if (!schedule) continue;
    const now = onCallAt(schedule, overrides, options.at);
    const span = now ? `, from ${formatTime(now.from)} until ${formatTime(now.until)}` : '';
    lines.push(`  schedule ${name} (${schedule.timeZone}): ${formatOnCall(now)}${span}`);
    const handoffs = nextHandoffs(schedule, overrides, options.at, LISTED_HANDOFFS);
    if (handoffs.length === 0) lines.push('    no handoff within a year');
    for (const h of handoffs) lines.push(`    handoff ${formatTime(h.at)}: ${formatOnCall(h.from)} -> ${formatOnCall(h.to)}`);
  }
  return ok(`${lines.join('\n')}\n`);
}
