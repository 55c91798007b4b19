/**
 * Times in timelines are written relative to the moment a step runs, so the
 * same timeline gives both peers the same relative timestamps:
 * `now`, `now+5m`, `now-1h30m`, `now+1500ms`, an absolute RFC 3339 string
 * (passed through unchanged, e.g. amtool's `0001-01-01T00:00:00.000Z`), or a
 * function of the step's instant (e.g. to pick the millisecond digits).
 */

const UNIT_MS = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000, y: 31_536_000_000 } as const;
type Unit = keyof typeof UNIT_MS;

/** A relative (`now`, `now±<duration>`) or absolute time, or one computed from the step's instant (ms). */
export type TimeExpression = 'now' | `now+${string}` | `now-${string}` | (string & {}) | ((nowMs: number) => string);

/** Parses a Prometheus duration (`1h30m`, `500ms`, `2d`) into milliseconds; throws if malformed. */
export function parseDuration(text: string): number {
  const parts = [...text.matchAll(/(\d+)(ms|s|m|h|d|w|y)/g)];
  if (parts.length === 0 || parts.map((p) => p[0]).join('') !== text) throw new Error(`not a duration: "${text}"`);
  return parts.reduce((sum, [, amount, unit]) => sum + Number(amount) * UNIT_MS[unit as Unit], 0);
}

/** Resolves `expression` against `nowMs` to an ISO string with millisecond precision. */
export function resolveTime(expression: TimeExpression, nowMs: number): string {
  if (typeof expression === 'function') return expression(nowMs);
  const relative = /^now(?:([+-])(.+))?$/.exec(expression);
  if (relative === null) return expression;
  const [, sign, duration] = relative;
  const offset = duration === undefined ? 0 : parseDuration(duration) * (sign === '-' ? -1 : 1);
  return new Date(nowMs + offset).toISOString();
}
