/** Refused because as many executions as the gateway lets wait are already waiting. */
export class ExecutionQueueFull extends Error {
  constructor() {
    super('the gateway is overloaded; retry shortly');
  }
}

/**
 * At most `limit` GraphQL executions at once; the rest wait their turn, first come first served, up to
 * `maxWaiting` of them.
 *
 * A request's work in the gateway is CPU on its one thread between waits on subgraphs. Once that core is busy,
 * executions admitted beyond it add no throughput, only requests half done at once, whose merged subgraph data
 * every young-generation collection copies again (on the federation benchmark's TestQuery, 50 requests at once
 * against 32: ~1 ms more garbage collection per request). An execution that has run for `releaseAfterMs`
 * stops counting: it is waiting on a slow subgraph, not on the core, and must not hold the queue behind it.
 */
export class ExecutionSlots {
  private active = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    private readonly limit: number,
    private readonly maxWaiting: number,
    private readonly releaseAfterMs: number,
  ) {}

  /** Runs `work` once a slot is free (0 as the limit: at once); throws ExecutionQueueFull when none will be. */
  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.limit === 0) return work();
    if (this.active < this.limit) this.active++;
    else if (this.waiting.length >= this.maxWaiting) throw new ExecutionQueueFull();
    // a slot handed over by release() keeps the count as it is
    else await new Promise<void>((resolve) => this.waiting.push(resolve));
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      const next = this.waiting.shift();
      if (next) next();
      else this.active--;
    };
    const timer = setTimeout(release, this.releaseAfterMs);
    timer.unref();
    try {
      return await work();
    } finally {
      clearTimeout(timer);
      release();
    }
  }

  /** Executions counted now, and requests waiting for one. */
  get load(): { active: number; waiting: number } {
    return { active: this.active, waiting: this.waiting.length };
  }
}
