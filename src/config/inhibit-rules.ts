/**
 * Builds inhibit rules from the parsed `inhibit_rules:` list. Source and
 * target matchers each combine the three styles in Alertmanager's order:
 * `*_match` (equality), `*_match_re` (anchored regex), `*_matchers`.
 */
import type { RawInhibitRule } from './config-schema.js';
import type { InhibitRule } from './types.js';

/** One InhibitRule per entry, in file order. */
export function buildInhibitRules(raw: readonly RawInhibitRule[]): InhibitRule[] {
  return raw.map((r) => ({
    sourceMatchers: [...(r.source_match ?? []), ...(r.source_match_re ?? []), ...(r.source_matchers ?? [])],
    targetMatchers: [...(r.target_match ?? []), ...(r.target_match_re ?? []), ...(r.target_matchers ?? [])],
    equal: r.equal ?? [],
  }));
}
