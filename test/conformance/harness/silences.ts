/**
 * Silences in a timeline: created (POST /api/v2/silences) or expired
 * (DELETE /api/v2/silence/{id}) on each peer at a step, the way amtool does.
 * Each peer assigns its own id, so one `PairedSilence` remembers the id per
 * peer and the expire step finds the right one.
 *
 *   const silence = pairedSilence({ matchers: [eq('scenario', 'x'), re('team', 'db|cache')] });
 *   await pair.run([silence.create(0), { at: 200, push: [...] }, silence.expire(2_000)], options);
 */
import type { RunningPeer } from './peer-process.js';
import { resolveTime, type TimeExpression } from './time-expression.js';
import type { TimelineStep } from './timeline.js';

/** One matcher as API v2 takes it. */
export interface SilenceMatcher {
  readonly name: string;
  readonly value: string;
  readonly isRegex: boolean;
  readonly isEqual: boolean;
}

/** `name="value"`, `name!="value"`, `name=~"re"`, `name!~"re"`. */
export const eq = (name: string, value: string): SilenceMatcher => ({ name, value, isRegex: false, isEqual: true });
export const ne = (name: string, value: string): SilenceMatcher => ({ name, value, isRegex: false, isEqual: false });
export const re = (name: string, value: string): SilenceMatcher => ({ name, value, isRegex: true, isEqual: true });
export const nre = (name: string, value: string): SilenceMatcher => ({ name, value, isRegex: true, isEqual: false });

export interface SilenceSpec {
  readonly matchers: readonly SilenceMatcher[];
  /** Relative to the moment the step runs on the peer; default `now` and `now+1h`. */
  readonly startsAt?: TimeExpression;
  readonly endsAt?: TimeExpression;
  readonly comment?: string;
}

/** POSTs a silence to the peer and returns its id; throws unless the peer answers 200. */
export async function createSilence(peer: RunningPeer, spec: SilenceSpec, nowMs = Date.now()): Promise<string> {
  const response = await fetch(`${peer.url}/api/v2/silences`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      matchers: spec.matchers,
      startsAt: resolveTime(spec.startsAt ?? 'now', nowMs),
      endsAt: resolveTime(spec.endsAt ?? 'now+1h', nowMs),
      createdBy: 'conformance',
      comment: spec.comment ?? 'conformance test',
    }),
  });
  const text = await response.text();
  if (response.status !== 200) throw new Error(`POST /api/v2/silences on ${peer.url}: ${response.status} ${text}`);
  return (JSON.parse(text) as { silenceID: string }).silenceID;
}

/** DELETEs (expires) a silence on the peer; throws unless the peer answers 200. */
export async function expireSilence(peer: RunningPeer, id: string): Promise<void> {
  const response = await fetch(`${peer.url}/api/v2/silence/${encodeURIComponent(id)}`, { method: 'DELETE' });
  const text = await response.text();
  if (response.status !== 200) throw new Error(`DELETE /api/v2/silence/${id} on ${peer.url}: ${response.status} ${text}`);
}

/** One silence on both peers of a pair: timeline steps that create and expire it. */
export interface PairedSilence {
  /** A step creating the silence at `at` ms (startsAt/endsAt relative to when it runs). */
  create(at: number): TimelineStep;
  /** A step expiring it at `at` ms on the peer it was created on. */
  expire(at: number): TimelineStep;
  /** The id each peer gave it, by peer URL. */
  readonly ids: ReadonlyMap<string, string>;
}

export function pairedSilence(spec: SilenceSpec): PairedSilence {
  const ids = new Map<string, string>();
  return {
    ids,
    create: (at) => ({
      at,
      run: async (peer) => {
        ids.set(peer.url, await createSilence(peer, spec));
      },
    }),
    expire: (at) => ({
      at,
      run: async (peer) => {
        const id = ids.get(peer.url);
        if (id === undefined) throw new Error(`no silence created on ${peer.url} before expiring it`);
        await expireSilence(peer, id);
      },
    }),
  };
}
