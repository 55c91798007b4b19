/**
 * POST /api/v1/slack/interactions: Slack's interactivity request URL. The
 * "Acknowledge" button on incident pages lands here. The request is
 * authenticated by Slack's signature (SLACK_SIGNING_SECRET, five-minute
 * replay window), not by a token; a bad or stale signature is 401. Slack
 * shows the answer to the person who clicked.
 */
import { Hono } from 'hono';
import { parseSlackInteraction, verifySlackSignature } from '../notify/slack/interaction.js';
import { runtimeConfig } from '../durable/runtime-config.js';
import { HttpError } from './http-error.js';
import { oncallStub } from './shards.js';

export const slackInteractionsApi = new Hono<{ Bindings: Env }>();

/** Slack's interaction payloads are a few kilobytes. */
const MAX_INTERACTION_BYTES = 64 * 1024;

const PAST = { ack: 'acknowledged', unack: 'un-acknowledged', resolve: 'resolved' } as const;

slackInteractionsApi.post('/interactions', async (c) => {
  const signingSecret = (c.env as unknown as Record<string, unknown>).SLACK_SIGNING_SECRET;
  if (typeof signingSecret !== 'string' || signingSecret.trim() === '') {
    throw new HttpError(404, 'Slack interactivity is not enabled: set the SLACK_SIGNING_SECRET secret to the Slack app\'s signing secret');
  }
  if (Number(c.req.header('Content-Length') ?? 0) > MAX_INTERACTION_BYTES) throw new HttpError(413, `body larger than ${MAX_INTERACTION_BYTES} bytes`);
  const rawBody = await c.req.text();
  if (rawBody.length > MAX_INTERACTION_BYTES) throw new HttpError(413, `body larger than ${MAX_INTERACTION_BYTES} bytes`);
  const verified = await verifySlackSignature({
    signingSecret,
    timestamp: c.req.header('X-Slack-Request-Timestamp') ?? '',
    signature: c.req.header('X-Slack-Signature') ?? '',
    rawBody,
    now: Date.now(),
  });
  if (!verified.ok) throw new HttpError(401, verified.error);
  const interaction = parseSlackInteraction(rawBody);
  if (!interaction.ok) throw new HttpError(400, interaction.error);
  const { action, incidentId, user } = interaction.value;
  const person = [...runtimeConfig(c.env).oncall.people.values()].find((p) => p.slack === user.id);
  const name = person?.name ?? `${user.name ?? user.id} (Slack ${user.id})`;
  const result = await oncallStub(c.env).act(incidentId, action, { name, via: 'slack' });
  const text = result.ok ? `Incident ${incidentId} ${PAST[action]} by ${name}.` : `Could not ${action} incident ${incidentId}: ${result.error.message}`;
  return c.json({ response_type: 'ephemeral', replace_original: false, text });
});
