/**
 * `npm run faults`: fault injection with real processes on an isolated stack, each scenario with a control
 * that proves its measure can see a loss. Writes RELIABILITY.md.
 *  A. SIGKILL storm: 1,000 links saved by 10 users, 2 worker processes, one killed 5 times while the pipeline
 *     drains (each replaced), no scheduler running: stuck links, READY links without a settled thumbnail,
 *     duplicates, and the time to settle after the last kill.
 *  B. Redis wipe with the scheduler running: every key of the deployment deleted mid-drain; time to settle.
 *  C. A subgraph down: partial data and SUBGRAPH_UNAVAILABLE at the missing fields.
 *  D. SIGTERM under load: a worker with 16 jobs in hand stops only after finishing them.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  deleteKeysWithPrefix,
  freePort,
  repoRoot,
  startIsolatedStack,
  type IsolatedStack,
} from '@link-archive/devstack';
import { inTransaction } from '@link-archive/events';
import { insertLink } from '@link-archive/link-domain';
import { Pool } from 'pg';
import { describeMachine } from './machine';

const LINKS = Number(process.env.FAULTS_LINKS ?? 1_000);
const USERS = 10;
const KILLS = 5;
const HOSTS = 20;
const SETTLE_LIMIT_MS = 180_000;
// a tiny PNG every page names as its image, so every READY link owes a thumbnail
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAGAAAABACAIAAABqVuVZAAAAh0lEQVR42u3aMQ0AIAwEwOpBGmZQgBvM4KIaOlIu+fmT3vhp3DNLGXuV8np/AAIECBAgQIAAAQIECBAgQIAANQP67eBqPyBAgAABAgQIECBAgAABAgQIUDcgg5lFERAgQIAAAQIECBAgQIAAAQLkP8hgZlEEBAgQIECAAAECBAgQIECAALUFSgmUHmjlPkAyAAAAAElFTkSuQmCC',
  'base64',
);

interface Site {
  server: Server;
  hosts: string[];
  url: (n: number, path?: string) => string;
  /** Milliseconds every page waits before answering (scenario D). */
  delayMs: number;
}

async function startSite(): Promise<Site> {
  const site = { delayMs: 0 } as Site;
  site.server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    if (path === '/robots.txt') return void res.writeHead(200, { 'content-type': 'text/plain' }).end('');
    if (path === '/image.png') return void res.writeHead(200, { 'content-type': 'image/png' }).end(PNG);
    setTimeout(() => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(
        `<!doctype html><html lang="en"><head><title>Page ${path}</title><meta property="og:image" content="/image.png">
         <meta name="description" content="A page about fault injection ${path}"></head><body><article>
         ${'<p>Workers die, Redis forgets, subgraphs go away; the archive keeps every saved link and its card.</p>'.repeat(6)}
         </article></body></html>`,
      );
    }, site.delayMs);
  });
  await new Promise<void>((r) => site.server.listen(0, '0.0.0.0', r));
  const port = (site.server.address() as AddressInfo).port;
  site.hosts = Array.from({ length: HOSTS }, (_, i) => `127.0.0.${i + 2}:${port}`);
  site.url = (n, path = `/p/${n}`) => `http://${site.hosts[n % HOSTS]}${path}`;
  return site;
}

function worker(
  stack: IsolatedStack,
  site: Site,
  processors: string,
  env: Record<string, string> = {},
): ChildProcess {
  return spawn(process.execPath, [join(repoRoot, 'workers/dist/index.js')], {
    env: {
      ...process.env,
      NODE_ENV: 'production',
      LOG_LEVEL: 'silent',
      WORKERS: processors,
      DATABASE_URL: stack.databaseUrl,
      REDIS_URL: stack.redisUrl,
      REDIS_PREFIX: stack.redisPrefix,
      S3_ENDPOINT: stack.s3Endpoint,
      S3_BUCKET: stack.s3Bucket,
      MEDIA_PUBLIC_BASE_URL: `${stack.s3Endpoint}/${stack.s3Bucket}`,
      CRAWLER_ALLOWED_HOSTS: site.hosts.join(','),
      CRAWLER_HOST_INTERVAL_MS: '0',
      JOB_LOCK_MS: '5000',
      JOB_BACKOFF_MS: '500',
      ...env,
    },
    stdio: 'ignore',
  });
}

const exited = (child: ChildProcess) =>
  child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve()
    : new Promise<void>((resolve) => child.once('exit', () => resolve()));

async function gql<T>(url: string, query: string, variables: Record<string, unknown>, token?: string) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token && { authorization: `Bearer ${token}` }) },
    body: JSON.stringify({ query, variables }),
  });
  return (await res.json()) as {
    data?: T;
    errors?: { message: string; path?: unknown[]; extensions?: { code?: string } }[];
  };
}

