/**
 * Alertmanager 0.25's template.KV (labels and annotations), Pair and Pairs,
 * with their methods as template/template.go defines them. KV is a
 * map[string]string: ranging over it visits keys in Go's byte order, and a
 * missing key is "" (Alertmanager executes with missingkey=zero).
 */
import { compareGoStrings } from '../../matcher/go-compare.js';
import { goTypeInfo, typeName } from '../values.js';

/** A []string for templates (what Names, Values and stringSlice return). */
export function stringSlice(items: string[]): string[] {
  return Object.defineProperty(items, goTypeInfo, { value: { name: '[]string' } });
}

/** template.Pair: one label or annotation. */
export class Pair {
  constructor(
    readonly Name: string,
    readonly Value: string,
  ) {}
}
Object.defineProperty(Pair.prototype, goTypeInfo, { value: { name: 'template.Pair' } });

/** template.Pairs: a list of pairs. */
export class Pairs extends Array<Pair> {
  static override get [Symbol.species](): ArrayConstructor {
    return Array;
  }

  Names(): string[] {
    const names: string[] = [];
    for (const p of this) names.push(p.Name);
    return stringSlice(names);
  }

  Values(): string[] {
    const values: string[] = [];
    for (const p of this) values.push(p.Value);
    return stringSlice(values);
  }
}
Object.defineProperty(Pairs.prototype, goTypeInfo, { value: { name: 'template.Pairs' } });

/** template.KV: a set of key/value string pairs. */
export class KV extends Map<string, string> {
  /** A KV of a plain record. */
  static of(record: Readonly<Record<string, string>>): KV {
    return new KV(Object.entries(record));
  }

  /** The pairs sorted by name, except that `alertname` comes first. */
  SortedPairs(): Pairs {
    const names: string[] = [];
    for (const k of this.keys()) if (k !== 'alertname') names.push(k);
    names.sort(compareGoStrings);
    if (this.has('alertname')) names.unshift('alertname');
    const pairs = new Pairs();
    for (const name of names) pairs.push(new Pair(name, this.get(name) ?? ''));
    return pairs;
  }

  /** A copy without the given keys. */
  Remove(keys: string[]): KV {
    if (!Array.isArray(keys)) throw new Error(`wrong type for value; expected []string; got ${typeName(keys)}`);
    const drop = new Set(keys);
    const res = new KV();
    for (const [k, v] of this) if (!drop.has(k)) res.set(k, v);
    return res;
  }

  /** The names, in SortedPairs order. */
  Names(): string[] {
    return this.SortedPairs().Names();
  }

  /** The values, in SortedPairs order. */
  Values(): string[] {
    return this.SortedPairs().Values();
  }
}
Object.defineProperty(KV.prototype, goTypeInfo, { value: { name: 'template.KV', elemZero: '' } });
