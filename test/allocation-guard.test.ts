// The bound on the byte arrays pdf.js decodes streams into: counted as they are made, refused past it.

import { describe, expect, it } from 'vitest';
import { guardAllocations } from '../src/extract/allocation-guard.js';

const MB = 1024 * 1024;

describe('guardAllocations', () => {
  it('refuses one array past 32 MB, and says so', () => {
    const guard = guardAllocations(300 * MB);
    try {
      expect(() => new Uint8Array(33 * MB)).toThrow(RangeError);
      expect(guard.refused()).toBe('one-stream');
    } finally {
      guard.release();
    }
  });

  it('refuses the array that takes the large arrays in all past the bound, as a doubling buffer grows', () => {
    const guard = guardAllocations(40 * MB);
    try {
      // A buffer doubling from 1 MB: 1 + 2 + 4 + 8 + 16 = 31 MB pass, the 32 MB one makes 63 MB.
      for (const size of [1, 2, 4, 8, 16]) expect(new Uint8Array(size * MB).length).toBe(size * MB);
      expect(guard.refused()).toBeUndefined();
      expect(() => new Uint8Array(32 * MB)).toThrow(RangeError);
      expect(guard.refused()).toBe('total');
      // Small arrays are not counted and still made.
      expect(new Uint8Array(1024).length).toBe(1024);
    } finally {
      guard.release();
    }
  });

  it('leaves arrays alone once released, and arrays stay arrays', () => {
    guardAllocations(1 * MB).release();
    const big = new Uint8Array(65 * MB);
    expect(big.length).toBe(65 * MB);
    expect(big).toBeInstanceOf(Uint8Array);
    expect(Buffer.alloc(4)).toBeInstanceOf(Uint8Array);
    expect(Uint8Array.from([1, 2]).length).toBe(2);
    class Sub extends Uint8Array {}
    expect(new Sub(3)).toBeInstanceOf(Sub);
  });
});
