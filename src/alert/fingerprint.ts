/**
 * Alertmanager's alert fingerprint: FNV-1a 64 over the label names in sorted
 * order, each followed by 0xff, its value, 0xff; printed as 16 hex digits.
 * Computed on two 32-bit halves so no BigInt is needed on the hot path.
 */
import type { LabelSet } from './labels.js';

const SEPARATOR = 0xff;
const encoder = new TextEncoder();

/** The fingerprint of a label set, e.g. `c1a7b3e2f00d4e5a`. */
export function fingerprint(labels: LabelSet): string {
  const names = Object.keys(labels).sort();
  // FNV-64 offset basis 0xcbf29ce484222325.
  let hi = 0xcbf29ce4;
  let lo = 0x84222325;
  const add = (byte: number): void => {
    lo = (lo ^ byte) >>> 0;
    // Multiply by the FNV-64 prime 2^40 + 0x1b3, modulo 2^64.
    const loProduct = lo * 0x1b3;
    const carry = Math.floor(loProduct / 0x100000000);
    const newHi = hi * 0x1b3 + carry + ((lo << 8) >>> 0);
    lo = loProduct >>> 0;
    hi = newHi >>> 0;
  };
  for (const name of names) {
    for (const byte of encoder.encode(name)) add(byte);
    add(SEPARATOR);
    for (const byte of encoder.encode(labels[name] ?? '')) add(byte);
    add(SEPARATOR);
  }
  return hex8(hi) + hex8(lo);
}

function hex8(n: number): string {
  return n.toString(16).padStart(8, '0');
}
