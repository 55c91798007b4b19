import { describe, expect, it } from 'vitest';
import { MAX_ANNOTATIONS_BYTES, MAX_LABEL_NAME_LENGTH, MAX_LABEL_VALUE_LENGTH, MAX_LABELS_PER_ALERT } from '../limits.js';
import { alertLimitProblem } from './alert-limits.js';

const labels = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`l${i}`, 'v']));

describe('alertLimitProblem', () => {
  it.each([
    ['labels at the limit', labels(MAX_LABELS_PER_ALERT), {}, undefined],
    ['one label too many', labels(MAX_LABELS_PER_ALERT + 1), {}, `too many labels: ${MAX_LABELS_PER_ALERT + 1}, the limit is ${MAX_LABELS_PER_ALERT}`],
    ['a name at the limit', { ['n'.repeat(MAX_LABEL_NAME_LENGTH)]: 'v' }, {}, undefined],
    ['a name too long', { ['n'.repeat(MAX_LABEL_NAME_LENGTH + 1)]: 'v' }, {}, `label name "${'n'.repeat(32)}..." is ${MAX_LABEL_NAME_LENGTH + 1} characters long, the limit is ${MAX_LABEL_NAME_LENGTH}`],
    ['a value at the limit', { a: 'v'.repeat(MAX_LABEL_VALUE_LENGTH) }, {}, undefined],
    ['a value too long', { a: 'v'.repeat(MAX_LABEL_VALUE_LENGTH + 1) }, {}, `value of label "a" is ${MAX_LABEL_VALUE_LENGTH + 1} characters long, the limit is ${MAX_LABEL_VALUE_LENGTH}`],
    ['annotations at the limit', { a: 'b' }, { d: 'x'.repeat(MAX_ANNOTATIONS_BYTES - 1) }, undefined],
    ['annotations counted in UTF-8 bytes', { a: 'b' }, { d: 'é'.repeat(MAX_ANNOTATIONS_BYTES / 2) }, `annotations are ${MAX_ANNOTATIONS_BYTES + 1} bytes, the limit is ${MAX_ANNOTATIONS_BYTES}`],
  ])('%s', (_what, l, annotations, problem) => {
    expect(alertLimitProblem(l, annotations)).toBe(problem);
  });
});
