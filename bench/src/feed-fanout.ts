/**
 * One feedUpdated event to many subscribers: N accounts follow one author and each subscribes through the
 * gateway over its own graphql-ws socket to `feedUpdated { kind createdAt actor { handle } link { id url } }`
 * (feed, user and link subgraphs); one item is committed by the feed domain's own addFeedItem (the row and its
 * feed.item_added in one transaction) and the time from COMMIT to each payload is measured. Beside it, a plain
 * graphql-ws server with one local schema delivers one event to as many clients, in the same run.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { startIsolatedStack } from '@link-archive/devstack';
import { inTransaction } from '@link-archive/events';
import { addFeedItem } from '@link-archive/feed-domain';
import { Pool } from 'pg';
import { gql, metric, percentile } from './bench-client';
import { completeDeliveries, openSubscribers, type Subscribers } from './protocol-subscribers';

const SUBSCRIBERS = Number(process.env.BENCH_FANOUT_SUBSCRIBERS ?? 10_000);
const SELECTION = 'kind createdAt actor { handle } link { id url }';

export interface Delivery {
  delivered: number;
  /** The first subscriber's latency: what passes before the server writes anything. */
  first: number;
  p50: number;
  p99: number;
  max: number;
}

export interface FanoutFigures {
  subscribers: number;
  gateway: Delivery & { rssMb: number; upstreamFetches: number; completions: number };
  plain: Delivery & { rssMb: number };
}

/** Latencies of the subscribers whose payload arrived complete. */
function summarize(arrived: number[], complete: boolean[], from: number): Delivery {
  const latencies = arrived
    .filter((t, i) => t > 0 && complete[i])
    .map((t) => t - from)
    .sort((a, b) => a - b);
  const pct = (p: number) => percentile(latencies, p);
  return {
    delivered: latencies.length,
    first: Math.round(latencies[0] ?? NaN),
    p50: pct(0.5),
    p99: pct(0.99),
    max: Math.round(latencies.at(-1) ?? NaN),
  };
}

async function waitFor(arrived: number[], timeoutMs: number): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (performance.now() < deadline && arrived.some((t) => t === 0))
    await new Promise((r) => setTimeout(r, 50));
}

async function throughGateway(): Promise<FanoutFigures['gateway']> {
  const stack = await startIsolatedStack(
    'bench_fanout',
    {
      RATE_LIMIT_PER_MINUTE: '100000000',
      SIGNUP_MAX_PER_IP: '1000000',
      WS_MAX_CONNECTIONS_PER_IP: String(SUBSCRIBERS + 100),
      WORKERS: 'relay',
    },
    { workers: true },
  );
  const db = new Pool({ connectionString: stack.databaseUrl, max: 4 });
  let subscribers: Subscribers | null = null;
  try {
    const author = await gql<{ signUpAnonymous: { accessToken: string; user: { id: string } } }>(
      stack.gatewayUrl,
      'mutation { signUpAnonymous { accessToken user { id } } }',
    );
    const saveLink = async (url: string) =>
      (
        await gql<{ saveLink: { id: string } }>(
          stack.gatewayUrl,
          'mutation($url: String!) { saveLink(url: $url, visibility: PUBLIC) { id } }',
          { url },
          author.signUpAnonymous.accessToken,
        )
      ).saveLink;
    const warmUpLink = await saveLink('https://bench.invalid/fanout-warm-up');
    const measuredLink = await saveLink('https://bench.invalid/fanout');
    const authorId = author.signUpAnonymous.user.id;
    console.log(`signing up ${SUBSCRIBERS} followers…`);
    const followers: { id: string; token: string }[] = [];
    for (let i = 0; i < SUBSCRIBERS; i += 50) {
      followers.push(
        ...(await Promise.all(
          Array.from({ length: Math.min(50, SUBSCRIBERS - i) }, async () => {
            const { signUpAnonymous } = await gql<{
              signUpAnonymous: { accessToken: string; user: { id: string } };
            }>(stack.gatewayUrl, 'mutation { signUpAnonymous { accessToken user { id } } }');
            return { id: signUpAnonymous.user.id, token: signUpAnonymous.accessToken };
          }),
        )),
      );
    }
    // the follow edges as the feed domain holds them (the follow mutation's other effects play no part here)
    await db.query(
      `INSERT INTO feed.follows (follower_id, followee_id) SELECT f::uuid, $1 FROM unnest($2::text[]) f`,
      [authorId, followers.map((f) => f.id)],
    );
    await db.query('INSERT INTO feed.follower_counts (user_id, followers) VALUES ($1, $2)', [
      authorId,
      SUBSCRIBERS,
    ]);

    console.log(`opening ${SUBSCRIBERS} subscriptions through the gateway…`);
    subscribers = await openSubscribers(
      SUBSCRIBERS,
      stack.gatewayUrl.replace(/^http/, 'ws'),
      (i) => ({ authorization: `Bearer ${followers[i]!.token}` }),
      `subscription { feedUpdated { ${SELECTION} } }`,
    );
    const { arrived } = subscribers;
    await new Promise((r) => setTimeout(r, 5_000)); // upstream registrations settle
    // one LINK_SAVED item, committed by the feed domain (the row and feed.item_added together)
    const commitItem = (linkId: string) =>
      inTransaction(db, (tx) =>
        addFeedItem(
          tx,
          {
            kind: 'LINK_SAVED',
            actorId: authorId,
            linkId,
            linkOwnerId: authorId,
            dedupeKey: `LINK_SAVED:${linkId}`,
          },
          'PUBLIC',
        ),
      );
    // a first item, not counted, reaches everyone before the measured one: every process on the path has run
    // it once (a live system is never cold), and it proves all subscriptions live
    await commitItem(warmUpLink.id);
    await waitFor(arrived, 60_000);
    if (arrived.some((t) => t === 0)) throw new Error('the warm-up item did not reach every subscriber');
    arrived.fill(0);
    subscribers.frames.fill(null);
    await new Promise((r) => setTimeout(r, 2_000));

    const fetches = async () =>
      (await metric(stack.subgraphUrls.user, 'http_request_duration_seconds_count', 'route="/graphql"')) +
      (await metric(stack.subgraphUrls.link, 'http_request_duration_seconds_count', 'route="/graphql"'));
    const fetchesBefore = await fetches();
    const completionsBefore = await metric(stack.gatewayUrl, 'gateway_subscription_completions_total');

    const committedAt = await commitItem(measuredLink.id).then(() => performance.now());
    await waitFor(arrived, 60_000);
    const complete = completeDeliveries(subscribers, (data) => {
      const item = data.feedUpdated as { actor?: { handle?: string }; link?: { id?: string; url?: string } };
      return !!item.actor?.handle && item.link?.id === measuredLink.id && !!item.link.url;
    });
    const delivery = summarize(arrived, complete, committedAt);
    return {
      ...delivery,
      rssMb: Math.round((await metric(stack.gatewayUrl, 'process_resident_memory_bytes')) / 2 ** 20),
      upstreamFetches: (await fetches()) - fetchesBefore,
      completions:
        (await metric(stack.gatewayUrl, 'gateway_subscription_completions_total')) - completionsBefore,
    };
  } finally {
    await subscribers?.close();
    await db.end();
    await stack.close();
  }
}

