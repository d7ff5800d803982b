import type { Queryable } from '@link-archive/events';

/** Runs work in one transaction of the link store: pg's pool in the workers, TypeORM's in the subgraph. */
export type Transactor = <T>(work: (tx: Queryable) => Promise<T>) => Promise<T>;