async function signUps(stack: IsolatedStack, n: number): Promise<string[]> {
  const tokens: string[] = [];
  for (let i = 0; i < n; i++) {
    const { data } = await gql<{ signUpAnonymous: { accessToken: string } }>(
      stack.gatewayUrl,
      'mutation { signUpAnonymous { accessToken } }',
      {},
    );
    tokens.push(data!.signUpAnonymous.accessToken);
  }
  return tokens;
}

/** Saves `count` links through the gateway, spread over the users, 10 at a time. */
async function saveMany(stack: IsolatedStack, site: Site, tokens: string[], count: number, offset: number) {
  const ids: string[] = [];
  for (let i = 0; i < count; i += 10) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(10, count - i) }, (_, j) =>
        gql<{ saveLink: { id: string } }>(
          stack.gatewayUrl,
          'mutation($url: String!) { saveLink(url: $url) { id } }',
          { url: site.url(offset + i + j) },
          tokens[(i + j) % tokens.length],
        ),
      ),
    );
    ids.push(...batch.map((r) => r.data!.saveLink.id));
  }
  return ids;
}

/** What a loss looks like among these links: not settled, READY without a settled thumbnail, duplicates. */
async function losses(db: Pool, ids: string[]) {
  const { rows } = await db.query<{ stuck: number; unthumbed: number; dupTags: number; dupThumbs: number }>(
    `SELECT
       count(*) FILTER (WHERE l.status NOT IN ('READY', 'FAILED'))::int AS stuck,
       count(*) FILTER (WHERE l.status = 'READY' AND l.image_url IS NOT NULL AND NOT EXISTS (
         SELECT 1 FROM media.media_assets m WHERE m.link_id = l.id AND m.kind = 'THUMBNAIL'))::int AS unthumbed,
       count(*) FILTER (WHERE (SELECT count(*) FROM jsonb_array_elements(l.tags) t) <>
                              (SELECT count(DISTINCT t->>'name') FROM jsonb_array_elements(l.tags) t))::int AS "dupTags",
       (SELECT count(*)::int FROM (SELECT link_id FROM media.media_assets WHERE kind = 'THUMBNAIL' AND link_id = ANY($1::uuid[])
          GROUP BY 1 HAVING count(*) > 1) d) AS "dupThumbs"
     FROM link.links l WHERE l.id = ANY($1::uuid[])`,
    [ids],
  );
  return rows[0]!;
}

async function settle(db: Pool, ids: string[], limitMs: number) {
  const started = Date.now();
  for (;;) {
    const l = await losses(db, ids);
    if ((l.stuck === 0 && l.unthumbed === 0) || Date.now() - started > limitMs) {
      return { ...l, ms: Date.now() - started };
    }
    await new Promise((r) => setTimeout(r, 500));
  }
}

/** Control rows: a link CRAWLING with no job, and a READY link with an image but no thumbnail. */
async function plantLosses(db: Pool): Promise<string[]> {
  const transaction = (work: Parameters<typeof inTransaction>[1]) => inTransaction(db, work);
  const ids: string[] = [];
  for (const n of [1, 2]) {
    const id = (await insertLink(transaction as never, {
      ownerId: '00000000-0000-4000-8000-00000000000' + n,
      ownerPlan: 'FREE',
      url: `https://control.invalid/${n}`,
      normalizedUrl: `https://control.invalid/${n}`,
      note: null,
      tags: [],
      visibility: 'PRIVATE',
    }))!;
    ids.push(id);
  }
  await db.query(`UPDATE link.links SET status = 'CRAWLING' WHERE id = $1`, [ids[0]]);
  await db.query(
    `UPDATE link.links SET status = 'READY', image_url = 'https://control.invalid/i.png', crawled_at = now() WHERE id = $1`,
    [ids[1]],
  );
  return ids;
}

async function sigkillStorm(stack: IsolatedStack, site: Site, db: Pool) {
  const control = await plantLosses(db);
  const seen = await losses(db, control);
  const tokens = await signUps(stack, USERS);
  let workers = [worker(stack, site, 'crawl,tag,thumbnail'), worker(stack, site, 'crawl,tag,thumbnail')];
  const ids = await saveMany(stack, site, tokens, LINKS, 0);
  let lastKill = 0;
  let unsettledAtFirstKill = 0;
  for (let k = 0; k < KILLS; k++) {
    await new Promise((r) => setTimeout(r, 2_000));
    if (k === 0) unsettledAtFirstKill = (await losses(db, ids)).stuck;
    const victim = workers[k % 2]!;
    victim.kill('SIGKILL');
    await exited(victim);
    lastKill = Date.now();
    workers[k % 2] = worker(stack, site, 'crawl,tag,thumbnail');
  }
  const result = await settle(db, ids, SETTLE_LIMIT_MS);
  const afterControl = await losses(db, control);
  await Promise.all(workers.map((w) => (w.kill('SIGTERM'), exited(w))));
  workers = [];
  return {
    ...result,
    settledAfterLastKillMs: Date.now() - lastKill,
    unsettledAtFirstKill,
    controlSeen:
      seen.stuck === 1 && seen.unthumbed === 1 && afterControl.stuck === 1 && afterControl.unthumbed === 1,
  };
}

