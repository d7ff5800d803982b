/**
 * Where `npm start` runs its embedded PostgreSQL when DATABASE_URL is unset, so local tools (grant-admin)
 * find the same database without being told.
 */
export const EMBEDDED_POSTGRES = {
  defaultPort: 54329,
  user: 'postgres',
  password: 'postgres',
  database: 'link_archive',
};

export function embeddedServerUrl(port = EMBEDDED_POSTGRES.defaultPort, database = 'postgres'): string {
  const { user, password } = EMBEDDED_POSTGRES;
  return `postgres://${user}:${password}@127.0.0.1:${port}/${database}`;
}

/** The embedded stack's application database, on EMBEDDED_POSTGRES_PORT when that is set. */
export const embeddedDatabaseUrl = (env: NodeJS.ProcessEnv = process.env) =>
  embeddedServerUrl(
    Number(env.EMBEDDED_POSTGRES_PORT) || EMBEDDED_POSTGRES.defaultPort,
    EMBEDDED_POSTGRES.database,
  );
