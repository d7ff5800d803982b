import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor, pageSize, toPage } from './pagination';

describe('pagination', () => {
  it('applies the contract: default 20, at most 100', () => {
    expect(pageSize(undefined)).toBe(20);
    expect(pageSize(100)).toBe(100);
    expect(() => pageSize(101)).toThrow('between 1 and 100');
    expect(() => pageSize(0)).toThrow('between 1 and 100');
  });

  it('round-trips cursors and refuses forged ones', () => {
    const c = { createdAt: new Date('2026-01-02T03:04:05.678Z'), id: '6f1c2d9e-9a7b-4c1f-8b0a-0123456789ab' };
    expect(decodeCursor(encodeCursor(c))).toEqual(c);
    expect(() => decodeCursor('garbage')).toThrow('not a valid cursor');
  });

  it('tells whether more rows exist from the extra row', () => {
    const rows = [1, 2, 3].map((n) => ({
      id: `00000000-0000-0000-0000-00000000000${n}`,
      createdAt: new Date(n),
    }));
    expect(toPage(rows, 2).pageInfo.hasNextPage).toBe(true);
    expect(toPage(rows, 3).pageInfo.hasNextPage).toBe(false);
    expect(toPage([], 3).pageInfo.endCursor).toBeNull();
  });
});