async function redisWipe(stack: IsolatedStack, site: Site, db: Pool) {
  const tokens = await signUps(stack, 2);
  const fast = { RECONCILE_EVERY_MS: '2000', RECONCILE_AFTER_MS: '3000' };
  const workers = [worker(stack, site, 'crawl,tag,thumbnail'), worker(stack, site, 'schedule', fast)];
  const ids = await saveMany(stack, site, tokens, 200, LINKS);
  await new Promise((r) => setTimeout(r, 300));
  await deleteKeysWithPrefix(stack.redisUrl, stack.redisPrefix);
  const wiped = Date.now();
  // control: the wipe took work that had not finished (links still to settle right after it)
  const unsettledAtWipe = (await losses(db, ids)).stuck;
  const result = await settle(db, ids, SETTLE_LIMIT_MS);
  await Promise.all(workers.map((w) => (w.kill('SIGTERM'), exited(w))));
  return { ...result, unsettledAtWipe, settledAfterWipeMs: Date.now() - wiped };
}

async function subgraphDown(stack: IsolatedStack) {
  const [token] = await signUps(stack, 1);
  await gql(stack.gatewayUrl, 'mutation { saveLink(url: "https://example.com/down") { id } }', {}, token);
  const query = '{ me { handle links { edges { node { url rating { count } } } } } }';
  const healthy = await gql<{ me: { handle: string } }>(stack.gatewayUrl, query, {}, token);
  const port = await freePort();
  const gatewayPort = await freePort();
  const gateway = spawn(process.execPath, [join(repoRoot, 'gateway/dist/index.js')], {
    env: {
      ...process.env,
      NODE_ENV: 'production',
      LOG_LEVEL: 'silent',
      PORT: String(gatewayPort),
      GATEWAY_SECRET: stack.secrets.gatewaySecret,
      JWT_PUBLIC_KEY: stack.secrets.jwtPublicKey,
      REDIS_URL: stack.redisUrl,
      REDIS_PREFIX: stack.redisPrefix,
      ...Object.fromEntries(
        Object.entries(stack.subgraphUrls).map(([n, u]) => [`SUBGRAPH_${n.toUpperCase()}_URL`, u]),
      ),
      SUBGRAPH_REVIEW_URL: `http://127.0.0.1:${port}/graphql`,
    },
    stdio: 'ignore',
  });
  const url = `http://127.0.0.1:${gatewayPort}/graphql`;
  for (
    let i = 0;
    i < 100 &&
    !(await fetch(new URL('/healthz', url)).then(
      (r) => r.ok,
      () => false,
    ));
    i++
  ) {
    await new Promise((r) => setTimeout(r, 100));
  }
  const down = await gql<{ me: { handle: string } }>(url, query, {}, token);
  gateway.kill('SIGTERM');
  await exited(gateway);
  return {
    controlErrors: healthy.errors?.length ?? 0,
    partialData: down.data?.me?.handle !== undefined,
    codes: [...new Set(down.errors?.map((e) => e.extensions?.code))],
    paths: down.errors?.map((e) => (e.path ?? []).join('.')),
  };
}

