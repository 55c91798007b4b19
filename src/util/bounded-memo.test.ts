import { describe, expect, it } from 'vitest';
import { BoundedMemo } from './bounded-memo.js';

describe('BoundedMemo', () => {
  it('remembers values by key', () => {
    const memo = new BoundedMemo<number>(10);
    memo.set('a', 1);
    expect(memo.get('a')).toBe(1);
    expect(memo.get('b')).toBeUndefined();
  });

  it('forgets everything when full, then keeps the new entry', () => {
    const memo = new BoundedMemo<number>(2);
    memo.set('a', 1);
    memo.set('b', 2);
    memo.set('c', 3);
    expect([memo.get('a'), memo.get('b'), memo.get('c')]).toEqual([undefined, undefined, 3]);
  });

  it('never keeps a key longer than its limit', () => {
    const memo = new BoundedMemo<number>(10, 3);
    memo.set('abcd', 1);
    memo.set('abc', 2);
    expect([memo.get('abcd'), memo.get('abc')]).toEqual([undefined, 2]);
  });
});
