import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fingerprint } from './fingerprint.js';
import type { LabelSet } from './labels.js';

/**
 * Reference implementation, written independently of the module under test:
 * plain 64-bit FNV-1a in BigInt over `name 0xff value 0xff` for the names in
 * sorted order (prometheus/common model.labelSetToFingerprint).
 */
function referenceFingerprint(labels: LabelSet): string {
  const mask = (1n << 64n) - 1n;
  let hash = 0xcbf29ce484222325n;
  const add = (byte: number): void => {
    hash ^= BigInt(byte);
    hash = (hash * 0x100000001b3n) & mask;
  };
  for (const name of Object.keys(labels).sort()) {
    for (const byte of Buffer.from(name, 'utf8')) add(byte);
    add(0xff);
    for (const byte of Buffer.from(labels[name] ?? '', 'utf8')) add(byte);
    add(0xff);
  }
  return hash.toString(16).padStart(16, '0');
}

/*
 * BUG (fingerprint.ts): `lo ^= byte` leaves `lo` as a signed 32-bit number
 * whenever its top bit is set, so `lo * 0x1b3` is negative and the carry into
 * the high half comes out 0x1b3 too small. The low 8 hex digits are right,
 * the high 8 are wrong for practically every label set: DiskFull gives
 * b28ecfd61fbfe4b8 instead of Alertmanager's ae4f4d061fbfe4b8. Fix:
 * `lo = (lo ^ byte) >>> 0;` (checked: it then yields the values below).
 * The tests marked `fails` in this file pass with that fix.
 */
describe('fingerprint', () => {
  // Each value was read from GET /api/v2/alerts of the real Alertmanager 0.25
  // after pushing the labels (see test/conformance/README.md for the first).
  it.each([
    [{ alertname: 'DiskFull', env: 'prod', severity: 'critical' }, 'ae4f4d061fbfe4b8', 'the golden webhook alert of the conformance README'],
    [{ alertname: 'Ünïcödé', team: '日本語', emoji: '🔥' }, '0ab6aeebdde352f8', 'non-ASCII values and names are hashed as UTF-8 bytes'],
    [{ a: '1', a0: '2', b: 'x\ty"z' }, '745ecaa037429dc2', 'names sharing a prefix, a tab and a quote in a value'],
    [{ kind: 'order', x: '\u{1F600}' }, '0c04b5c3aaeb6b72', 'a character outside the BMP (a surrogate pair in JavaScript)'],
    [{ alertname: 'S3', job: 'j', instance: 'i', x: 'y' }, 'b369d1c4a8c21c98', 'insertion order differs from name order'],
    [{ alertname: 'S', x: '\ud800' }, '6d02f28393e2446e', "a lone surrogate: Go's JSON decoder turns it into U+FFFD, so must we"],
  ] as [LabelSet, string, string][])('%j is %s as Alertmanager computes it (%s)', (labels, want) => {
    expect(fingerprint(labels)).toBe(want);
  });

  it('gives the FNV-64 offset basis for the empty set, as Go does for model.LabelSet{}', () => {
    expect(fingerprint({})).toBe('cbf29ce484222325');
  });

  it.each([
    [{ a: '' }, 'a label with an empty value still contributes its name and separators'],
    [{ '': '' }, 'degenerate empty name and value'],
    [{ zzz: 'x', aaa: 'y', mmm: 'z' }, 'names are sorted before hashing'],
    [{ v: '\u0000\u00ff\uffff' }, 'NUL, U+00FF and U+FFFF encode to multi-byte UTF-8'],
    [{ v: 'é'.repeat(500) }, 'a long value: many multiplications must not lose precision'],
    [{ instance: 'host-01:9100', job: 'node', alertname: 'NodeDown', severity: 'page' }, 'a typical Prometheus alert'],
  ] as [LabelSet, string][])('agrees with a BigInt FNV-1a 64 for %j (%s)', (labels) => {
    expect(fingerprint(labels)).toBe(referenceFingerprint(labels));
  });

  it('agrees with the BigInt reference on many generated label sets', () => {
    // Deterministic pseudo-random input (LCG) so a failure reproduces.
    let seed = 12345;
    const next = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const alphabet = ['a', 'b', 'Z', '_', '0', 'é', '日', '\u{1F525}', '\u00ff', ' ', '"'];
    const word = (): string => Array.from({ length: next(12) }, () => alphabet[next(alphabet.length)]).join('');
    for (let i = 0; i < 300; i++) {
      const labels: Record<string, string> = {};
      for (let j = next(6); j > 0; j--) labels[`l${word()}`] = word();
      expect(fingerprint(labels), JSON.stringify(labels)).toBe(referenceFingerprint(labels));
    }
  });

  it('does not depend on the order the labels were inserted in', () => {
    expect(fingerprint({ b: '2', a: '1' })).toBe(fingerprint({ a: '1', b: '2' }));
  });

  it('separates name from value, so moving a character across the boundary changes the hash', () => {
    expect(fingerprint({ ab: 'c' })).not.toBe(fingerprint({ a: 'bc' }));
  });

  it('gives each label set its own fingerprint when seen again, however its names and values split', () => {
    // Label sets whose pairs run together into the same text; each asked twice (the second from memory).
    const lookalikes: LabelSet[] = [
      { a: 'x', b: 'y' },
      { a: 'xb:y' },
      { a: 'x1:by' },
      { a: 'b:c' },
      { 'a:b': 'c' },
      { a1: 'zz', b: 'qqqqqqq' },
      { a: 'zzb7:qqqqqqq' },
      { a: '1:b', c: 'd' },
      { a: '1', b: 'c:d' },
      { a: '11:b1:cd' },
      { a: '', b: '' },
      { a: '0:b0:' },
      { '1:a': 'b' },
    ];
    for (let pass = 0; pass < 2; pass++) {
      for (const labels of lookalikes) expect(fingerprint({ ...labels }), JSON.stringify(labels)).toBe(referenceFingerprint(labels));
    }
  });

  it('agrees with the BigInt reference on generated label sets, each asked twice', () => {
    const text = fc.string({ unit: 'binary', maxLength: 10 });
    fc.assert(
      fc.property(fc.dictionary(text, text, { maxKeys: 6 }), (generated) => {
        const labels = { ...generated };
        expect(fingerprint(labels)).toBe(referenceFingerprint(labels));
        expect(fingerprint({ ...labels })).toBe(referenceFingerprint(labels));
      }),
      { seed: 20_261_125, numRuns: 1000 },
    );
  });

  it('always prints 16 lowercase hex digits', () => {
    for (const v of ['', 'x', 'y', 'zz', 'DiskFull']) expect(fingerprint({ alertname: v })).toMatch(/^[0-9a-f]{16}$/);
  });
});
