/**
 * The On call page (read scope) and overrides (ack scope, as the API's),
 * through the same OnCall object calls as /api/v1/oncall and
 * /api/v1/overrides: GET /ui/oncall, POST /ui/oncall/overrides (create,
 * checked by the API's validator), POST /ui/oncall/overrides/{id}/remove.
 */
import { Hono, type Context } from 'hono';
import { oncallStub } from '../../api/shards.js';
import { runtimeConfig } from '../../durable/runtime-config.js';
import type { Override } from '../../oncall/override.js';
import { actorNameOf } from '../incidents/actor-name.js';
import { renderPage } from '../render.js';
import { can } from '../session/access.js';
import { refuse, requireUiScope } from '../session/guards.js';
import type { UiEnv } from '../ui-env.js';
import { OncallPage } from './oncall-page.js';
import { blankOverrideForm, overrideFormValues, overrideInputOf, type OverrideFormValues } from './override-form.js';
import { OverrideForm } from './override-form-page.js';
import { scheduleViews } from './schedule-view.js';

export const oncallRoutes = new Hono<UiEnv>();

/** Override ids as this UI and the API make them (UUIDs); anything else in a notice is not shown. */
const OVERRIDE_ID = /^[A-Za-z0-9-]{1,64}$/;

oncallRoutes.get('/oncall', requireUiScope('read'), (c) => {
  const now = Date.now();
  return oncallPage(c, now, { values: blankOverrideForm(runtimeConfig(c.env).oncall, now), notice: noticeOf(new URL(c.req.url).searchParams) });
});

oncallRoutes.post('/oncall/overrides', requireUiScope('ack'), async (c) => {
  const now = Date.now();
  const values = overrideFormValues(c.var.form);
  const createdBy = actorNameOf(c.var.form);
  if (!createdBy.ok) return oncallPage(c, now, { values, problem: createdBy.error, status: 400 });
  const input = overrideInputOf(values, runtimeConfig(c.env).oncall, now);
  if (!input.ok) return oncallPage(c, now, { values, problem: input.error, status: 400 });
  const override: Override = { ...input.value, id: crypto.randomUUID(), createdAt: now, createdBy: createdBy.value };
  await oncallStub(c.env).addOverride(override);
  return c.redirect(`/ui/oncall?created=${override.id}#override-${override.id}`, 303);
});

oncallRoutes.post('/oncall/overrides/:id/remove', requireUiScope('ack'), async (c) => {
  const id = c.req.param('id');
  if (!(await oncallStub(c.env).removeOverride(id))) return refuse(c, 404, `Override ${id} not found (ended overrides are kept 7 days).`);
  return c.redirect(`/ui/oncall?removed=${encodeURIComponent(id)}`, 303);
});

interface OncallPageOptions {
  readonly values: OverrideFormValues;
  readonly notice?: string | undefined;
  readonly problem?: string;
  readonly status?: 400;
}

async function oncallPage(c: Context<UiEnv>, now: number, { values, notice, problem, status }: OncallPageOptions) {
  const { oncall } = runtimeConfig(c.env);
  const views = scheduleViews(oncall, await oncallStub(c.env).overrides(), now);
  const { ui } = c.var;
  const canAct = can(ui.access, 'ack');
  const form = <OverrideForm oncall={oncall} values={values} problem={problem} canAct={canAct} csrf={ui.csrfToken} />;
  const page = <OncallPage views={views} notice={notice} canAct={canAct} csrf={ui.csrfToken} now={now} form={form} />;
  return renderPage(c, { title: 'On call', status: status ?? 200, body: page });
}

/** The message after a redirect: which override was created or removed. */
function noticeOf(params: URLSearchParams): string | undefined {
  const created = params.get('created');
  const removed = params.get('removed');
  if (created && OVERRIDE_ID.test(created)) return `Override ${created} created.`;
  if (removed && OVERRIDE_ID.test(removed)) return `Override ${removed} removed.`;
  return undefined;
}
