import { LIVE_AUDIENCE_EXTENSION } from '@link-archive/core';
import type { FormattedExecutionResult } from 'graphql';

/** Whether a subgraph marked an event as one every subscriber may receive in full. */
export const isPublicEvent = (event: FormattedExecutionResult) =>
  event.extensions?.[LIVE_AUDIENCE_EXTENSION] === 'public';

const KEEP_MS = 5_000;
const MAX_KEPT = 1_000;

/**
 * Completions of public events shared across subscribers: the first subscription to receive an event completes
 * it (as a signed-out reader, so it can hold nothing any recipient may not see) and every other subscription of
 * the same operation and variables receiving the same event data reuses that result.
 */
export class PublicCompletions<T> {
  private readonly kept = new Map<string, { at: number; result: Promise<T> }>();
  /** An event delivered to many subscriptions as one object (a batch) is looked up by that object. */
  private readonly byEvent = new WeakMap<object, Map<string, Promise<T>>>();
  private readonly serialized = new WeakMap<object, string>();

  get(operationKey: string, event: FormattedExecutionResult, complete: () => Promise<T>): Promise<T> {
    let known = this.byEvent.get(event);
    const same = known?.get(operationKey);
    if (same) return same;
    if (!known) this.byEvent.set(event, (known = new Map()));
    const result = this.find(operationKey, event, complete);
    known.set(operationKey, result);
    return result;
  }

  /** The same event data reached this gateway as another object (another batch, another subgraph message). */
  private find(
    operationKey: string,
    event: FormattedExecutionResult,
    complete: () => Promise<T>,
  ): Promise<T> {
    let data = this.serialized.get(event);
    if (data === undefined) this.serialized.set(event, (data = JSON.stringify(event.data)));
    const key = `${operationKey}\n${data}`;
    const now = Date.now();
    const hit = this.kept.get(key);
    if (hit && now - hit.at < KEEP_MS) return hit.result;
    if (this.kept.size >= MAX_KEPT) {
      for (const [k, v] of this.kept) if (now - v.at >= KEEP_MS) this.kept.delete(k);
      if (this.kept.size >= MAX_KEPT) this.kept.clear();
    }
    const result = complete();
    this.kept.set(key, { at: now, result });
    return result;
  }
}
