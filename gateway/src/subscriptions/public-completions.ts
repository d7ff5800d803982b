import { LIVE_AUDIENCE_EXTENSION } from '@link-archive/core';
import { Kind, visit, type DocumentNode, type FormattedExecutionResult } from 'graphql';

/**
 * Fields whose value depends on who reads them (the viewer's own state, their private data, lists filtered by
 * what they may see). An operation selecting any of them is completed per viewer even for a public event.
 */
const VIEWER_DEPENDENT_FIELDS = new Set([
  'viewerIsFollowing',
  'me',
  'note',
  'email',
  'reply',
  'links',
  'reviews',
  'followers',
  'following',
  'homeFeed',
  'notifications',
  'unreadNotificationCount',
  'notificationSettings',
]);

/** Whether an operation's payload can be shared by every subscriber of a public event. */
export function selectsOnlySharedFields(document: DocumentNode): boolean {
  let shared = true;
  visit(document, {
    [Kind.FIELD]: (node) => {
      if (VIEWER_DEPENDENT_FIELDS.has(node.name.value)) shared = false;
    },
  });
  return shared;
}

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

  get(operationKey: string, event: FormattedExecutionResult, complete: () => Promise<T>): Promise<T> {
    const key = `${operationKey}\n${JSON.stringify(event.data)}`;
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
