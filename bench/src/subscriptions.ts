/**
 * linkUpdated through the gateway with many concurrent subscribers, each its own user: a link change is
 * committed the way the link domain commits one (the row and its link.updated in one transaction), and the
 * time from COMMIT to each subscriber's payload is measured. Payloads select fields of three subgraphs.
 */
import { randomUUID } from 'node:crypto';
import { startIsolatedStack, type IsolatedStack } from '@link-archive/devstack';
import { inTransaction } from '@link-archive/events';
import { applyEdits } from '@link-archive/link-domain';
import { createClient, type Client } from 'graphql-ws';
import { Pool } from 'pg';
import WebSocket from 'ws';
import { gql, metric, percentile } from './bench-client';

const SUBSCRIBERS = Number(process.env.BENCH_SUBSCRIBERS ?? 1_000);
const ROUNDS = Number(process.env.BENCH_SUBSCRIPTION_ROUNDS ?? 5);
/** Commits per second while a round is emitted. */
const RATE = Number(process.env.BENCH_SUBSCRIPTION_RATE ?? 100);
const SELECTION = 'id status note owner { handle } thumbnail { url(size: SMALL) }';

interface Subscriber {
  userId: string;
  linkId: string;
  client: Client;
  received: Map<string, number>;
}

export interface SubscriptionFigures {
  subscribers: number;
  events: number;
  delivered: number;
  p50: number;
  p99: number;
  max: number;
  upstreamFetchesPerEvent: number;
  completionsPerEvent: number;
  upstreamSubscriptions: number;
}

