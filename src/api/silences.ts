/**
 * Alertmanager's silence endpoints: POST/GET /api/v2/silences, GET/DELETE
 * /api/v2/silence/{id}. Reads need the read scope, writes the silence scope.
 */
import { Hono } from 'hono';
import { parseMatchers } from '../matcher/index.js';
import { gettableSilence, silenceMatchesFilter, sortSilences } from '../silence/gettable.js';
import { postableSilenceSchema } from '../silence/postable.js';
import { HttpError } from './http-error.js';
import { parseJson } from '../util/parse-json.js';
import { readJsonBody } from './read-body.js';
import { requireScope } from './require-scope.js';
import { silencesStub } from './shards.js';

export const silencesApi = new Hono<{ Bindings: Env }>();

silencesApi.post('/silences', requireScope('silence'), async (c) => {
  const posted = parseJson(await readJsonBody(c.req.raw), postableSilenceSchema, 'silence');
  if (!posted.ok) throw new HttpError(posted.error.status, posted.error.body.message, posted.error.body);
  const result = await silencesStub(c.env).upsert(posted.value);
  if (!result.ok) throw new HttpError(result.error.status, result.error.message, result.error.message);
  return c.json({ silenceID: result.value.id });
});

silencesApi.get('/silences', requireScope('read'), async (c) => {
  const filter = c.req.queries('filter')?.flatMap((text) => {
    const parsed = parseMatchers(text);
    if (!parsed.ok) throw new HttpError(400, `bad filter "${text}": ${parsed.error}`, parsed.error);
    return parsed.value;
  });
  const now = Date.now();
  const silences = (await silencesStub(c.env).list()).filter((s) => silenceMatchesFilter(s, filter ?? []));
  return c.json(sortSilences(silences, now).map((s) => gettableSilence(s, now)));
});

silencesApi.get('/silence/:id', requireScope('read'), async (c) => {
  const silence = (await silencesStub(c.env).list()).find((s) => s.id === c.req.param('id'));
  if (!silence) throw new HttpError(404, `silence ${c.req.param('id')} not found`);
  return c.json(gettableSilence(silence, Date.now()));
});

silencesApi.delete('/silence/:id', requireScope('silence'), async (c) => {
  const result = await silencesStub(c.env).expire(c.req.param('id'));
  if (!result.ok) throw new HttpError(result.error.status, result.error.message, result.error.message);
  return c.body(null, 200);
});
