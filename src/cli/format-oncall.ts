/** How the CLI prints on-call answers and receivers, shared by `who` and `oncall`. */
import type { Config } from '../config/types.js';
import type { OnCallAnswer } from '../oncall/index.js';

/** `alice (rotation weekly)`, `frank (override 7c0e...)`, or `nobody`. */
export function formatOnCall(answer: OnCallAnswer | null): string {
  if (!answer) return 'nobody';
  const { source } = answer;
  return `${answer.person} (${source.kind === 'override' ? `override ${source.overrideId}` : `rotation ${source.rotation}`})`;
}

/** `pager (webhook), person:alice (email, slack)`: receivers with their integrations. */
export function formatReceivers(config: Config, names: readonly string[]): string {
  return names
    .map((name) => {
      const types = config.receivers.get(name)?.integrations.map((i) => i.type) ?? [];
      return `${name} (${types.join(', ') || 'no integrations'})`;
    })
    .join(', ');
}

/** The first line of `who` and `oncall`: the instant, and whether the service's live state (`liveParts`: "overrides") is in. */
export function stateHeader(at: string, liveUrl: string | undefined, liveParts: string): string {
  return liveUrl === undefined ? `at ${at} (config only; --url adds the service's ${liveParts}):` : `at ${at}, with the ${liveParts} of ${liveUrl}:`;
}
