import { CombinedGraphQLErrors, type ApolloClient } from '@apollo/client';
import {
  OutboxSaveLinkDocument,
  type OutboxSaveLinkMutation,
  type OutboxSaveLinkMutationVariables,
} from '../generated/graphql';
import type { KeyValueStorage } from '../session/storage';
import { newRequestId } from './request-id';

export type SaveLinkInput = Omit<OutboxSaveLinkMutationVariables, 'clientRequestId'>;
export type SavedLink = OutboxSaveLinkMutation['saveLink'];

export interface OutboxEntry {
  clientRequestId: string;
  input: SaveLinkInput;
  enqueuedAt: number;
  attempts: number;
}

/** Answers that sending again cannot change: the entry leaves the outbox, reported as rejected. */
const FINAL_CODES = new Set(['BAD_USER_INPUT', 'NOT_FOUND', 'FORBIDDEN', 'QUOTA_EXCEEDED']);
/** Most saves an outbox holds (the oldest are refused beyond it). */
export const OUTBOX_CAPACITY = 500;

export interface SaveLinkOutboxOptions {
  storage: KeyValueStorage;
  onSaved?: (entry: OutboxEntry, link: SavedLink) => void;
  onRejected?: (entry: OutboxEntry, error: Error) => void;
  storageKey?: string;
  newRequestId?: () => string;
}

export interface FlushResult {
  saved: number;
  rejected: number;
  pending: number;
}

/**
 * Saves made offline (or that failed on the way) wait in storage and are sent in order when `flush` runs; each
 * keeps the client request id it was given when enqueued, so a save whose answer was lost is sent again
 * without being saved twice (the server answers a repeated id with the link it saved). A network failure
 * stops the flush and keeps the rest; an answer no retry can change drops the entry and reports it.
 */
export class SaveLinkOutbox {
  private flushing: Promise<FlushResult> | null = null;
  /** Storage changes one at a time, so an enqueue during a flush is never overwritten. */
  private changes: Promise<unknown> = Promise.resolve();
  private readonly key: string;

  constructor(
    private readonly client: ApolloClient,
    private readonly options: SaveLinkOutboxOptions,
  ) {
    this.key = options.storageKey ?? 'link-archive:outbox';
  }

  /** Keeps the save for sending (now, if `flush` follows) and returns its client request id. */
  enqueue(input: SaveLinkInput): Promise<string> {
    return this.change(async (entries) => {
      if (entries.length >= OUTBOX_CAPACITY)
        throw new Error(`The outbox holds ${OUTBOX_CAPACITY} saves already: flush it first`);
      const entry: OutboxEntry = {
        clientRequestId: (this.options.newRequestId ?? newRequestId)(),
        input,
        enqueuedAt: Date.now(),
        attempts: 0,
      };
      return [[...entries, entry], entry.clientRequestId];
    });
  }

  async pending(): Promise<OutboxEntry[]> {
    const stored = await this.options.storage.getItem(this.key);
    return stored ? (JSON.parse(stored) as OutboxEntry[]) : [];
  }

  /** Sends what waits, in order; concurrent calls share one run. */
  flush(): Promise<FlushResult> {
    this.flushing ??= this.send().finally(() => {
      this.flushing = null;
    });
    return this.flushing;
  }

  /** Flushes every `intervalMs` until the returned function is called (the app also flushes when back online). */
  flushEvery(intervalMs: number): () => void {
    const timer = setInterval(() => void this.flush().catch(() => {}), intervalMs);
    return () => clearInterval(timer);
  }

  private async send(): Promise<FlushResult> {
    const result: FlushResult = { saved: 0, rejected: 0, pending: 0 };
    for (;;) {
      const [entry] = await this.pending();
      if (!entry) return result;
      const outcome = await this.sendOne(entry);
      if (outcome === 'retry') {
        await this.update(entry.clientRequestId, (e) => ({ ...e, attempts: e.attempts + 1 }));
        result.pending = (await this.pending()).length;
        return result;
      }
      await this.remove(entry.clientRequestId);
      result[outcome] += 1;
    }
  }

  private async sendOne(entry: OutboxEntry): Promise<'saved' | 'rejected' | 'retry'> {
    try {
      const { data } = await this.client.mutate({
        mutation: OutboxSaveLinkDocument,
        variables: { ...entry.input, clientRequestId: entry.clientRequestId },
      });
      if (!data) return 'retry';
      this.options.onSaved?.(entry, data.saveLink);
      return 'saved';
    } catch (error) {
      const code = CombinedGraphQLErrors.is(error) ? error.errors[0]?.extensions?.code : undefined;
      if (typeof code === 'string' && FINAL_CODES.has(code)) {
        this.options.onRejected?.(entry, error as Error);
        return 'rejected';
      }
      return 'retry';
    }
  }

  private update(id: string, edit: (entry: OutboxEntry) => OutboxEntry): Promise<void> {
    return this.change(async (entries) => [
      entries.map((e) => (e.clientRequestId === id ? edit(e) : e)),
      undefined,
    ]);
  }

  private remove(id: string): Promise<void> {
    return this.change(async (entries) => [entries.filter((e) => e.clientRequestId !== id), undefined]);
  }

  private change<T>(edit: (entries: OutboxEntry[]) => Promise<[OutboxEntry[], T]>): Promise<T> {
    const next = this.changes.then(async () => {
      const [entries, value] = await edit(await this.pending());
      await this.options.storage.setItem(this.key, JSON.stringify(entries));
      return value;
    });
    this.changes = next.catch(() => {});
    return next;
  }
}
