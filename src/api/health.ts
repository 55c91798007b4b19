/** Liveness and readiness, as Alertmanager serves them: GET or HEAD, 200 "OK". */
import { Hono } from 'hono';
import { runtimeConfig } from '../durable/runtime-config.js';

export const healthApi = new Hono<{ Bindings: Env }>();

healthApi.on(['GET', 'HEAD'], '/healthy', (c) => c.text('OK'));
// Ready once the config loads; a broken config answers 500 through onError.
healthApi.on(['GET', 'HEAD'], '/ready', (c) => {
  runtimeConfig(c.env);
  return c.text('OK');
});
