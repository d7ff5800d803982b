import type { DeliveryBatch } from '@link-archive/core';
import type { FormattedExecutionResult } from 'graphql';
import { describe, expect, it } from 'vitest';
import { DeliveryDispatch } from './delivery-dispatch';

const result = (n: number): FormattedExecutionResult => ({ data: { n } });

describe('DeliveryDispatch', () => {
  it('hands each run member its result, in the order of the batch', () => {
    const handed: [string, unknown][] = [];
    const dispatch = new DeliveryDispatch((member, r) => handed.push([member, r.data]));
    const batch: DeliveryBatch = {
      results: [result(1), result(2)],
      runs: [
        [0, 'a,b'],
        [1, 'a'],
        [0, 'c'],
      ],
    };
    expect(dispatch.add(batch)).toBe(true);
    expect(handed).toEqual([
      ['a', { n: 1 }],
      ['b', { n: 1 }],
      ['a', { n: 2 }],
      ['c', { n: 1 }],
    ]);
  });

  it('registers a first small slice at once and the rest on later turns, none twice or out of order', async () => {
    const handed: string[] = [];
    const dispatch = new DeliveryDispatch((member) => handed.push(member));
    const members = Array.from({ length: 5_000 }, (_, i) => i.toString(36));
    dispatch.add({ results: [result(1)], runs: [[0, members.join(',')]] });
    expect(handed.length).toBeGreaterThan(0);
    expect(handed.length).toBeLessThan(members.length);
    // a second message arriving meanwhile waits for the first one's members
    dispatch.add({ results: [result(2)], runs: [[0, 'later']] });
    await expect.poll(() => handed.length).toBe(members.length + 1);
    expect(handed).toEqual([...members, 'later']);
  });

  it('drops a malformed batch whole', () => {
    const handed: string[] = [];
    const dispatch = new DeliveryDispatch((member) => handed.push(member));
    const malformed = [
      { results: [result(1)], runs: [[3, 'a']] },
      {
        results: [result(1)],
        runs: [
          [0, 'a'],
          [0, 7],
        ],
      },
      { results: [result(1)], to: [['a', 0]] },
      { results: [null], runs: [[0, 'a']] },
    ];
    for (const batch of malformed) expect(dispatch.add(batch as unknown as DeliveryBatch)).toBe(false);
    expect(handed).toEqual([]);
  });
});
