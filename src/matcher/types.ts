/** The four label matcher operators, in Alertmanager's order (its sort uses this order). */
export const MATCH_TYPES = ['=', '!=', '=~', '!~'] as const;
export type MatchType = (typeof MATCH_TYPES)[number];

/** A label matcher as written in config and silences: `name op "value"`. */
export interface Matcher {
  readonly name: string;
  readonly type: MatchType;
  readonly value: string;
}
