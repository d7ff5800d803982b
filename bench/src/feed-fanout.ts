/**
 * One feedUpdated event to many subscribers: N accounts follow one author and each subscribes through the
 * gateway over its own graphql-ws socket to `feedUpdated { kind createdAt actor { handle } link { id url } }`
 * (feed, user and link subgraphs); items are committed by the feed domain's own addFeedItem (the row and its
 * feed.item_added in one transaction), one at a time, and the time from COMMIT to each payload is measured.
 * Beside it, a plain graphql-ws server with one local schema delivers events to as many clients, in the same run.
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
/** Events every subscriber receives before the measured ones: each process on the path has run it warm. */
const WARM_UP_EVENTS = 3;
/** Events measured, one at a time; each figure is the median over them. */
const MEASURED_EVENTS = 3;
const PAUSE_MS = 2_000;

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

/** Each figure's median over the measured events; delivered is the fewest any event reached. */
function medianOf(deliveries: Delivery[]): Delivery {
  const median = (pick: (d: Delivery) => number) =>
    percentile(
      deliveries.map(pick).sort((a, b) => a - b),
      0.5,
    );
  return {
    delivered: Math.min(...deliveries.map((d) => d.delivered)),
    first: median((d) => d.first),
    p50: median((d) => d.p50),
    p99: median((d) => d.p99),
    max: median((d) => d.max),
  };
}

/**
 * Sends the warm-up events and then the measured ones, one at a time, each after every subscriber has the
 * previous one; returns each measured event's delivery.
 */
async function measureEvents(
  subscribers: Subscribers,
  send: (event: number) => Promise<number>,
  complete: (event: number, data: Record<string, unknown>) => boolean,
): Promise<Delivery[]> {
  const deliveries: Delivery[] = [];
  for (let event = 0; event < WARM_UP_EVENTS + MEASURED_EVENTS; event++) {
    subscribers.arrived.fill(0);
    subscribers.frames.fill(null);
    const sentAt = await send(event);
    await waitFor(subscribers.arrived, 60_000);
    if (event < WARM_UP_EVENTS) {
      if (subscribers.arrived.some((t) => t === 0))
        throw new Error(`warm-up event ${event} did not reach every subscriber`);
    } else {
      const done = completeDeliveries(subscribers, (data) => complete(event, data));
      deliveries.push(summarize(subscribers.arrived, done, sentAt));
    }
    await new Promise((r) => setTimeout(r, PAUSE_MS));
  }
  return deliveries;
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
    const links: { id: string }[] = [];
    for (let event = 0; event < WARM_UP_EVENTS + MEASURED_EVENTS; event++)
      links.push(await saveLink(`https://bench.invalid/fanout-${event}`));
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
    await new Promise((r) => setTimeout(r, 5_000)); // upstream registrations settle
    // one LINK_SAVED item per event, committed by the feed domain (the row and feed.item_added together)
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

    const fetches = async () =>
      (await metric(stack.subgraphUrls.user, 'http_request_duration_seconds_count', 'route="/graphql"')) +
      (await metric(stack.subgraphUrls.link, 'http_request_duration_seconds_count', 'route="/graphql"'));
    const completions = () => metric(stack.gatewayUrl, 'gateway_subscription_completions_total');
    let fetchesBefore = 0;
    let completionsBefore = 0;
    const deliveries = await measureEvents(
      subscribers,
      async (event) => {
        if (event === WARM_UP_EVENTS) {
          fetchesBefore = await fetches();
          completionsBefore = await completions();
        }
        await commitItem(links[event]!.id);
        return performance.now();
      },
      (event, data) => {
        const item = data.feedUpdated as {
          actor?: { handle?: string };
          link?: { id?: string; url?: string };
        };
        return !!item.actor?.handle && item.link?.id === links[event]!.id && !!item.link.url;
      },
    );
    return {
      ...medianOf(deliveries),
      rssMb: Math.round((await metric(stack.gatewayUrl, 'process_resident_memory_bytes')) / 2 ** 20),
      upstreamFetches: ((await fetches()) - fetchesBefore) / MEASURED_EVENTS,
      completions: ((await completions()) - completionsBefore) / MEASURED_EVENTS,
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
    await new Promise((r) => setTimeout(r, PAUSE_MS));
    // the same warm-up and measured events as through the gateway
    let rss = Promise.resolve('0');
    const deliveries = await measureEvents(
      subscribers,
      async () => {
        rss = next('rss ');
        const from = performance.now();
        child.stdin!.write('emit\n');
        return from;
      },
      (_event, data) => !!(data.feedUpdated as { handle?: string }).handle,
    );
    return { ...medianOf(deliveries), rssMb: Number(await rss) };
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
to \`feedUpdated { ${SELECTION} }\` (feed, user and link subgraphs); items are committed by the feed domain's own addFeedItem
(the row and its event together), and latency runs from COMMIT to each payload (relay, Redis pub/sub, the feed subgraph, the gateway's
completion). On both servers ${WARM_UP_EVENTS} events (not counted) reach every subscriber first, so every process on the path runs
warm code, as in a live system; then ${MEASURED_EVENTS} measured events, one at a time ${PAUSE_MS / 1000} s apart, and each figure is the median over
them. The plain server is graphql-ws with one local schema delivering one in-memory event to as many clients, in the same run,
as its own process. \`BENCH_ONLY=fanout npm run bench\`.

| server | delivered | first | p50 | p99 | max | RSS |
| --- | ---: | ---: | ---: | ---: | ---: | ---: |
${row('plain graphql-ws server', f.plain, `${f.plain.rssMb} MB`)}
${row('gateway (federated)', f.gateway, `${f.gateway.rssMb} MB`)}

Upstream entity fetches per event (user + link subgraphs): ${f.gateway.upstreamFetches}; event completions at the
gateway per event: ${f.gateway.completions}.
`;
}
