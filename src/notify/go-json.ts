/**
 * JSON as Go's encoding/json writes it, so bodies match Alertmanager's byte
 * for byte: `<`, `>`, `&`, U+2028 and U+2029 escaped as \uXXXX, and a
 * trailing newline (json.Encoder). Map keys must already be in the order
 * wanted; `sortedKeys` gives Go's order for maps.
 */

const GO_ESCAPES: Record<string, string> = {
  '<': '\\u003c',
  '>': '\\u003e',
  '&': '\\u0026',
  '\u2028': '\\u2028',
  '\u2029': '\\u2029',
};

/**
 * Encodes a value like Go's json.Encoder with HTML escaping on. JSON.stringify
 * already escapes control characters; Go spells \b and \f as \u0008 and \u000c.
 */
export function goJson(value: unknown): string {
  const json = JSON.stringify(value)
    .replace(/[<>&\u2028\u2029]/g, (c) => GO_ESCAPES[c] ?? c)
    .replace(/(?<!\\)((?:\\\\)*)\\([bf])/g, (_m, slashes: string, c: string) => `${slashes}\\u000${c === 'b' ? '8' : 'c'}`);
  return `${json}\n`;
}

/** A copy of a string map with keys in Go's (byte-wise) sorted order, as Go encodes maps. */
export function sortedKeys(map: Readonly<Record<string, string>>): Record<string, string> {
  const sorted: Record<string, string> = {};
  for (const key of Object.keys(map).sort()) sorted[key] = map[key] ?? '';
  return sorted;
}

/** `{key: value}`, or nothing for "": a string field tagged `omitempty`, spread into an object literal. */
export function omitEmpty<K extends string>(key: K, value: string): { [P in K]?: string } {
  return (value === '' ? {} : { [key]: value }) as { [P in K]?: string };
}
