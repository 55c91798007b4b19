/**
 * Inhibition (Alertmanager's inhibit package): an alert matching a rule's
 * target matchers is muted while some unresolved alert matching its source
 * matchers has the same values for every `equal` label (a label missing on
 * both sides counts as equal). When the target also matches the source
 * matchers, sources that also match the target matchers do not count, so an
 * alert never inhibits itself and two alerts never inhibit each other.
 */
import type { LabelSet } from '../alert/labels.js';
import { isResolvedAt, type Alert } from '../alert/types.js';
import type { InhibitRule } from '../config/types.js';
import { matchesLabels } from '../matcher/index.js';

/** Answers "is this alert inhibited, and by which alert" for one moment. */
export interface Inhibitor {
  /** Fingerprints of the alert inhibiting these labels (empty when not inhibited). */
  inhibitedBy(labels: LabelSet): string[];
}

/** Indexes the unresolved source alerts of every rule at `now`. */
export function buildInhibitor(rules: readonly InhibitRule[], alerts: Iterable<Alert>, now: number): Inhibitor {
  const sources = rules.map(() => [] as Alert[]);
  if (rules.length > 0) {
    for (const alert of alerts) {
      if (isResolvedAt(alert, now)) continue;
      rules.forEach((rule, i) => {
        if (matchesLabels(rule.sourceMatchers, alert.labels)) sources[i]?.push(alert);
      });
    }
    // Deterministic choice of the reported source.
    for (const list of sources) list.sort((a, b) => (a.fingerprint < b.fingerprint ? -1 : 1));
  }
  return {
    inhibitedBy(labels) {
      for (const [i, rule] of rules.entries()) {
        if (!matchesLabels(rule.targetMatchers, labels)) continue;
        const twoSided = matchesLabels(rule.sourceMatchers, labels);
        const source = sources[i]?.find(
          (s) =>
            rule.equal.every((name) => (s.labels[name] ?? '') === (labels[name] ?? '')) &&
            !(twoSided && matchesLabels(rule.targetMatchers, s.labels)),
        );
        if (source) return [source.fingerprint];
      }
      return [];
    },
  };
}

/** No rules: nothing is ever inhibited. */
export const NO_INHIBITION: Inhibitor = { inhibitedBy: () => [] };
