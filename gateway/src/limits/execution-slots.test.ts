import { setImmediate as settled } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { ExecutionQueueFull, ExecutionSlots } from './execution-slots';

// `await settled()`: every promise callback queued so far has run (a check-phase turn comes after them all)

/** A piece of work that runs until its test lets it finish. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
}

describe('ExecutionSlots', () => {
  it('runs at most its limit at once and admits the waiting in arrival order', async () => {
    const slots = new ExecutionSlots(2, 10, 60_000);
    const gates = Array.from({ length: 5 }, gate);
    const started: number[] = [];
    let running = 0;
    let most = 0;
    const runs = gates.map((g, i) =>
      slots.run(async () => {
        started.push(i);
        most = Math.max(most, ++running);
        await g.opened;
        running--;
        return i;
      }),
    );
    await settled();
    expect(started).toEqual([0, 1]);
    expect(slots.load).toMatchObject({ active: 2, waiting: 3 });
    gates[1]!.open();
    await settled();
    expect(started).toEqual([0, 1, 2]);
    for (const g of gates) g.open();
    expect(await Promise.all(runs)).toEqual([0, 1, 2, 3, 4]);
    expect(started).toEqual([0, 1, 2, 3, 4]);
    expect(most).toBe(2);
    expect(slots.load).toMatchObject({ active: 0, waiting: 0 });
  });

  it('refuses with ExecutionQueueFull once as many as it allows are waiting, and frees the slot of a failed run', async () => {
    const slots = new ExecutionSlots(1, 1, 60_000);
    const g = gate();
    const first = slots.run(() => g.opened);
    const second = slots.run(async () => {
      throw new Error('boom');
    });
    await expect(slots.run(async () => 'third')).rejects.toBeInstanceOf(ExecutionQueueFull);
    g.open();
    await first;
    await expect(second).rejects.toThrow('boom');
    expect(slots.load).toMatchObject({ active: 0, waiting: 0 });
    expect(await slots.run(async () => 'after')).toBe('after');
  });

  it('lets the next one in when an execution has run for releaseAfterMs (waiting on a slow subgraph)', async () => {
    const slots = new ExecutionSlots(1, 10, 200);
    const stuck = gate();
    const slow = slots.run(() => stuck.opened);
    let nextRan = false;
    const next = slots.run(async () => {
      nextRan = true;
    });
    await settled();
    expect(nextRan).toBe(false);
    await next;
    expect(nextRan).toBe(true);
    // the slow one finishing later does not free a slot a second time
    stuck.open();
    await slow;
    expect(slots.load).toMatchObject({ active: 0, waiting: 0 });
  });

  it('a raised limit lets the waiting in at once; a lowered one holds them until fewer run than it allows', async () => {
    const slots = new ExecutionSlots(4, 100, 60_000);
    const gates = Array.from({ length: 8 }, gate);
    const started: number[] = [];
    const runs = gates.map((g, i) =>
      slots.run(async () => {
        started.push(i);
        await g.opened;
      }),
    );
    await settled();
    expect(started).toEqual([0, 1, 2, 3]);
    slots.setLimit(6);
    await settled();
    expect(started).toEqual([0, 1, 2, 3, 4, 5]);
    expect(slots.load).toMatchObject({ active: 6, waiting: 2, limit: 6, queued: 4 });
    slots.setLimit(2);
    for (const i of [0, 1, 2, 3]) gates[i]!.open();
    await settled();
    // six ran, the limit is two: four finishing leaves two running and nobody let in
    expect(started).toEqual([0, 1, 2, 3, 4, 5]);
    expect(slots.load).toMatchObject({ active: 2, waiting: 2 });
    gates[4]!.open();
    await settled();
    expect(started).toEqual([0, 1, 2, 3, 4, 5, 6]);
    for (const g of gates) g.open();
    await Promise.all(runs);
    expect(slots.load).toMatchObject({ active: 0, waiting: 0, limit: 2 });
  });

  it('with a limit of 0 runs everything at once', async () => {
    const slots = new ExecutionSlots(0, 0, 60_000);
    const g = gate();
    const runs = Array.from({ length: 100 }, () => slots.run(() => g.opened));
    let last = false;
    await slots.run(async () => {
      last = true;
    });
    expect(last).toBe(true);
    g.open();
    await Promise.all(runs);
  });
});
