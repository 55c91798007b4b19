/** Label sets and matchers as chips (`name="value"`); every value is text, never markup. */
import { formatMatcher, type Matcher } from '../../matcher/index.js';

/** Labels as `name="value"` chips, in the order given. */
export function LabelChips({ labels, label }: { labels: Readonly<Record<string, string>>; label?: string }) {
  return (
    <ul class="chips" aria-label={label ?? 'labels'}>
      {Object.entries(labels).map(([name, value]) => (
        <li class="chip">{formatMatcher({ name, type: '=', value })}</li>
      ))}
    </ul>
  );
}

/** Matchers as chips (`name=~"value"`). */
export function MatcherChips({ matchers }: { matchers: readonly Matcher[] }) {
  return (
    <ul class="chips" aria-label="matchers">
      {matchers.map((m) => (
        <li class="chip">{formatMatcher(m)}</li>
      ))}
    </ul>
  );
}