/** The same fan-out from a plain graphql-ws server (its own process): one local schema, no federation. */
async function plainServer(): Promise<FanoutFigures['plain']> {
  const child = spawn(process.execPath, [join(__dirname, 'plain-ws-server.js')], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout! });
  const next = (prefix: string) =>
    new Promise<string>((resolve) => {
      const onLine = (line: string) => {
        if (!line.startsWith(prefix)) return;
        lines.off('line', onLine);
        resolve(line.slice(prefix.length).trim());
      };
      lines.on('line', onLine);
    });
  const port = await next('port ');
  let subscribers: Subscribers | null = null;
  try {
    subscribers = await openSubscribers(
      SUBSCRIBERS,
      `ws://127.0.0.1:${port}`,
      () => undefined,
      'subscription { feedUpdated { kind createdAt handle } }',
    );
    await new Promise((r) => setTimeout(r, 2_000));
    // the same uncounted first event as through the gateway
    const warmedUp = next('rss ');
    child.stdin!.write('emit\n');
    await warmedUp;
    await waitFor(subscribers.arrived, 60_000);
    subscribers.arrived.fill(0);
    subscribers.frames.fill(null);
    await new Promise((r) => setTimeout(r, 2_000));
    const rss = next('rss ');
    const from = performance.now();
    child.stdin!.write('emit\n');
    await waitFor(subscribers.arrived, 60_000);
    const complete = completeDeliveries(
      subscribers,
      (data) => !!(data.feedUpdated as { handle?: string }).handle,
    );
    return { ...summarize(subscribers.arrived, complete, from), rssMb: Number(await rss) };
  } finally {
    await subscribers?.close();
    child.kill();
  }
}

export async function runFanoutBenchmark(): Promise<FanoutFigures> {
  const plain = await plainServer();
  const gateway = await throughGateway();
  return { subscribers: SUBSCRIBERS, gateway, plain };
}

export function fanoutSection(f: FanoutFigures): string {
  const row = (name: string, d: Delivery, rss: string) =>
    `| ${name} | ${d.delivered} / ${f.subscribers} | ${d.first} ms | ${d.p50} ms | ${d.p99} ms | ${d.max} ms | ${rss} |`;
  return `## Live fan-out: one feedUpdated event to ${f.subscribers.toLocaleString('en')} subscribers

${f.subscribers.toLocaleString('en')} accounts follow one author, each subscribed through the gateway over its own graphql-ws socket
to \`feedUpdated { ${SELECTION} }\` (feed, user and link subgraphs); one item is committed by the feed domain's own addFeedItem
(the row and its event together), and latency runs from COMMIT to each payload (relay, Redis pub/sub, the feed subgraph, the gateway's
completion). An earlier item (not counted) reaches every subscriber first, on both servers: the path is warm, as in a live system. The plain server is graphql-ws with one local schema delivering one in-memory event to as many
clients, in the same run, as its own process. \`BENCH_ONLY=fanout npm run bench\`.

| server | delivered | first | p50 | p99 | max | RSS |
| --- | ---: | ---: | ---: | ---: | ---: | ---: |
${row('plain graphql-ws server', f.plain, `${f.plain.rssMb} MB`)}
${row('gateway (federated)', f.gateway, `${f.gateway.rssMb} MB`)}

Upstream entity fetches for the event (user + link subgraphs): ${f.gateway.upstreamFetches}; event completions at the
gateway: ${f.gateway.completions}.
`;
}
