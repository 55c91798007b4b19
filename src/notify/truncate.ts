/**
 * Alertmanager's length limits on vendor fields (notify/util.go): a text
 * longer than the limit keeps its first limit-1 characters and ends with
 * "…". Characters are Unicode code points (Go's runes).
 */

/** The marker Alertmanager puts at the end of a truncated text. */
export const TRUNCATION_MARKER = '…';

/** `text` cut to at most `max` code points, ending in "…" when cut (TruncateInRunes). */
export function truncateInRunes(text: string, max: number): { readonly text: string; readonly truncated: boolean } {
  const runes = [...text];
  if (runes.length <= max) return { text, truncated: false };
  if (max <= 3) return { text: runes.slice(0, max).join(''), truncated: true };
  return { text: runes.slice(0, max - 1).join('') + TRUNCATION_MARKER, truncated: true };
}
