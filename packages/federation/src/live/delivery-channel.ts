import type { DeliveryBatch } from '@link-archive/core';
import { DELIVERY_BATCH_EXTENSION } from '@link-archive/core';
import type { ExecutionResult, FormattedExecutionResult } from 'graphql';

/** At most this many deliveries travel in one channel message; a bigger tick is sent as several. */
const MAX_DELIVERIES_PER_MESSAGE = 20_000;
/** Messages kept for a channel that is not reading (or not yet open); the oldest go first. */
const MAX_QUEUED_MESSAGES = 200;

/**
 * One gateway connection's delivery channel: members' results are gathered during a tick and sent as one
 * message (a result shared by many members, as the same object, travels once). Until the gateway's channel
 * subscription arrives, messages wait (capped): after a reconnect, members may be re-sent before it.
 */
export class DeliveryChannel implements AsyncIterableIterator<ExecutionResult> {
  private pending: [string, FormattedExecutionResult][] = [];
  private scheduled = false;
  private readonly queued: ExecutionResult[] = [];
  private waiting: ((result: IteratorResult<ExecutionResult>) => void) | null = null;
  private closed = false;

  get isClosed(): boolean {
    return this.closed;
  }

  deliver(member: string, result: FormattedExecutionResult): void {
    if (this.closed) return;
    this.pending.push([member, result]);
    if (this.scheduled) return;
    this.scheduled = true;
    // everything one event causes in this tick (thousands of members) goes out together
    setImmediate(() => this.flush());
  }

  private flush(): void {
    this.scheduled = false;
    const pending = this.pending;
    this.pending = [];
    for (let from = 0; from < pending.length; from += MAX_DELIVERIES_PER_MESSAGE) {
      const batch: DeliveryBatch = { results: [], runs: [] };
      const index = new Map<FormattedExecutionResult, number>();
      let runAt = -1;
      let runMembers: string[] = [];
      const to = Math.min(pending.length, from + MAX_DELIVERIES_PER_MESSAGE);
      for (let i = from; i < to; i++) {
        const [member, result] = pending[i]!;
        let at = index.get(result);
        if (at === undefined) index.set(result, (at = batch.results.push(result) - 1));
        if (at !== runAt) {
          if (runMembers.length) batch.runs.push([runAt, runMembers.join(',')]);
          runAt = at;
          runMembers = [];
        }
        runMembers.push(member);
      }
      if (runMembers.length) batch.runs.push([runAt, runMembers.join(',')]);
      this.push({ data: null, extensions: { [DELIVERY_BATCH_EXTENSION]: batch } });
    }
  }

  private push(message: ExecutionResult): void {
    if (this.waiting) {
      const resolve = this.waiting;
      this.waiting = null;
      resolve({ value: message, done: false });
      return;
    }
    if (this.queued.length >= MAX_QUEUED_MESSAGES) this.queued.shift();
    this.queued.push(message);
  }

  next(): Promise<IteratorResult<ExecutionResult>> {
    const message = this.queued.shift();
    if (message) return Promise.resolve({ value: message, done: false });
    if (this.closed) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve) => (this.waiting = resolve));
  }

  /** The gateway completed the channel or the connection closed: nothing more is sent on it. */
  return(): Promise<IteratorResult<ExecutionResult>> {
    this.closed = true;
    this.pending = [];
    this.queued.length = 0;
    this.waiting?.({ value: undefined, done: true });
    this.waiting = null;
    return Promise.resolve({ value: undefined, done: true });
  }

  [Symbol.asyncIterator]() {
    return this;
  }
}
