/**
 * The silence pages (read scope) and their actions (silence scope), through
 * the same Silences Durable Object calls as /api/v2/silences:
 * GET /ui/silences, GET /ui/silences/new[?matchers=], GET /ui/silences/{id},
 * POST /ui/silences (create or update), POST /ui/silences/{id}/expire, and
 * GET /ui/api/validate-matchers?kind=silence|filter&matchers= (JSON).
 */
import { Hono, type Context } from 'hono';
import { silencesStub } from '../../api/shards.js';
import { sortSilences } from '../../silence/gettable.js';
import { silenceState } from '../../silence/types.js';
import { formatMatcher } from '../../matcher/index.js';
import { renderPage } from '../render.js';
import { can } from '../session/access.js';
import { refuse, requireUiScope } from '../session/guards.js';
import type { UiEnv } from '../ui-env.js';
import { checkMatchers, MATCHER_KINDS, type MatcherKind } from './matchers-input.js';
import { editSilenceForm, newSilenceForm, postableFromForm, recreateSilenceForm, silenceFormValues, type SilenceFormErrors, type SilenceFormValues } from './silence-form.js';
import { SilenceFormPage } from './silence-form-page.js';
import { SilencesPage } from './silences-page.js';

export const silenceRoutes = new Hono<UiEnv>();

/** Silence ids as the Silences object makes them (UUIDs); anything else in a notice is not shown. */
const SILENCE_ID = /^[A-Za-z0-9-]{1,64}$/;

silenceRoutes.get('/silences', requireUiScope('read'), async (c) => {
  const now = Date.now();
  const silences = sortSilences(await silencesStub(c.env).list(), now);
  const { ui } = c.var;
  const page = <SilencesPage silences={silences} notice={noticeOf(new URL(c.req.url).searchParams)} canSilence={can(ui.access, 'silence')} csrf={ui.csrfToken} now={now} />;
  return renderPage(c, { title: 'Silences', body: page });
});

silenceRoutes.get('/silences/new', requireUiScope('read'), (c) => formPage(c, 'New silence', newSilenceForm(c.req.query('matchers') ?? '', Date.now())));

silenceRoutes.get('/silences/:id', requireUiScope('read'), async (c) => {
  const id = c.req.param('id');
  const silence = (await silencesStub(c.env).list()).find((s) => s.id === id);
  if (!silence) return refuse(c, 404, `Silence ${id} not found (expired silences are kept for 5 days).`);
  const now = Date.now();
  if (silenceState(silence, now) === 'expired') return formPage(c, 'Recreate silence', recreateSilenceForm(silence, now));
  return formPage(c, 'Edit silence', editSilenceForm(silence));
});

silenceRoutes.post('/silences', requireUiScope('silence'), async (c) => {
  const values = silenceFormValues(c.var.form);
  if (!values.ok) return refuse(c, 400, values.error);
  const title = values.value.id ? 'Edit silence' : 'New silence';
  const posted = postableFromForm(values.value, Date.now());
  if (!posted.ok) return formPage(c, title, values.value, { errors: posted.error, problem: 'The silence was not saved: see the fields below.' });
  const result = await silencesStub(c.env).upsert(posted.value);
  if (!result.ok) return formPage(c, title, values.value, { problem: `The silence was not saved: ${result.error.message}`, status: result.error.status });
  const replaced = posted.value.id && posted.value.id !== result.value.id ? `&replaced=${encodeURIComponent(posted.value.id)}` : '';
  return c.redirect(`/ui/silences?saved=${encodeURIComponent(result.value.id)}${replaced}`, 303);
});

silenceRoutes.post('/silences/:id/expire', requireUiScope('silence'), async (c) => {
  const id = c.req.param('id');
  const result = await silencesStub(c.env).expire(id);
  if (!result.ok) return refuse(c, result.error.status, result.error.message);
  return c.redirect(`/ui/silences?expired=${encodeURIComponent(id)}`, 303);
});

silenceRoutes.get('/api/validate-matchers', requireUiScope('read'), (c) => {
  const kind = c.req.query('kind') ?? 'silence';
  if (!(MATCHER_KINDS as readonly string[]).includes(kind)) return c.json({ ok: false, error: `kind must be one of ${MATCHER_KINDS.join(', ')}` }, 400);
  const checked = checkMatchers(kind as MatcherKind, c.req.query('matchers') ?? '');
  c.header('Cache-Control', 'no-store');
  return checked.ok ? c.json({ ok: true, matchers: checked.value.map(formatMatcher) }) : c.json({ ok: false, error: checked.error });
});

interface FormPageOptions {
  readonly errors?: SilenceFormErrors;
  readonly problem?: string;
  readonly status?: 400 | 404;
}

function formPage(c: Context<UiEnv>, title: string, values: SilenceFormValues, { errors, problem, status }: FormPageOptions = {}) {
  const { ui } = c.var;
  const page = <SilenceFormPage values={values} errors={errors} problem={problem} csrf={ui.csrfToken} canSilence={can(ui.access, 'silence')} />;
  return renderPage(c, { title, status: status ?? (errors || problem ? 400 : 200), body: page });
}

/** The message after a redirect: what was saved or expired. */
function noticeOf(params: URLSearchParams): string | undefined {
  const saved = params.get('saved');
  const replaced = params.get('replaced');
  const expired = params.get('expired');
  if (saved && SILENCE_ID.test(saved)) {
    return replaced && SILENCE_ID.test(replaced) ? `Silence ${saved} saved; it replaces ${replaced} (matchers or start changed).` : `Silence ${saved} saved.`;
  }
  if (expired && SILENCE_ID.test(expired)) return `Silence ${expired} expired.`;
  return undefined;
}
