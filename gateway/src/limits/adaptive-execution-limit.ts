import { performance, type EventLoopUtilization } from 'node:perf_hooks';
import type { ExecutionSlots } from './execution-slots';

export interface ExecutionLimitBounds {
  /** The limit while the core has time to spare: GATEWAY_MAX_EXECUTIONS. */
  max: number;
  /** The lowest it goes on a saturated core. */
  min: number;
}

/** The event loop busier than this: fewer executions at once. */
const SATURATED = 0.9;
/**
 * Less busy than this while requests waited for a slot: more at once. Well below SATURATED: between the two the
 * limit holds, because a core that idles a little while executions wait is as often waiting on subgraphs that
 * are themselves saturated, where more at once adds no throughput, only data in flight (TestQuery with the
 * benchmark's subgraphs on one core: the limit climbing there from 8 cost 7 % more CPU per request for the
 * same requests per second).
 */
const SPARE = 0.6;

/**
 * The next execution limit from the last interval: on a saturated core it steps down from what was running
 * (more at once only adds requests half done, whose data every young-generation collection copies again); with
 * time to spare and requests kept waiting it steps up (they wait on subgraphs, not on the core). Steps are a
 * quarter of the limit, so a move from the floor to the top, or back, takes a dozen intervals.
 */
export function nextExecutionLimit(
  current: number,
  interval: { utilization: number; active: number; waited: boolean },
  { max, min }: ExecutionLimitBounds,
): number {
  if (interval.utilization >= SATURATED) {
    const running = Math.min(current, Math.max(interval.active, 1));
    return Math.max(min, running - Math.max(1, Math.round(running / 4)));
  }
  if (interval.utilization < SPARE && interval.waited) {
    return Math.min(max, current + Math.max(1, Math.round(current / 4)));
  }
  return current;
}

/**
 * Moves the slots' limit every `intervalMs` by how busy the event loop was (its utilization: the share of time
 * spent running rather than waiting for I/O). Returns the function that stops it.
 */
export function adaptExecutionLimit(
  slots: ExecutionSlots,
  bounds: ExecutionLimitBounds,
  intervalMs = 200,
): () => void {
  let last: EventLoopUtilization = performance.eventLoopUtilization();
  let queued = slots.load.queued;
  const timer = setInterval(() => {
    const now = performance.eventLoopUtilization();
    const { active, waiting, limit, queued: queuedNow } = slots.load;
    const next = nextExecutionLimit(
      limit,
      {
        utilization: performance.eventLoopUtilization(now, last).utilization,
        active,
        waited: waiting > 0 || queuedNow > queued,
      },
      bounds,
    );
    last = now;
    queued = queuedNow;
    if (next !== limit) slots.setLimit(next);
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
