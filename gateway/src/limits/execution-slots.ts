/** Refused because as many executions as the gateway lets wait are already waiting. */
export class ExecutionQueueFull extends Error {
  constructor() {
    super('the gateway is overloaded; retry shortly');
  }
}

/**
 * At most `limit` GraphQL executions at once; the rest wait their turn, first come first served, up to
 * `maxWaiting` of them. The limit moves (`setLimit`, driven by `adaptExecutionLimit` from how busy the core is).
 *
 * A request's work in the gateway is CPU on its one thread between waits on subgraphs. Once that core is busy,
 * executions admitted beyond it add no throughput, only requests half done at once, whose merged subgraph data
 * every young-generation collection copies again (on the federation benchmark's TestQuery: ~0.9-1.1 ms of
 * collection per request with 32 at once, ~0.45 ms with 8). An execution that has run for `releaseAfterMs`
 * stops counting: it is waiting on a slow subgraph, not on the core, and must not hold the queue behind it.
 */
export class ExecutionSlots {
  private active = 0;
  private readonly waiting: (() => void)[] = [];
  /** Requests that ever had to wait: the adaptive limit reads whether any did in its interval. */
  private queued = 0;

  constructor(
    private limit: number,
    private readonly maxWaiting: number,
    private readonly releaseAfterMs: number,
  ) {}

  /** Runs `work` once a slot is free (0 as the limit: at once); throws ExecutionQueueFull when none will be. */
  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.limit === 0) return work();
    if (this.active < this.limit) this.active++;
    else if (this.waiting.length >= this.maxWaiting) throw new ExecutionQueueFull();
    // a slot handed over by release() keeps the count as it is
    else {
      this.queued++;
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    }
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      // past a lowered limit the slot is given up, not handed over
      const next = this.active <= this.limit ? this.waiting.shift() : undefined;
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

  /**
   * Moves the limit (at least 1; a limit of 0 stays off): a raised one lets the waiting in at once, a lowered
   * one takes effect as running executions finish.
   */
  setLimit(limit: number): void {
    if (this.limit === 0) return;
    this.limit = Math.max(1, Math.floor(limit));
    while (this.active < this.limit && this.waiting.length > 0) {
      this.active++;
      this.waiting.shift()!();
    }
  }

  /** Executions counted now, requests waiting for one, the limit now, and how many ever waited. */
  get load(): { active: number; waiting: number; limit: number; queued: number } {
    return { active: this.active, waiting: this.waiting.length, limit: this.limit, queued: this.queued };
  }
}
