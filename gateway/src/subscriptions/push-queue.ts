/**
 * An async iterator fed by pushes, for one subscriber. The buffer is capped: a subscriber that reads slower
 * than events arrive loses the oldest ones (live events are best-effort; a client refetches on reconnect)
 * rather than holding the gateway's memory.
 */
export class PushQueue<T> implements AsyncIterableIterator<T> {
  private readonly buffer: T[] = [];
  private waiting: ((result: IteratorResult<T>) => void) | null = null;
  private done = false;

  constructor(
    private readonly capacity: number,
    private readonly onReturn: () => void,
  ) {}

  push(value: T): void {
    if (this.done) return;
    if (this.waiting) {
      const resolve = this.waiting;
      this.waiting = null;
      resolve({ value, done: false });
      return;
    }
    if (this.buffer.length >= this.capacity) {
      this.buffer.shift();
    }
    this.buffer.push(value);
  }

  /** No more values: the consumer reads what is buffered, then completes. */
  end(): void {
    this.done = true;
    if (this.waiting) {
      const resolve = this.waiting;
      this.waiting = null;
      resolve({ value: undefined, done: true });
    }
  }

  next(): Promise<IteratorResult<T>> {
    if (this.buffer.length) return Promise.resolve({ value: this.buffer.shift()!, done: false });
    if (this.done) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve) => (this.waiting = resolve));
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
