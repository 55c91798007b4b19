/**
 * A click on an edgealert button, as Slack's interactivity request reports
 * it: the request is checked against the app's signing secret, then its
 * `payload` is read. Both payload styles are understood: `block_actions`
 * (Block Kit buttons: action_id and value) and the legacy
 * `interactive_message` of attachment buttons (name and value), which is
 * what edgealert's pages carry.
 * https://api.slack.com/authentication/verifying-requests-from-slack
 * https://api.slack.com/interactivity/handling#payloads
 */
import * as z from 'zod';
import { verifyHmacSha256 } from '../../util/hmac.js';
import { err, ok, type Result } from '../../util/result.js';
import { readIncidentAction, type SlackIncidentAction } from './incident-actions.js';

/** How far a request's timestamp may be from now, either way, before it counts as a replay. */
export const MAX_CLOCK_SKEW_MS = 5 * 60_000;

export interface SlackRequest {
  /** The app's signing secret. */
  readonly signingSecret: string;
  /** The X-Slack-Request-Timestamp header (seconds since the epoch). */
  readonly timestamp: string | null | undefined;
  /** The X-Slack-Signature header (`v0=` and 64 hex digits). */
  readonly signature: string | null | undefined;
  /** The request body exactly as received. */
  readonly rawBody: string;
  /** Milliseconds since the epoch. */
  readonly now: number;
}

/**
 * Whether Slack sent this request: the v0 signature is HMAC-SHA256 of
 * `v0:<timestamp>:<body>` under the signing secret, compared in constant
 * time; a timestamp more than 5 minutes from now is refused.
 */
export async function verifySlackSignature(request: SlackRequest): Promise<Result<void, string>> {
  const { timestamp, signature } = request;
  if (request.signingSecret === '') return err('no Slack signing secret is configured');
  if (!timestamp) return err('missing X-Slack-Request-Timestamp header');
  if (!/^\d{1,12}$/.test(timestamp)) return err('malformed X-Slack-Request-Timestamp header: expected seconds since the epoch');
  if (Math.abs(request.now - Number(timestamp) * 1000) > MAX_CLOCK_SKEW_MS) return err('X-Slack-Request-Timestamp is more than 5 minutes from now');
  if (!signature) return err('missing X-Slack-Signature header');
  const digest = /^v0=([0-9a-fA-F]{64})$/.exec(signature)?.[1];
  if (!digest) return err('malformed X-Slack-Signature header: expected v0= and 64 hex digits');
  const matches = await verifyHmacSha256(request.signingSecret, `v0:${timestamp}:${request.rawBody}`, fromHex(digest));
  return matches ? ok(undefined) : err('X-Slack-Signature does not match the request');
}

export interface SlackInteraction {
  readonly action: SlackIncidentAction;
  readonly incidentId: string;
  /** Who clicked (Slack user id, and name when Slack sent one). */
  readonly user: { readonly id: string; readonly name?: string };
  /** Where to post a reply that replaces or follows the message. */
  readonly responseUrl?: string;
}

const INTERACTION_TYPES = ['block_actions', 'interactive_message'] as const;

const userSchema = z.object({ id: z.string().min(1), name: z.string().optional(), username: z.string().optional() });
const common = { user: userSchema, response_url: z.string().optional() };
const payloadSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('block_actions'), ...common, actions: z.array(z.object({ action_id: z.string(), value: z.string().optional() })).min(1) }),
  z.object({ type: z.literal('interactive_message'), ...common, callback_id: z.string(), actions: z.array(z.object({ name: z.string(), value: z.string().optional() })).min(1) }),
]);

/** The edgealert button a (verified) interactivity request reports a click on; any other interaction is an error saying what it was. */
export function parseSlackInteraction(rawBody: string): Result<SlackInteraction, string> {
  const json = payloadJson(rawBody);
  if (!json.ok) return json;
  const type = z.object({ type: z.string() }).safeParse(json.value);
  if (!type.success) return err('the payload has no type');
  if (!(INTERACTION_TYPES as readonly string[]).includes(type.data.type)) return err(`not a button click (interaction type ${JSON.stringify(type.data.type)})`);
  const parsed = payloadSchema.safeParse(json.value);
  if (!parsed.success) return err(`malformed ${type.data.type} payload: ${describeIssue(parsed.error.issues[0])}`);
  const payload = parsed.data;
  const [first] = payload.actions;
  const name = first && ('action_id' in first ? first.action_id : first.name);
  const clicked = first && name !== undefined ? readIncidentAction(name, first.value ?? '') : undefined;
  if (!clicked) return err(`not an edgealert incident button (action ${JSON.stringify(name)}, value ${JSON.stringify(first?.value ?? '')})`);
  const userName = payload.user.username ?? payload.user.name;
  return ok({
    ...clicked,
    user: { id: payload.user.id, ...(userName ? { name: userName } : {}) },
    ...(payload.response_url ? { responseUrl: payload.response_url } : {}),
  });
}

/** The form body's `payload` field, parsed as JSON. */
function payloadJson(rawBody: string): Result<unknown, string> {
  const payload = new URLSearchParams(rawBody).get('payload');
  if (payload === null) return err('no payload field in the form body');
  try {
    return ok(JSON.parse(payload) as unknown);
  } catch {
    return err('the payload field is not JSON');
  }
}

function describeIssue(issue: z.core.$ZodIssue | undefined): string {
  if (!issue) return 'invalid';
  return issue.path.length > 0 ? `${issue.path.map(String).join('.')}: ${issue.message}` : issue.message;
}

function fromHex(hex: string): Uint8Array {
  return Uint8Array.from(hex.match(/../g) ?? [], (pair) => parseInt(pair, 16));
}
