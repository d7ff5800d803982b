import { randomUUID } from 'node:crypto';
import { insertLink } from '@link-archive/link-domain';
import { crawlQueue } from '@link-archive/queues';
import { deleteKeysWithPrefix } from '@link-archive/devstack';
import { stack } from '@link-archive/testkit';
import { Worker } from 'bullmq';
import { workersEnvironment } from '../src/environment';
import type { ResolvedAddress } from '../src/http/guarded-fetch';
import { processors } from '../src/registry';
import { createWorkerDeps, type WorkerDeps } from '../src/worker-deps';

export interface LinkRow {
  id: string;
  status: string;
  error: string | null;
  title: string | null;
  description: string | null;
  language: string | null;
  page_kind: string;
  tags: { name: string; source: string }[];
  structured_data: unknown;
  image_url: string | null;
}

export interface PipelineHarness {
  deps: WorkerDeps;
  workers: Worker[];
  /** Every address a socket was about to connect to, as seen by the guarded client's connect hook. */
  connects: string[];
  /** A link row as the link subgraph writes it, and its crawl job. */
  save: (url: string, extra?: { ownerPlan?: string; enqueue?: boolean }) => Promise<string>;
  waitForLink: (id: string, done?: (row: LinkRow) => boolean, timeoutMs?: number) => Promise<LinkRow>;
  close: () => Promise<void>;
}

const FINISHED = (row: LinkRow) => row.status === 'READY' || row.status === 'FAILED';

/**
 * The real processors in this test process, on the test stack's database and S3 but a Redis prefix of
 * their own (so the stack's worker processes never take these jobs), with a connect hook and a DNS of the
 * test's own: `*.private.test` resolves to 10.0.0.7, `*.site.test` to 127.0.0.1.
 */
export async function startPipelineHarness(
  name: string,
  overrides: Record<string, string> = {},
  which = ['crawl', 'tag', 'thumbnail'],
): Promise<PipelineHarness> {
  const info = stack();
  const env = workersEnvironment.parse({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATABASE_URL: info.databaseUrl,
    REDIS_URL: info.redisUrl,
    REDIS_PREFIX: `${info.redisPrefix}${name}-${randomUUID().slice(0, 8)}:`,
    S3_ENDPOINT: info.s3Endpoint,
    S3_BUCKET: info.s3Bucket,
    MEDIA_PUBLIC_BASE_URL: `${info.s3Endpoint}/${info.s3Bucket}`,
    CRAWLER_ALLOWED_HOSTS: `127.0.0.1:${info.sitePort},fixture.site.test:${info.sitePort}`,
    CRAWLER_HOST_INTERVAL_MS: '0',
    CRAWLER_HEADERS_TIMEOUT_MS: '1500',
    CRAWLER_TOTAL_TIMEOUT_MS: '3000',
    JOB_ATTEMPTS: '2',
    JOB_BACKOFF_MS: '100',
    JOB_LOCK_MS: '3000',
    ...overrides,
  });
  const deps = createWorkerDeps(env);
  const connects: string[] = [];
  deps.fetchOptions.onConnect = (address) => connects.push(address);
  deps.fetchOptions.resolve = async (hostname: string): Promise<ResolvedAddress[]> => {
    if (hostname.endsWith('.private.test')) return [{ address: '10.0.0.7', family: 4 }];
    if (hostname.endsWith('.site.test')) return [{ address: '127.0.0.1', family: 4 }];
    throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
  };
  const running = processors.filter((p) => which.includes(p.name)).flatMap((p) => p.start(deps));
  const workers = running.filter((r): r is Worker => r instanceof Worker);

  const save = async (url: string, extra: { ownerPlan?: string; enqueue?: boolean } = {}) => {
    // a save as the link subgraph makes it (the URL taken as already normalized), then its crawl job
    const id = (await insertLink(deps.transaction, {
      ownerId: randomUUID(),
      ownerPlan: extra.ownerPlan ?? 'FREE',
      url,
      normalizedUrl: url,
      note: null,
      tags: [],
      visibility: 'PRIVATE',
    }))!;
    if (extra.enqueue !== false) await deps.enqueuer.enqueue(crawlQueue, { linkId: id, generation: 1 });
    return id;
  };

  const waitForLink = async (id: string, done = FINISHED, timeoutMs = 20_000) => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const { rows } = await deps.db.query<LinkRow>(
        `SELECT id, status, error, title, description, language, page_kind, tags, structured_data, image_url
           FROM link.links WHERE id = $1`,
        [id],
      );
      if (rows[0] && done(rows[0])) return rows[0];
      if (Date.now() > deadline) throw new Error(`link ${id} did not finish: ${JSON.stringify(rows[0])}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };

  return {
    deps,
    workers,
    connects,
    save,
    waitForLink,
    close: async () => {
      await Promise.all(running.map((r) => r.close()));
      await deps.close();
      await deleteKeysWithPrefix(env.REDIS_URL, env.REDIS_PREFIX);
    },
  };
}
