import 'reflect-metadata';
import type { Logger as AppLogger } from '@link-archive/core';
import { DataSource, type EntitySchema, type Logger, type MixedList } from 'typeorm';
import { dbStatements } from './metrics';

export interface DataSourceOptions {
  url: string;
  /** The PostgreSQL schema this subgraph owns; nobody else reads or writes it. */
  schema: string;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: MixedList<Function | EntitySchema>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: MixedList<Function>;
  logger: AppLogger;
  poolSize?: number;
}

/** Counts every statement (the DataLoader test reads it from /metrics) and logs slow or failing ones. */
class CountingLogger implements Logger {
  constructor(private readonly app: AppLogger) {}
  logQuery() {
    dbStatements.inc();
  }
  logQueryError(error: string | Error, query: string) {
    this.app.warn({ err: error, query: query.slice(0, 500) }, 'query failed');
  }
  logQuerySlow(time: number, query: string) {
    this.app.warn({ ms: time, query: query.slice(0, 500) }, 'slow query');
  }
  logSchemaBuild() {}
  logMigration(message: string) {
    this.app.info({ migration: message }, 'migration');
  }
  log(level: 'log' | 'info' | 'warn', message: unknown) {
    if (level === 'warn') this.app.warn({ message }, 'typeorm');
  }
}

export function createDataSource(options: DataSourceOptions): DataSource {
  return new DataSource({
    type: 'postgres',
    url: options.url,
    schema: options.schema,
    entities: options.entities,
    migrations: options.migrations,
    migrationsTableName: `${options.schema}_migrations`,
    migrationsTransactionMode: 'each',
    synchronize: false,
    // ids come from gen_random_uuid(), built into PostgreSQL 13+; no extensions to install
    installExtensions: false,
    logger: new CountingLogger(options.logger),
    maxQueryExecutionTime: 1_000,
    extra: {
      max: options.poolSize ?? 10,
      connectionTimeoutMillis: 5_000,
      statement_timeout: 15_000,
      application_name: `link-archive-${options.schema}`,
      // raw SQL sees only this subgraph's own schema; no JIT: compiling a statement's expressions (tens of ms)
      // costs more than it saves on the short statements a request runs
      options: `-c search_path="${options.schema}" -c jit=off`,
    },
  });
}

/**
 * Runs this subgraph's migrations under an advisory lock, so replicas starting together migrate once.
 * The schema is created first because the migrations table lives inside it.
 */
export async function migrate(ds: DataSource, schema: string): Promise<void> {
  const runner = ds.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock(hashtext($1))', [`migrate:${schema}`]);
    await runner.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
    await ds.runMigrations({ transaction: 'each' });
  } finally {
    await runner.query('SELECT pg_advisory_unlock(hashtext($1))', [`migrate:${schema}`]).catch(() => {});
    await runner.release();
  }
}
