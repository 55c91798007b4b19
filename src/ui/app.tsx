/**
 * The web UI, mounted at /ui: server-rendered pages (Hono JSX) over the same
 * domain calls as the API. Every route runs behind `uiSession()` (who is
 * this, what may they do) and `csrfProtection()` (every POST); each page
 * states the scope it needs. To add a page: its routes here, its entry in
 * nav.ts.
 */
import { Hono, type Context } from 'hono';
import { HttpError } from '../api/http-error.js';
import { ConfigLoadError, configErrorFields } from '../durable/runtime-config.js';
import { alertRoutes } from './alerts/alerts-routes.js';
import { Problem } from './components/forms.js';
import { incidentRoutes } from './incidents/incidents-routes.js';
import { oncallRoutes } from './oncall/oncall-routes.js';
import { heartbeatRoutes } from './pages/heartbeats.js';
import { loginRoutes } from './pages/login-routes.js';
import { statusRoutes } from './pages/status.js';
import { renderPage } from './render.js';
import { csrfProtection } from './session/guards.js';
import { uiSession } from './session/session-middleware.js';
import { silenceRoutes } from './silences/silences-routes.js';
import type { UiEnv, UiRequest } from './ui-env.js';

export const uiApp = new Hono<UiEnv>();

uiApp.use(uiSession());
uiApp.use(csrfProtection());
uiApp.get('/', (c) => c.redirect('/ui/alerts', 303));
uiApp.route('/', loginRoutes);
uiApp.route('/', alertRoutes);
uiApp.route('/', silenceRoutes);
uiApp.route('/', incidentRoutes);
uiApp.route('/', oncallRoutes);
uiApp.route('/', heartbeatRoutes);
uiApp.route('/', statusRoutes);
uiApp.all('*', (c) => errorPage(c, 404, `No such page: ${new URL(c.req.url).pathname}`));

uiApp.onError((error, c) => {
  if (error instanceof HttpError) return errorPage(c, error.status, error.message);
  if (error instanceof ConfigLoadError) {
    c.var.log?.error('config_load_failed', configErrorFields(error));
    return errorPage(c, 500, error.message);
  }
  console.error(JSON.stringify({ level: 'error', event: 'unhandled_error', message: error.message }));
  return errorPage(c, 500, 'Internal error: the request could not be completed.');
});

function errorPage(c: Context<UiEnv>, status: HttpError['status'], message: string) {
  // Before the session is known (an error in the session middleware) there is no layout to draw.
  if ((c.get('ui') as UiRequest | undefined) === undefined) return c.text(message, status);
  return renderPage(c, { title: status === 404 ? 'Not found' : 'Something went wrong', status, body: <Problem>{message}</Problem> });
}