async function sigtermUnderLoad(stack: IsolatedStack, site: Site, db: Pool) {
  const run = async (signal: 'SIGTERM' | 'SIGKILL', offset: number) => {
    const tokens = await signUps(stack, 2);
    site.delayMs = 3_000;
    const child = worker(stack, site, 'crawl', { CRAWL_CONCURRENCY: '16' });
    const ids = await saveMany(stack, site, tokens, 16, offset);
    // every link's crawl is in hand (CRAWLING) before the signal
    for (let i = 0; i < 100; i++) {
      const { rows } = await db.query(
        `SELECT count(*)::int AS n FROM link.links WHERE id = ANY($1) AND status = 'CRAWLING'`,
        [ids],
      );
      if (rows[0].n === 16) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    child.kill(signal);
    await exited(child);
    site.delayMs = 0;
    const { rows } = await db.query(
      `SELECT count(*) FILTER (WHERE status IN ('TAGGING', 'READY'))::int AS finished FROM link.links WHERE id = ANY($1)`,
      [ids],
    );
    return rows[0].finished as number;
  };
  const finishedOnSigterm = await run('SIGTERM', LINKS + 1_000);
  // control: killed instead, the same load is cut (the measure sees unfinished jobs)
  const finishedOnSigkill = await run('SIGKILL', LINKS + 2_000);
  return { inHand: 16, finishedOnSigterm, finishedOnSigkill };
}

async function main() {
  const site = await startSite();
  const stack = await startIsolatedStack('faults', {
    RATE_LIMIT_PER_MINUTE: '100000000',
    SIGNUP_MAX_PER_IP: '1000000',
    CRAWLER_ALLOWED_HOSTS: site.hosts.join(','),
  });
  const db = new Pool({ connectionString: stack.databaseUrl, max: 4 });
  try {
    console.log('A. SIGKILL storm…');
    const a = await sigkillStorm(stack, site, db);
    console.log(a);
    console.log('B. Redis wipe…');
    const b = await redisWipe(stack, site, db);
    console.log(b);
    console.log('C. subgraph down…');
    const c = await subgraphDown(stack);
    console.log(c);
    console.log('D. SIGTERM under load…');
    const d = await sigtermUnderLoad(stack, site, db);
    console.log(d);
    writeFileSync(join(repoRoot, 'RELIABILITY.md'), report(a, b, c, d));
    const failed =
      a.stuck + a.unthumbed + a.dupTags + a.dupThumbs > 0 ||
      !a.controlSeen ||
      b.stuck + b.unthumbed > 0 ||
      c.controlErrors > 0 ||
      !c.partialData ||
      !c.codes.includes('SUBGRAPH_UNAVAILABLE') ||
      d.finishedOnSigterm < d.inHand;
    if (failed) process.exitCode = 1;
  } finally {
    await db.end();
    await stack.close();
    site.server.close();
  }
}

function report(
  a: Awaited<ReturnType<typeof sigkillStorm>>,
  b: Awaited<ReturnType<typeof redisWipe>>,
  c: Awaited<ReturnType<typeof subgraphDown>>,
  d: Awaited<ReturnType<typeof sigtermUnderLoad>>,
): string {
  const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  return `# Reliability

Reproduce with \`npm run faults\` (about five minutes): an isolated production-mode stack, a local site on ${HOSTS}
hostnames, real worker processes killed and signalled. Machine: ${describeMachine()}. Measured
${new Date().toISOString().slice(0, 10)}. Each scenario has a control that shows its measure sees a loss.

## A. SIGKILL storm, no scheduler running

${LINKS} links saved through the gateway by ${USERS} users; 2 worker processes (crawl, tag, thumbnail; JOB_LOCK_MS
5000); one of them SIGKILLed ${KILLS} times, 2 s apart, while the pipeline drains, each replaced at once. Only BullMQ's
stalled-job recovery and the processors themselves recover the work.

| measure | value |
| --- | ---: |
| links still in the pipeline at the first kill (the storm hits a draining pipeline) | ${a.unsettledAtFirstKill} |
| links not settled (not READY or FAILED) | ${a.stuck} |
| READY links whose thumbnail is not settled | ${a.unthumbed} |
| links with a duplicated tag / links with two thumbnails | ${a.dupTags} / ${a.dupThumbs} |
| all settled, after the last kill | ${s(a.settledAfterLastKillMs)} (limit 180 s) |
| control: a planted stuck link and a planted READY link without thumbnail were both counted | ${a.controlSeen ? 'yes' : 'NO'} |

## B. Redis wipe, scheduler running

200 links saved; 300 ms later every key under the deployment's prefix is deleted (queues, job schedulers, caches).
The scheduler (RECONCILE_EVERY_MS 2000, RECONCILE_AFTER_MS 3000) finds its schedulers gone and registers them
again; the reconciler re-queues what PostgreSQL says is unfinished.

| measure | value |
| --- | ---: |
| control: links unfinished at the wipe (work the wipe took) | ${b.unsettledAtWipe} |
| links not settled at the end / READY without thumbnail | ${b.stuck} / ${b.unthumbed} |
| all settled, after the wipe, with no restart | ${s(b.settledAfterWipeMs)} |

## C. A subgraph down

A second gateway whose review subgraph URL answers nothing; \`{ me { handle links { … rating { count } } } }\`.

| measure | value |
| --- | ---: |
| control: errors from the healthy gateway | ${c.controlErrors} |
| partial data served (the user and links) | ${c.partialData ? 'yes' : 'NO'} |
| error codes | ${c.codes.join(', ')} |
| error paths | ${[...new Set(c.paths)].slice(0, 3).join('; ')} |

## D. SIGTERM under load

A worker process with CRAWL_CONCURRENCY 16 holds 16 crawls of pages that take 3 s to answer, then is signalled.

| measure | value |
| --- | ---: |
| crawls in hand at the signal | ${d.inHand} |
| finished before the process exited, on SIGTERM | ${d.finishedOnSigterm} |
| control: finished on SIGKILL instead | ${d.finishedOnSigkill} |
`;
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
