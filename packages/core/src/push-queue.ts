/**
 * An async iterator fed by pushes, for one subscriber. The buffer is capped: a subscriber that reads slower
 * than events arrive loses the oldest ones (live events are best-effort; a client refetches on reconnect)
 * rather than holding the gateway's memory.
 */
export class PushQueue<T> implements AsyncIterableIterator<T> {
  private readonly buffer: T[] = [];
  private waiting: { resolve: (result: IteratorResult<T>) => void; reject: (err: unknown) => void } | null =
    null;
  private done = false;
  /** Thrown to the consumer once the buffer is read. */
  private failure: { error: unknown } | null = null;
  private listener: ((value: T) => void) | null = null;

  constructor(
    private readonly capacity: number,
    private readonly onReturn: () => void,
  ) {}

  push(value: T): void {
    if (this.done) return;
    if (this.listener) {
      this.listener(value);
      return;
    }
    if (this.waiting) {
      const { resolve } = this.waiting;
      this.waiting = null;
      resolve({ value, done: false });
      return;
    }
    if (this.buffer.length >= this.capacity) {
      this.buffer.shift();
    }
    this.buffer.push(value);
  }

  /**
   * Values go to `listener` as they are pushed (the buffered ones at once) instead of through next(), which
   * then only tells the end: a reader of thousands of queues need not wait a turn per value.
   */
  listen(listener: (value: T) => void): void {
    this.listener = listener;
    for (const value of this.buffer.splice(0)) listener(value);
  }

  /** No more values: the consumer reads what is buffered, then completes. */
  end(): void {
    this.done = true;
    if (this.waiting) {
      const { resolve, reject } = this.waiting;
      this.waiting = null;
      const failure = this.failure;
      this.failure = null;
      if (failure) reject(failure.error);
      else resolve({ value: undefined, done: true });
    }
  }

  /** No more values: the consumer reads what is buffered, then `error` is thrown to it. */
  fail(error: unknown): void {
    if (this.done) return;
    this.failure = { error };
    this.end();
  }

  next(): Promise<IteratorResult<T>> {
    if (this.buffer.length) return Promise.resolve({ value: this.buffer.shift()!, done: false });
    if (this.failure) {
      const { error } = this.failure;
      this.failure = null;
      return Promise.reject(error);
    }
    if (this.done) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve, reject) => (this.waiting = { resolve, reject }));
  }

  /** The consumer stops (graphql-ws calls this when the client completes or the socket closes). */
  return(): Promise<IteratorResult<T>> {
    this.buffer.length = 0;
    this.end();
    this.onReturn();
    return Promise.resolve({ value: undefined, done: true });
  }

  [Symbol.asyncIterator]() {
    return this;
  }
}
