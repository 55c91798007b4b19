/**
 * Alertmanager's alert fingerprint: FNV-1a 64 over the label names in sorted
 * order, each followed by 0xff, its value, 0xff; printed as 16 hex digits.
 * Computed on four 16-bit limbs so no BigInt is needed, over the UTF-8 bytes
 * of each string encoded on the fly (a lone surrogate as U+FFFD, like
 * TextEncoder and Go), with nothing allocated per string: it runs for every
 * alert of every push.
 */
import { BoundedMemo } from '../util/bounded-memo.js';
import type { LabelSet } from './labels.js';

const SEPARATOR = 0xff;

// The hash state while one fingerprint is computed (synchronously): four
// 16-bit limbs, lowest first, so every product stays a small integer.
let h0 = 0;
let h1 = 0;
let h2 = 0;
let h3 = 0;

/**
 * Fingerprints of recently seen label sets, by the label pairs in the order
 * given, each name and value prefixed by its length (so that no two label
 * sets make the same key). Prometheus re-sends every firing alert every
 * minute, and building the key and looking it up costs about 60% of hashing
 * the labels again (about 4% of a push's CPU time saved in workerd).
 * Bounded (BoundedMemo): keys over 512 characters are not kept, and the memo is emptied
 * when full.
 */
const recentFingerprints = new BoundedMemo<string>(10_000, 512);

/** The fingerprint of a label set, e.g. `c1a7b3e2f00d4e5a`. */
export function fingerprint(labels: LabelSet): string {
  let key = '';
  for (const name of Object.keys(labels)) {
    const value = labels[name] ?? '';
    key += `${name.length}:${name}${value.length}:${value}`;
  }
  const known = recentFingerprints.get(key);
  if (known !== undefined) return known;
  const computed = hash(labels);
  recentFingerprints.set(key, computed);
  return computed;
}

function hash(labels: LabelSet): string {
  const names = Object.keys(labels).sort();
  // FNV-64 offset basis 0xcbf29ce484222325.
  h3 = 0xcbf2;
  h2 = 0x9ce4;
  h1 = 0x8422;
  h0 = 0x2325;
  for (const name of names) {
    addString(name);
    addByte(SEPARATOR);
    addString(labels[name] ?? '');
    addByte(SEPARATOR);
  }
  return hex4(h3) + hex4(h2) + hex4(h1) + hex4(h0);
}

function addByte(byte: number): void {
  h0 ^= byte;
  // Multiply by the FNV-64 prime 2^40 + 0x1b3 (limbs 0x1b3, 0, 0x100, 0), modulo 2^64.
  const t0 = h0 * 0x1b3;
  const t1 = h1 * 0x1b3 + (t0 >>> 16);
  const t2 = h2 * 0x1b3 + (h0 << 8) + (t1 >>> 16);
  const t3 = h3 * 0x1b3 + (h1 << 8) + (t2 >>> 16);
  h0 = t0 & 0xffff;
  h1 = t1 & 0xffff;
  h2 = t2 & 0xffff;
  h3 = t3 & 0xffff;
}

/** Adds the UTF-8 encoding of `text`. */
function addString(text: string): void {
  for (let i = 0; i < text.length; i++) {
    let code = text.charCodeAt(i);
    if (code < 0x80) {
      addByte(code);
      continue;
    }
    if (code < 0x800) {
      addByte(0xc0 | (code >> 6));
      addByte(0x80 | (code & 0x3f));
      continue;
    }
    if (code >= 0xd800 && code <= 0xdfff) {
      const low = i + 1 < text.length ? text.charCodeAt(i + 1) : 0;
      if (code <= 0xdbff && low >= 0xdc00 && low <= 0xdfff) {
        const point = 0x10000 + ((code - 0xd800) << 10) + (low - 0xdc00);
        i++;
        addByte(0xf0 | (point >> 18));
        addByte(0x80 | ((point >> 12) & 0x3f));
        addByte(0x80 | ((point >> 6) & 0x3f));
        addByte(0x80 | (point & 0x3f));
        continue;
      }
      code = 0xfffd; // a lone surrogate
    }
    addByte(0xe0 | (code >> 12));
    addByte(0x80 | ((code >> 6) & 0x3f));
    addByte(0x80 | (code & 0x3f));
  }
}

function hex4(n: number): string {
  return n.toString(16).padStart(4, '0');
}
