/**
 * redactedOriginal: the config text as written (comments, order and layout
 * kept, for GET /api/v2/status) with `<secret>` in place of every secret
 * field's value and of every value that uses a `${NAME}` reference. It is
 * made from the parsed document by replacing the source range of each such
 * scalar in the original text, so nothing else changes; an alias to a secret
 * redacts the anchored value it points to. Resolved secret values are never
 * involved: the text only ever holds the references.
 */
import { isMap, isScalar, isSeq, type Document, type Scalar } from 'yaml';
import type { YamlPath } from './config-error.js';
import { isSecretField } from './secret-fields.js';
import { hasSecretReference } from './secrets.js';
import { mapEntries, resolveAlias } from './yaml-tree.js';

/** The placeholder Alertmanager prints for secrets. */
export const SECRET_PLACEHOLDER = '<secret>';

const MAX_DEPTH = 200;

/** Returns `text` with secret values replaced by `<secret>`; `doc` must be `text` parsed. */
export function redactConfigText(text: string, doc: Document): string {
  const targets = new Set<Scalar>();
  collect(doc.contents, [], doc, targets);
  const ranges = [...targets]
    .map((node) => node.range)
    .filter((r): r is [number, number, number] => Array.isArray(r))
    .sort((a, b) => b[0] - a[0]);
  let out = text;
  for (const [start, end] of ranges) {
    const replaced = out.slice(start, end);
    // Block scalars (`|`) own their final line break; keep it.
    const trailing = /\r?\n\s*$/.exec(replaced)?.[0] ?? '';
    out = out.slice(0, start) + SECRET_PLACEHOLDER + trailing + out.slice(end);
  }
  return out;
}

function collect(node: unknown, path: YamlPath, doc: Document, targets: Set<Scalar>, depth = 0): void {
  if (depth > MAX_DEPTH) return;
  const target = resolveAlias(node, doc);
  if (isScalar(target)) {
    if (shouldRedact(target, path)) targets.add(target);
  } else if (isSeq(target)) {
    target.items.forEach((item, i) => collect(item, [...path, i], doc, targets, depth + 1));
  } else if (isMap(target)) {
    for (const [key, value] of mapEntries(target, doc)) collect(value, [...path, key], doc, targets, depth + 1);
  }
}

function shouldRedact(node: Scalar, path: YamlPath): boolean {
  const value = node.value;
  if (value === null || value === undefined || value === '') return false;
  if (typeof value === 'string' && hasSecretReference(value)) return true;
  return isSecretField(path);
}
