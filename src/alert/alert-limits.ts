/**
 * The size limits on one alert (src/limits.ts): how many labels, how long a
 * label name or value, how large its annotations. An alert over one is
 * refused on its own, like any other invalid alert of a batch.
 */
import { MAX_ANNOTATIONS_BYTES, MAX_LABEL_NAME_LENGTH, MAX_LABEL_VALUE_LENGTH, MAX_LABELS_PER_ALERT } from '../limits.js';
import type { LabelSet } from './labels.js';

/** What limit the alert exceeds, or undefined when it is within all of them. */
export function alertLimitProblem(labels: LabelSet, annotations: LabelSet): string | undefined {
  const names = Object.keys(labels);
  if (names.length > MAX_LABELS_PER_ALERT) return `too many labels: ${names.length}, the limit is ${MAX_LABELS_PER_ALERT}`;
  for (const name of names) {
    const value = labels[name] ?? '';
    if (name.length > MAX_LABEL_NAME_LENGTH) return `label name "${name.slice(0, 32)}..." is ${name.length} characters long, the limit is ${MAX_LABEL_NAME_LENGTH}`;
    if (value.length > MAX_LABEL_VALUE_LENGTH) return `value of label "${name}" is ${value.length} characters long, the limit is ${MAX_LABEL_VALUE_LENGTH}`;
  }
  // UTF-8 takes at most 3 bytes per UTF-16 code unit, so bytes are only counted (which
  // allocates) when that bound is over the limit: every alert of every push passes here.
  let units = 0;
  for (const name of Object.keys(annotations)) units += name.length + (annotations[name]?.length ?? 0);
  if (units * 3 <= MAX_ANNOTATIONS_BYTES) return undefined;
  const encoder = new TextEncoder();
  let size = 0;
  for (const [name, value] of Object.entries(annotations)) size += encoder.encode(name).byteLength + encoder.encode(value).byteLength;
  if (size > MAX_ANNOTATIONS_BYTES) return `annotations are ${size} bytes, the limit is ${MAX_ANNOTATIONS_BYTES}`;
  return undefined;
}
