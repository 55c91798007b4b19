/**
 * Who is on call: GET /api/v1/oncall[?schedule=NAME][&at=RFC3339] (read
 * scope) answers for one schedule or all of them, now or at any instant,
 * with the next handoffs. Overrides: GET /api/v1/overrides[?schedule=NAME]
 * (read), POST /api/v1/overrides {schedule, person, start, end} and DELETE
 * /api/v1/overrides/{id} (ack scope: responders swap shifts).
 */
import { Hono } from 'hono';
import { parseTime } from '../alert/time.js';
import { nextHandoffs, onCallAt, type OnCallAnswer } from '../oncall/index.js';
import { validateOverrideInput, type Override } from '../oncall/override.js';
import { HttpError } from './http-error.js';
import { readJsonBody } from './read-body.js';
import { requireScope } from './require-scope.js';
import { runtimeConfig } from '../durable/runtime-config.js';
import { oncallStub } from './shards.js';

export const oncallApi = new Hono<{ Bindings: Env }>();

/** Handoffs listed after the current shift. */
const NEXT_HANDOFFS = 3;

oncallApi.get('/oncall', requireScope('read'), async (c) => {
  const config = runtimeConfig(c.env);
  const at = instantParam(c.req.query('at'));
  const name = c.req.query('schedule');
  if (name !== undefined && !config.oncall.schedules.has(name)) throw new HttpError(404, `schedule ${JSON.stringify(name)} not found`);
  const names = name === undefined ? [...config.oncall.schedules.keys()] : [name];
  const overrides = await oncallStub(c.env).overrides();
  const answers = names.flatMap((schedule) => {
    const rules = config.oncall.schedules.get(schedule);
    if (!rules) return [];
    const own = overrides.filter((o) => o.schedule === schedule);
    const handoffs = nextHandoffs(rules, own, at, NEXT_HANDOFFS).map((h) => ({ at: new Date(h.at).toISOString(), from: answerView(h.from), to: answerView(h.to) }));
    return { schedule, at: new Date(at).toISOString(), oncall: answerView(onCallAt(rules, own, at)), nextHandoffs: handoffs };
  });
  return c.json(name === undefined ? answers : answers[0]);
});

oncallApi.get('/overrides', requireScope('read'), async (c) => {
  const schedule = c.req.query('schedule');
  if (schedule !== undefined && !runtimeConfig(c.env).oncall.schedules.has(schedule)) throw new HttpError(404, `schedule ${JSON.stringify(schedule)} not found`);
  return c.json(await oncallStub(c.env).overrides(schedule));
});

oncallApi.post('/overrides', requireScope('ack'), async (c) => {
  const text = await readJsonBody(c.req.raw);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new HttpError(400, 'body is not valid JSON');
  }
  const now = Date.now();
  const input = validateOverrideInput(json, runtimeConfig(c.env).oncall, now);
  if (!input.ok) throw new HttpError(400, input.error);
  const override: Override = { ...input.value, id: crypto.randomUUID(), createdAt: now, createdBy: 'API client' };
  await oncallStub(c.env).addOverride(override);
  return c.json(override, 201);
});

oncallApi.delete('/overrides/:id', requireScope('ack'), async (c) => {
  if (!(await oncallStub(c.env).removeOverride(c.req.param('id')))) throw new HttpError(404, `override ${JSON.stringify(c.req.param('id'))} not found`);
  return c.body(null, 204);
});

/** `at=` as epoch ms; now when absent. */
function instantParam(text: string | undefined): number {
  if (text === undefined) return Date.now();
  const ms = parseTime(text);
  if (ms === null) throw new HttpError(400, `bad at ${JSON.stringify(text)}: expected an RFC 3339 time such as 2026-11-25T09:00:00Z`);
  return ms;
}

/** An answer with its times in RFC 3339. */
function answerView(answer: OnCallAnswer | null) {
  return answer && { ...answer, from: new Date(answer.from).toISOString(), until: new Date(answer.until).toISOString() };
}
