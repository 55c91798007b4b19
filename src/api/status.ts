/** GET /api/v2/status and GET /api/v2/receivers, in Alertmanager's shapes. */
import { Hono } from 'hono';
import { runtimeConfig } from '../durable/runtime-config.js';
import { VERSION } from '../version.js';

export const statusApi = new Hono<{ Bindings: Env }>();

/** When this isolate loaded the code: the closest thing a Worker has to a process start. */
const startedAt = new Date().toISOString();

statusApi.get('/status', (c) => {
  const config = runtimeConfig(c.env);
  return c.json({
    cluster: { peers: [], status: 'disabled' },
    config: { original: config.redactedOriginal },
    uptime: startedAt,
    versionInfo: { branch: '', buildDate: '', buildUser: '', goVersion: '', revision: '', version: VERSION },
  });
});

statusApi.get('/receivers', (c) => {
  const config = runtimeConfig(c.env);
  return c.json([...config.receivers.keys()].map((name) => ({ name })));
});
