/** GET /ui/heartbeats (read scope): each heartbeat's state, last ping and deadline, from the Heartbeats object. */
import { Hono } from 'hono';
import { heartbeatsStub } from '../../api/heartbeat-pings.js';
import type { HeartbeatView } from '../../heartbeat/view.js';
import { relative, When } from '../components/time.js';
import { renderPage } from '../render.js';
import { requireUiScope } from '../session/guards.js';
import type { UiEnv } from '../ui-env.js';

export const heartbeatRoutes = new Hono<UiEnv>();

heartbeatRoutes.get('/heartbeats', requireUiScope('read'), async (c) => {
  const heartbeats = await heartbeatsStub(c.env).list();
  return renderPage(c, { title: 'Heartbeats', body: <HeartbeatsPage heartbeats={heartbeats} now={Date.now()} /> });
});

export function HeartbeatsPage({ heartbeats, now }: { heartbeats: readonly HeartbeatView[]; now: number }) {
  if (heartbeats.length === 0) {
    return <p class="muted">No heartbeats are configured (`heartbeats:` in routes.yaml: a dead-man's switch for Prometheus or a cron job).</p>;
  }
  return (
    <>
      {heartbeats.map((hb) => (
        <article class="card" data-heartbeat={hb.name} data-state={hb.state}>
          <div class="alert-head">
            <span class={`badge state-${hb.state}`}>{hb.state}</span>
            <span class="alertname">{hb.name}</span>
            <span class="muted small">
              timeout {hb.timeout}
              {hb.receiver ? `, pages ${hb.receiver}` : ''}
            </span>
          </div>
          <p class="small">
            Last ping: <Instant iso={hb.lastPingAt} now={now} fallback="never" />. Next due: <Instant iso={hb.deadline} now={now} />.
            {hb.missingSince ? (
              <>
                {' '}
                Missing since <Instant iso={hb.missingSince} now={now} />.
              </>
            ) : null}
          </p>
        </article>
      ))}
    </>
  );
}

function Instant({ iso, now, fallback = '' }: { iso: string | null; now: number; fallback?: string }) {
  if (iso === null) return <>{fallback}</>;
  const at = Date.parse(iso);
  return (
    <>
      {relative(at, now)} (<When at={at} />)
    </>
  );
}
