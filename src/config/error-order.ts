/**
 * Orders config errors the way a reader meets them: by where their path
 * points in the file. Errors come from several passes (secrets, schema,
 * whole-config checks); sorted, a root-route problem is listed before a
 * problem in its third child, whatever pass found it.
 */
import { isMap, isSeq, type Document } from 'yaml';
import type { ConfigError } from './config-error.js';
import { mapEntries, resolveAlias } from './yaml-tree.js';

/** Returns the errors sorted by the source offset of their paths (stable; unknown paths sort by their nearest known parent). */
export function sortByDocumentOrder(errors: readonly ConfigError[], doc: Document): ConfigError[] {
  return errors
    .map((error, index) => ({ error, index, offset: pathOffset(doc, error.path) }))
    .sort((a, b) => a.offset - b.offset || a.index - b.index)
    .map((e) => e.error);
}

/** Splits `a.b[0].c` back into segments. */
function parsePath(path: string): (string | number)[] {
  return [...path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)].map((m) => (m[2] !== undefined ? Number(m[2]) : (m[1] ?? '')));
}

function pathOffset(doc: Document, path: string): number {
  let node: unknown = doc.contents;
  let offset = 0;
  for (const seg of parsePath(path)) {
    const target = resolveAlias(node, doc);
    let next: unknown;
    if (typeof seg === 'number' && isSeq(target)) next = target.items[seg];
    else if (typeof seg === 'string' && isMap(target)) next = mapEntries(target, doc).find(([key]) => key === seg)?.[1];
    const range = (resolveAlias(next, doc) as { range?: [number, number, number] } | undefined)?.range;
    if (!range) break;
    node = next;
    offset = range[0];
  }
  return offset;
}
