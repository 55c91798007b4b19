/** GET /ui/alerts: the alert groups, filtered (read scope). */
import { Hono } from 'hono';
import { renderPage } from '../render.js';
import { can } from '../session/access.js';
import { requireUiScope } from '../session/guards.js';
import type { UiEnv } from '../ui-env.js';
import { alertFilterOf } from './alert-filter.js';
import { loadAlertGroups } from './alert-groups.js';
import { AlertsPage } from './alerts-page.js';

export const alertRoutes = new Hono<UiEnv>();

alertRoutes.get('/alerts', requireUiScope('read'), async (c) => {
  const { form, query } = alertFilterOf(new URL(c.req.url).searchParams);
  const now = Date.now();
  const groups = query.ok ? await loadAlertGroups(c.env, query.value, now) : [];
  const canSilence = can(c.var.ui.access, 'silence');
  const page = <AlertsPage groups={groups} form={form} problem={query.ok ? undefined : query.error} canSilence={canSilence} now={now} />;
  return renderPage(c, { title: 'Alerts', status: query.ok ? 200 : 400, body: page });
});