async function subscriber(stack: IsolatedStack, n: number): Promise<Subscriber> {
  const { signUpAnonymous } = await gql<{ signUpAnonymous: { accessToken: string; user: { id: string } } }>(
    stack.gatewayUrl,
    'mutation { signUpAnonymous { accessToken user { id } } }',
    {},
  );
  const token = signUpAnonymous.accessToken;
  const { saveLink } = await gql<{ saveLink: { id: string } }>(
    stack.gatewayUrl,
    'mutation($u: String!) { saveLink(url: $u) { id } }',
    { u: `https://bench.invalid/${n}` },
    token,
  );
  const received = new Map<string, number>();
  let acked!: () => void;
  const connected = new Promise<void>((resolve) => (acked = resolve));
  const client = createClient({
    url: stack.gatewayUrl.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${token}` },
    lazy: false,
    retryAttempts: 0,
    on: { connected: () => acked() },
  });
  client.subscribe<{ linkUpdated: { note: string | null } }>(
    { query: `subscription { linkUpdated { ${SELECTION} } }` },
    {
      next: (msg) => {
        const marker = msg.data?.linkUpdated.note;
        if (marker) received.set(marker, performance.now());
      },
      error: () => {},
      complete: () => {},
    },
  );
  await connected;
  return { userId: signUpAnonymous.user.id, linkId: saveLink.id, client, received };
}

export async function runSubscriptionBenchmark(): Promise<SubscriptionFigures> {
  const stack = await startIsolatedStack(
    'bench_subs',
    {
      RATE_LIMIT_PER_MINUTE: '100000000',
      SIGNUP_MAX_PER_IP: '1000000',
      WS_MAX_CONNECTIONS_PER_IP: String(SUBSCRIBERS + 100),
      WORKERS: 'relay',
    },
    { workers: true },
  );
  const db = new Pool({ connectionString: stack.databaseUrl, max: 8 });
  const subscribers: Subscriber[] = [];
  try {
    for (let i = 0; i < SUBSCRIBERS; i += 50) {
      const batch = Array.from({ length: Math.min(50, SUBSCRIBERS - i) }, (_, j) => subscriber(stack, i + j));
      subscribers.push(...(await Promise.all(batch)));
    }
    // the saves' own events and the subscriptions' registration settle before measuring
    await new Promise((r) => setTimeout(r, 3_000));
    const fetchesBefore =
      (await metric(stack.subgraphUrls.user, 'http_request_duration_seconds_count', 'route="/graphql"')) +
      (await metric(stack.subgraphUrls.media, 'http_request_duration_seconds_count', 'route="/graphql"'));
    const completionsBefore = await metric(stack.gatewayUrl, 'gateway_subscription_completions_total');
    const committed = new Map<string, number>();
    for (let round = 0; round < ROUNDS; round++) {
      const started = performance.now();
      for (const [i, s] of subscribers.entries()) {
        const marker = `r${round}-${randomUUID().slice(0, 8)}`;
        const due = started + (i * 1000) / RATE;
        const wait = due - performance.now();
        if (wait > 0) await new Promise((r) => setTimeout(r, wait));
        // the owner's edit as the link domain commits it: the row and its link.updated, together
        await applyEdits(
          (work) => inTransaction(db, work),
          { id: s.linkId, ownerId: s.userId },
          { note: marker },
        );
        committed.set(marker, performance.now());
      }
      const deadline = performance.now() + 30_000;
      while (performance.now() < deadline) {
        const arrived = subscribers.reduce((n, s) => n + s.received.size, 0);
        if (arrived >= committed.size) break;
        await new Promise((r) => setTimeout(r, 50));
      }
    }
    const latencies: number[] = [];
    for (const s of subscribers) {
      for (const [marker, at] of s.received) {
        const from = committed.get(marker);
        if (from !== undefined) latencies.push(at - from);
      }
    }
    latencies.sort((a, b) => a - b);
    const pct = (p: number) => percentile(latencies, p);
    const fetchesAfter =
      (await metric(stack.subgraphUrls.user, 'http_request_duration_seconds_count', 'route="/graphql"')) +
      (await metric(stack.subgraphUrls.media, 'http_request_duration_seconds_count', 'route="/graphql"'));
    const completionsAfter = await metric(stack.gatewayUrl, 'gateway_subscription_completions_total');
    return {
      subscribers: SUBSCRIBERS,
      events: committed.size,
      delivered: latencies.length,
      p50: pct(0.5),
      p99: pct(0.99),
      max: Math.round(latencies.at(-1) ?? NaN),
      upstreamFetchesPerEvent: (fetchesAfter - fetchesBefore) / committed.size,
      completionsPerEvent: (completionsAfter - completionsBefore) / committed.size,
      upstreamSubscriptions: await metric(stack.gatewayUrl, 'gateway_subscription_upstreams'),
    };
  } finally {
    await Promise.all(subscribers.map((s) => s.client.dispose()));
    await db.end();
    await stack.close();
  }
}

export function subscriptionSection(f: SubscriptionFigures): string {
  const table = [
    '| measure | value |',
    '| --- | ---: |',
    `| concurrent subscribers (each its own user and socket) | ${f.subscribers} |`,
    `| events committed / payloads delivered | ${f.events} / ${f.delivered} |`,
    `| commit → client, p50 / p99 / max | ${f.p50} ms / ${f.p99} ms / ${f.max} ms |`,
    `| upstream entity fetches per event (user + media subgraphs) | ${f.upstreamFetchesPerEvent.toFixed(2)} |`,
    `| event completions per event at the gateway | ${f.completionsPerEvent.toFixed(2)} |`,
    `| upstream subscriptions held at the link subgraph | ${f.upstreamSubscriptions} |`,
  ].join('\n');
  console.log(`\n${table}\n`);
  return `## Subscriptions: linkUpdated through the gateway

Each subscriber signs up, saves a link and subscribes over its own graphql-ws socket to
\`linkUpdated { ${SELECTION} }\` (link, user and media subgraphs). The benchmark then commits ${ROUNDS} rounds of
one change per subscriber's link at ${RATE} commits/s, each as the link domain commits one (the row and its
link.updated in one transaction); latency runs from COMMIT returning to the payload reaching that subscriber,
through the relay (LISTEN/NOTIFY), Redis pub/sub, the link subgraph's socket to the gateway and the gateway's
entity fetches. Gateway, subgraphs, relay, PostgreSQL, Redis and the 1,000 clients share the two cores.

${table}
`;
}
