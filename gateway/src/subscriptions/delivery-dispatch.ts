import type { DeliveryBatch } from '@link-archive/core';
import type { FormattedExecutionResult } from 'graphql';

/** The first slice is small: the completions its events start go out to other subgraphs before the rest. */
const FIRST_SLICE = 64;
const SLICE = 2_000;

/**
 * Hands a delivery channel's events to their members in arrival order, a slice per turn of the event loop: an
 * event for ten thousand members starts its completion (the entity fetches) with the first slice, and the
 * subgraphs answer it while the remaining members are registered, instead of after all of them.
 */
export class DeliveryDispatch {
  private readonly queue: [string, FormattedExecutionResult][] = [];
  private head = 0;
  private scheduled = false;

  constructor(private readonly handle: (member: string, result: FormattedExecutionResult) => void) {}

  add(batch: DeliveryBatch): void {
    const idle = this.head === this.queue.length && !this.scheduled;
    for (const [member, at] of batch.to) {
      const result = batch.results[at];
      if (result) this.queue.push([member, result]);
    }
    if (idle) this.run(FIRST_SLICE);
  }

  private run(slice: number): void {
    this.scheduled = false;
    const end = Math.min(this.queue.length, this.head + slice);
    while (this.head < end) {
      const [member, result] = this.queue[this.head++]!;
      this.handle(member, result);
    }
    if (this.head < this.queue.length) {
      this.scheduled = true;
      setImmediate(() => this.run(SLICE));
      return;
    }
    this.queue.length = 0;
    this.head = 0;
  }
}
