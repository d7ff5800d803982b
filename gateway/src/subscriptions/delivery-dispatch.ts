import type { DeliveryBatch } from '@link-archive/core';
import type { FormattedExecutionResult } from 'graphql';

/**
 * The first slice is small: the completions its events start go out to other subgraphs before the rest. Later
 * slices stay short too, so the completions' answers (several turns of the event loop each) are not held
 * behind long runs of registrations.
 */
const FIRST_SLICE = 64;
const SLICE = 500;

/** Consecutive deliveries of one result, and how far they have been handed out. */
interface Run {
  result: FormattedExecutionResult;
  members: string[];
  next: number;
}

/**
 * Hands a delivery channel's events to their members in arrival order, a slice per turn of the event loop: an
 * event for ten thousand members starts its completion (the entity fetches) with the first slice, and the
 * subgraphs answer it while the remaining members are registered, instead of after all of them.
 */
export class DeliveryDispatch {
  private readonly runs: Run[] = [];
  private head = 0;
  private scheduled = false;

  constructor(private readonly handle: (member: string, result: FormattedExecutionResult) => void) {}

  /** A channel message's batch; one that is not well formed is dropped whole (it came from no subgraph of ours). */
  add(batch: DeliveryBatch): boolean {
    if (!Array.isArray(batch.results) || !Array.isArray(batch.runs)) return false;
    const runs: Run[] = [];
    for (const entry of batch.runs) {
      if (!Array.isArray(entry)) return false;
      const [at, members] = entry as unknown[];
      const result = typeof at === 'number' ? batch.results[at] : undefined;
      if (typeof result !== 'object' || result === null || typeof members !== 'string') return false;
      runs.push({ result, members: members.split(','), next: 0 });
    }
    const idle = this.head === this.runs.length && !this.scheduled;
    this.runs.push(...runs);
    if (idle) this.run(FIRST_SLICE);
    return true;
  }

  private run(slice: number): void {
    this.scheduled = false;
    let left = slice;
    while (left > 0 && this.head < this.runs.length) {
      const run = this.runs[this.head]!;
      const end = Math.min(run.members.length, run.next + left);
      left -= end - run.next;
      while (run.next < end) this.handle(run.members[run.next++]!, run.result);
      if (run.next === run.members.length) this.head++;
    }
    if (this.head < this.runs.length) {
      this.scheduled = true;
      setImmediate(() => this.run(SLICE));
      return;
    }
    this.runs.length = 0;
    this.head = 0;
  }
}
