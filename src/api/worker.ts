/**
 * The Worker's handlers: the HTTP app, and the cron trigger
 * (wrangler.toml `[triggers] crons`), which asks the Heartbeats object to
 * sweep: re-evaluate every heartbeat and re-arm its alarm, in case an alarm
 * was missed. Each cron run is a Worker invocation, counted as one.
 */
import { runtimeConfig } from '../durable/runtime-config.js';
import { createApp } from './app.js';
import { oncallStub } from './shards.js';
import { heartbeatsStub } from './heartbeat-pings.js';
import { countEvent } from './worker-counters.js';

/** The default export of src/index.ts. */
export function createWorker() {
  const app = createApp();
  return {
    fetch: app.fetch,
    async scheduled(_controller: ScheduledController, env: Env, ctx: ExecutionContext): Promise<void> {
      countEvent(env, ctx, 'edgealert_worker_requests_total', { route_class: 'cron' });
      // Without heartbeats the sweep has nothing to do: no Durable Object request every five minutes.
      const config = runtimeConfig(env);
      if (config.heartbeats.length > 0) ctx.waitUntil(heartbeatsStub(env).sweep());
      // Handoff notices need the OnCall object awake to arm its alarm; after a deploy nothing else may wake it.
      if ([...config.oncall.schedules.values()].some((s) => s.handoffNotices)) ctx.waitUntil(oncallStub(env).wake());
    },
  } satisfies ExportedHandler<Env>;
}
