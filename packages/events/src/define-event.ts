import type { z } from 'zod';

/** A domain event's contract: its name, version and the payload every emitter must match. */
export interface EventContract<P extends z.ZodType = z.ZodType> {
  name: string;
  version: number;
  payload: P;
}

export function defineEvent<P extends z.ZodType>(contract: EventContract<P>): EventContract<P> {
  return contract;
}

/** An event as stored in an outbox and delivered: the id is what consumers deduplicate by. */
export interface DomainEvent<T = unknown> {
  id: string;
  name: string;
  version: number;
  payload: T;
  occurredAt: string;
}

export type PayloadOf<C extends EventContract> = z.output<C['payload']>;
