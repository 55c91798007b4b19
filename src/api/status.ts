/** GET /api/v2/status and GET /api/v2/receivers, in Alertmanager's shapes (read scope). */
import { Hono } from 'hono';
import { runtimeConfig } from '../durable/runtime-config.js';
import { requireScope } from './require-scope.js';
import { ALERTMANAGER_API_VERSION, VERSION } from '../version.js';

export const statusApi = new Hono<{ Bindings: Env }>();

/** When this isolate loaded the code: the closest thing a Worker has to a process start. */
export const startedAt = new Date().toISOString();

statusApi.get('/status', requireScope('read'), (c) => {
  const config = runtimeConfig(c.env);
  return c.json({
    cluster: { peers: [], status: 'disabled' },
    config: { original: config.redactedOriginal },
    uptime: startedAt,
    // The API version clients (amtool, Grafana) compare against; edgealert's own version is in `revision`.
    versionInfo: {
      branch: 'edgealert',
      buildDate: '',
      buildUser: '',
      goVersion: '',
      revision: `edgealert-${VERSION}`,
      version: ALERTMANAGER_API_VERSION,
    },
  });
});

statusApi.get('/receivers', requireScope('read'), (c) => {
  const config = runtimeConfig(c.env);
  return c.json([...config.receivers.keys()].map((name) => ({ name })));
});
