/** Label sets as the CLI takes them: `name=value` arguments, or lines of a file. */
import { isValidLabelName } from '../alert/label-set.js';
import type { LabelSet } from '../alert/labels.js';
import { err, ok, type Result } from '../util/result.js';

/** `alertname=Disk severity=critical` (values may be quoted) into a label set. */
export function parseLabelArgs(args: readonly string[]): Result<LabelSet> {
  const labels: Record<string, string> = {};
  for (const arg of args) {
    const eq = arg.indexOf('=');
    if (eq <= 0) return err(`bad label "${arg}": expected name=value`);
    const name = arg.slice(0, eq);
    if (!isValidLabelName(name)) return err(`bad label "${arg}": invalid label name "${name}"`);
    labels[name] = unquote(arg.slice(eq + 1));
  }
  return ok(labels);
}

/**
 * A file of sample label sets: one per line, either a JSON object or
 * `name=value` pairs separated by spaces or commas; blank lines and # comments skipped.
 */
export function parseLabelFile(text: string): Result<LabelSet[]> {
  const sets: LabelSet[] = [];
  for (const [i, raw] of text.split('\n').entries()) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const parsed = line.startsWith('{') ? parseJsonLine(line) : parseLabelArgs(line.split(/[\s,]+/).filter(Boolean));
    if (!parsed.ok) return err(`line ${i + 1}: ${parsed.error}`);
    sets.push(parsed.value);
  }
  return ok(sets);
}

function parseJsonLine(line: string): Result<LabelSet> {
  try {
    const value = JSON.parse(line) as unknown;
    if (typeof value !== 'object' || value === null || Object.values(value).some((v) => typeof v !== 'string')) {
      return err('expected a JSON object of string values');
    }
    return ok(value as LabelSet);
  } catch (e) {
    return err(`bad JSON: ${(e as Error).message}`);
  }
}

function unquote(value: string): string {
  return value.length >= 2 && value.startsWith('"') && value.endsWith('"') ? value.slice(1, -1) : value;
}
