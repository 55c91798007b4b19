/**
 * The HTTP surface: Alertmanager's API v2 and health endpoints. Handlers only
 * validate, call the domain and respond; one onError turns errors into
 * responses with a clear message and never a stack trace or a secret.
 */
import { Hono } from 'hono';
import { ConfigLoadError, configErrorFields } from '../durable/runtime-config.js';
import { ackLinksApi } from './ack-links.js';
import { alertsApi } from './alerts.js';
import { authFailureLimit } from './auth-failure-limit.js';
import { healthApi } from './health.js';
import { incidentsApi } from './incidents.js';
import { oncallApi } from './oncall.js';
import { slackInteractionsApi } from './slack-interactions.js';
import { httpMetrics } from './http-metrics.js';
import { requestLog } from './request-log.js';
import { heartbeatsApi } from './heartbeats.js';
import { metricsApi } from './metrics.js';
import { HttpError } from './http-error.js';
import { silencesApi } from './silences.js';
import { securityHeaders } from './security-headers.js';
import { statusApi } from './status.js';
import { webhookApi } from './webhook.js';
import { uiApp } from '../ui/app.js';

export function createApp() {
  const app = new Hono<{ Bindings: Env }>();
  app.use(requestLog());
  app.use(httpMetrics());
  app.use(securityHeaders());
  app.use(authFailureLimit());
  app.route('/-', healthApi);
  app.route('/api/v2/alerts', alertsApi);
  app.route('/api/v2', statusApi);
  app.route('/api/v2', silencesApi);
  app.route('/webhook', webhookApi);
  app.route('/api/v1/heartbeats', heartbeatsApi);
  app.route('/api/v1/incidents', incidentsApi);
  app.route('/api/v1', oncallApi);
  app.route('/api/v1/slack', slackInteractionsApi);
  app.route('/ack', ackLinksApi);
  app.route('/metrics', metricsApi);
  app.get('/', (c) => c.redirect('/ui', 302));
  app.route('/ui', uiApp);
  app.notFound((c) => c.json({ code: 404, message: `no such endpoint: ${c.req.method} ${new URL(c.req.url).pathname}` }, 404));
  app.onError((error, c) => {
    if (error instanceof HttpError) return c.json(error.body, error.status, error.headers);
    if (error instanceof ConfigLoadError) {
      c.var.log?.error('config_load_failed', configErrorFields(error));
      return c.json({ code: 500, message: error.message }, 500);
    }
    console.error(JSON.stringify({ level: 'error', event: 'unhandled_error', message: error.message }));
    return c.json({ code: 500, message: 'internal error' }, 500);
  });
  return app;
}
