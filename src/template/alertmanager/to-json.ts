/**
 * `toJson` (Alertmanager 0.30+): Go's json.Marshal of a template value.
 * Maps (KV, plain objects) with keys in Go's byte order; Data and Alert
 * with their json tags (`receiver`, `startsAt`, ...); other structs with
 * their field names; times as RFC 3339 with the fraction Go keeps;
 * durations as nanoseconds. Strings are escaped as Go escapes them (`<`,
 * `>`, `&` as \u003c...). NaN and infinities are errors, as in Go.
 */
import { goJson } from '../../notify/go-json.js';
import { GoFloat, kindOf, sortedMapKeys, mapLookup, type GoMap } from '../values.js';
import { Alert, Data } from './data.js';
import { GoDuration } from './go-duration.js';
import { GoTime } from './go-time.js';

const RFC3339_NANO = '2006-01-02T15:04:05.999999999Z07:00';

/** Go's json.Marshal(value), without a trailing newline. */
export function toJson(value: unknown): string {
  return marshal(value);
}

function marshal(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (v instanceof GoTime) return quote(v.Format(RFC3339_NANO));
  if (v instanceof GoDuration) return String(GoDuration.millis(v) * 1_000_000);
  if (v instanceof GoFloat) return number(v.value);
  if (v instanceof Data || v instanceof Alert) return struct(v, (name) => name.charAt(0).toLowerCase() + name.slice(1));
  switch (typeof v) {
    case 'string':
      return quote(v);
    case 'number':
      return number(v);
    case 'bigint':
      return String(v);
    case 'boolean':
      return String(v);
    case 'function':
      throw new Error('json: unsupported type: func()');
  }
  switch (kindOf(v)) {
    case 'slice':
      return `[${(v as unknown[]).map(marshal).join(',')}]`;
    case 'map': {
      const map = v as GoMap;
      const members = sortedMapKeys(map).map((k) => `${quote(String(k))}:${marshal(mapLookup(map, k).value)}`);
      return `{${members.join(',')}}`;
    }
    default:
      return struct(v as object, (name) => name);
  }
}

/** Exported own fields in declaration order, named by `key`. */
function struct(v: object, key: (field: string) => string): string {
  const members: string[] = [];
  for (const [name, value] of Object.entries(v)) {
    if (/^\p{Lu}/u.test(name)) members.push(`${quote(key(name))}:${marshal(value)}`);
  }
  return `{${members.join(',')}}`;
}

function number(n: number): string {
  if (!Number.isFinite(n)) throw new Error(`json: unsupported value: ${Number.isNaN(n) ? 'NaN' : n > 0 ? '+Inf' : '-Inf'}`);
  // Go and JavaScript switch to exponents at the same magnitudes (1e21, 1e-6) and spell them alike.
  return String(n);
}

function quote(s: string): string {
  return goJson(s).slice(0, -1);
}
