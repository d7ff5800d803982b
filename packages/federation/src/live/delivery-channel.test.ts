import { DELIVERY_BATCH_EXTENSION, type DeliveryBatch } from '@link-archive/core';
import type { FormattedExecutionResult } from 'graphql';
import { describe, expect, it } from 'vitest';
import { DeliveryChannel } from './delivery-channel';

const batchOf = async (channel: DeliveryChannel): Promise<DeliveryBatch> => {
  const { value } = await channel.next();
  return (value!.extensions as Record<string, DeliveryBatch>)[DELIVERY_BATCH_EXTENSION]!;
};

describe('DeliveryChannel', () => {
  it("sends one tick's deliveries as one message: each result once, members in runs that keep their order", async () => {
    const channel = new DeliveryChannel();
    const first: FormattedExecutionResult = { data: { n: 1 } };
    const second: FormattedExecutionResult = { data: { n: 2 } };
    for (const member of ['a', 'b', 'c']) channel.deliver(member, first);
    channel.deliver('a', second);
    channel.deliver('d', first);
    const batch = await batchOf(channel);
    expect(batch.results).toEqual([first, second]);
    // a's second event stays after its first; d's delivery of the first result stays after a's second
    expect(batch.runs).toEqual([
      [0, 'a,b,c'],
      [1, 'a'],
      [0, 'd'],
    ]);
  });

  it('sends ten thousand deliveries of one event as a single run', async () => {
    const channel = new DeliveryChannel();
    const result: FormattedExecutionResult = { data: { n: 1 } };
    const members = Array.from({ length: 10_000 }, (_, i) => i.toString(36));
    for (const member of members) channel.deliver(member, result);
    const batch = await batchOf(channel);
    expect(batch.runs).toHaveLength(1);
    expect(batch.runs[0]![1].split(',')).toEqual(members);
  });
});
