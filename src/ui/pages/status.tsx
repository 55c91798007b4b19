/**
 * GET /ui/status (read scope): whether the config loads (and why not), the
 * version, how long this isolate has run, the shards with what each holds,
 * the access mode per scope (never a credential), and the config with
 * secrets redacted.
 */
import { Hono } from 'hono';
import type { Child } from 'hono/jsx';
import { viewAllShards } from '../../api/shards.js';
import { startedAt } from '../../api/status.js';
import { authorize } from '../../auth/authorize.js';
import { SCOPES, type Scope } from '../../auth/scopes.js';
import type { Config } from '../../config/index.js';
import { runtimeConfig } from '../../durable/runtime-config.js';
import type { ShardView } from '../../group/shard-view.js';
import { ALERTMANAGER_API_VERSION, VERSION } from '../../version.js';
import { Problem } from '../components/forms.js';
import { formatAge, When } from '../components/time.js';
import { renderPage } from '../render.js';
import { requireUiScope } from '../session/guards.js';
import type { UiEnv } from '../ui-env.js';

export const statusRoutes = new Hono<UiEnv>();

statusRoutes.get('/status', requireUiScope('read'), async (c) => {
  const loaded = loadConfig(c.env);
  const views = loaded.config ? await viewAllShards(c.env, loaded.config.shards) : [];
  const access = Object.fromEntries(await Promise.all(SCOPES.map(async (scope) => [scope, await accessMode(c.env, scope)]))) as Record<Scope, string>;
  const page = <StatusPage config={loaded.config} configError={loaded.error} views={views} access={access} now={Date.now()} />;
  return renderPage(c, { title: 'Status', body: page });
});

function loadConfig(env: Env): { config?: Config; error?: string } {
  try {
    return { config: runtimeConfig(env) };
  } catch (error) {
    return { error: (error as Error).message };
  }
}

/** How a request without credentials fares with this scope: what the deployment requires. */
async function accessMode(env: Env, scope: Scope): Promise<string> {
  const decision = await authorize(env, scope, null);
  if (decision.allowed) return 'open (local mode, no token configured)';
  if (decision.reason === 'missing') return 'token required';
  if (decision.reason === 'unconfigured') return 'refused (deployed with no token configured)';
  return decision.message;
}

interface StatusPageProps {
  readonly config?: Config;
  readonly configError?: string;
  readonly views: readonly ShardView[];
  readonly access: Readonly<Record<Scope, string>>;
  readonly now: number;
}

export function StatusPage({ config, configError, views, access, now }: StatusPageProps) {
  const started = Date.parse(startedAt);
  return (
    <>
      {configError ? <Problem>{configError}</Problem> : null}
      <table class="kv card">
        <tbody>
          <Row name="Config">{config ? <span class="badge state-loaded">loaded</span> : <span class="badge state-active">failed to load</span>}</Row>
          <Row name="Version">
            edgealert {VERSION} (Alertmanager API {ALERTMANAGER_API_VERSION})
          </Row>
          <Row name="Uptime">
            {formatAge(now - started)} (this isolate, since <When at={started} />)
          </Row>
          {config ? (
            <>
              <Row name="Shards">
                {views.map((v, i) => (
                  <div>
                    shard {i}: {v.alerts.length} alerts, {v.groups.length} groups
                  </div>
                ))}
              </Row>
              <Row name="Receivers">{[...config.receivers.keys()].join(', ')}</Row>
              <Row name="Inhibit rules">{config.inhibitRules.length}</Row>
              <Row name="Heartbeats">{config.heartbeats.map((hb) => hb.name).join(', ') || 'none'}</Row>
            </>
          ) : null}
          {SCOPES.map((scope) => (
            <Row name={`Scope ${scope}`}>{access[scope]}</Row>
          ))}
        </tbody>
      </table>
      {config ? (
        <details>
          <summary>Config (secrets redacted)</summary>
          <pre>{config.redactedOriginal}</pre>
        </details>
      ) : null}
    </>
  );
}

function Row({ name, children }: { name: string; children?: Child }) {
  return (
    <tr>
      <th scope="row">{name}</th>
      <td>{children}</td>
    </tr>
  );
}
