/** Grants ADMIN to an existing account: `npm run grant-admin -w subgraphs/user -- <handle>`. */
import { createLogger, embeddedDatabaseUrl, parseEnvironment } from '@link-archive/core';
import { z } from 'zod';
import { userDataSource } from '../data-source';

async function main() {
  const handle = process.argv[2]?.toLowerCase();
  if (!handle) throw new Error('usage: grant-admin <handle>');
  // npm start's embedded database unless told otherwise (docker: `docker compose exec user npm run grant-admin …`)
  const env = parseEnvironment(z.object({ DATABASE_URL: z.string().min(1).default(embeddedDatabaseUrl()) }));
  const ds = userDataSource({ url: env.DATABASE_URL, logger: createLogger('grant-admin') });
  await ds.initialize();
  const result = await ds.query(`UPDATE users SET role = 'ADMIN' WHERE handle = $1 RETURNING id`, [handle]);
  await ds.destroy();
  if (!result[0]?.length) throw new Error(`no account with handle ${handle}`);
  console.log(`${handle} is now ADMIN`);
}

main().catch((err) => {
  console.error(err.message);
  process.exit(1);
});
