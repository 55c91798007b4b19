/**
 * Reads routes.yaml the way Alertmanager's yaml.v2 does, into plain values
 * for the schema. yaml.v2 speaks YAML 1.1 (`yes`/`on` are booleans, `<<`
 * merge keys work) and decodes any non-null scalar into a string field as
 * its source text: `receiver: 123` is the receiver "123" and
 * `match: {code: 0500}` matches "0500", not 500. So scalars that resolve to
 * something other than a string are kept as `RawScalar` (resolved value +
 * source text) and each schema field picks what it needs. A null value in a
 * mapping reads as an absent field, as in Go.
 */
import { isAlias, isMap, isScalar, isSeq, parseDocument, type Document, type Pair } from 'yaml';
import { err, ok, type Result } from '../util/result.js';
import type { ConfigError } from './config-error.js';

/** A plain scalar that resolved to a non-string (number, boolean, timestamp), with its source text. */
export class RawScalar {
  constructor(
    readonly value: unknown,
    readonly source: string,
  ) {}
}

/** The parsed document (for redaction) and its plain value tree (for the schema). */
export interface ParsedYaml {
  readonly doc: Document;
  readonly tree: unknown;
}

/** Nodes visited while expanding aliases; a guard against alias bombs. */
const MAX_NODES = 200_000;

class TooLarge extends Error {}

/** Parses YAML text; syntax errors come back as ConfigErrors with `line L:C`. */
export function parseYaml(text: string): Result<ParsedYaml, ConfigError[]> {
  const doc = parseDocument(text, { version: '1.1', merge: true, uniqueKeys: true, prettyErrors: true });
  if (doc.errors.length > 0) {
    return err(
      doc.errors.map((e) => {
        const message = e.code === 'MULTIPLE_DOCS' ? MULTIPLE_DOCS : e.message;
        return { path: '', message: syntaxMessage(message, e.linePos?.[0]) };
      }),
    );
  }
  try {
    const budget = { left: MAX_NODES };
    return ok({ doc, tree: toTree(doc.contents, doc, budget) });
  } catch (e) {
    if (e instanceof TooLarge) return err([{ path: '', message: e.message }]);
    throw e;
  }
}

// yaml.v2 silently ignores documents after the first; a second document in
// routes.yaml is almost surely a mistake, and it would escape redaction.
const MULTIPLE_DOCS = 'the config must be a single YAML document (found a second one after ---)';

function syntaxMessage(message: string, pos: { line: number; col: number } | undefined): string {
  const first = (message.split('\n')[0] ?? message).replace(/ at line \d+, column \d+:?$/, '');
  return pos ? `line ${pos.line}:${pos.col}: ${first}` : first;
}

/** The text of a scalar used as a string: strings as they are, other scalars as written. */
export function scalarText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (value instanceof RawScalar) return value.source;
  return undefined;
}

/**
 * The effective key/value pairs of a YAML mapping: its own keys, then keys
 * brought in by `<<` merge keys that it does not define itself (earlier merge
 * sources win), each key once.
 */
export function mapEntries(map: unknown, doc: Document, merging: Set<unknown> = new Set()): [string, unknown][] {
  const target = resolveAlias(map, doc);
  if (!isMap(target)) return [];
  if (merging.has(target)) throw new TooLarge('a merge key (<<) refers to a mapping that merges it (a cycle)');
  const own = new Map<string, unknown>();
  const merged: unknown[] = [];
  for (const pair of target.items as Pair<unknown, unknown>[]) {
    if (isMergeKey(pair.key)) merged.push(pair.value);
    else own.set(keyText(pair.key), pair.value);
  }
  for (const source of merged) {
    const resolved = resolveAlias(source, doc);
    const maps = isSeq(resolved) ? resolved.items : [resolved];
    merging.add(target);
    for (const m of maps) {
      for (const [key, value] of mapEntries(m, doc, merging)) if (!own.has(key)) own.set(key, value);
    }
    merging.delete(target);
  }
  return [...own.entries()];
}

/** Follows an alias (`*name`) to the node it points at. */
export function resolveAlias(node: unknown, doc: Document): unknown {
  let current = node;
  for (let hops = 0; isAlias(current) && hops < 100; hops++) current = current.resolve(doc);
  return current;
}

function isMergeKey(key: unknown): boolean {
  return isScalar(key) && typeof key.value === 'symbol' && key.value.description === '<<';
}

function keyText(key: unknown): string {
  if (isScalar(key)) {
    if (key.value === null) return '';
    return typeof key.value === 'string' ? key.value : (key.source ?? String(key.value));
  }
  return String(key);
}

function toTree(node: unknown, doc: Document, budget: { left: number }, open: Set<unknown> = new Set()): unknown {
  if (--budget.left < 0) throw new TooLarge('the document is too large after expanding aliases');
  const target = resolveAlias(node, doc);
  if (isScalar(target)) {
    if (target.value === null || target.value === undefined) return null;
    if (typeof target.value === 'string') return target.value;
    return new RawScalar(target.value, target.source ?? String(target.value));
  }
  if (!isSeq(target) && !isMap(target)) return null;
  // An alias to a node it is inside of would expand for ever.
  if (open.has(target)) throw new TooLarge('an alias refers to a node that contains it (a cycle)');
  open.add(target);
  try {
    if (isSeq(target)) return target.items.map((item) => toTree(item, doc, budget, open));
    const out: Record<string, unknown> = {};
    for (const [key, value] of mapEntries(target, doc)) {
      const converted = toTree(value, doc, budget, open);
      // defineProperty: a key named __proto__ must stay a plain key.
      Object.defineProperty(out, key, { value: converted ?? undefined, enumerable: true, writable: true, configurable: true });
    }
    return out;
  } finally {
    open.delete(target);
  }
}

/** Narrowing helper for tree values: a YAML mapping. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof RawScalar);
}
