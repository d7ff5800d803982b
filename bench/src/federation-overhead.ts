/**
 * `me { id handle }` through the gateway against the same query sent straight to the user subgraph with
 * the gateway's credential: what federation costs per request.
 */
import { INTERNAL_TOKEN_HEADER, signInternalToken } from '@link-archive/core';
import { startIsolatedStack } from '@link-archive/devstack';
import { load, type LoadResult } from './load';

const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const QUERY = JSON.stringify({ query: '{ me { id handle } }' });

/** Runs the benchmark and returns its section of BENCHMARKS.md; `failed` when any request failed. */
export async function federationOverhead(): Promise<{ section: string; failed: boolean }> {
  // production mode, without the per-minute rate limit in the way of the load
  const stack = await startIsolatedStack('bench', {
    RATE_LIMIT_PER_MINUTE: '100000000',
    // BENCH_GATEWAY_DEDUP=off measures every request executed on its own
    GATEWAY_DEDUP: process.env.BENCH_GATEWAY_DEDUP ?? 'on',
  });
  try {
    const signUp = (await (
      await fetch(stack.gatewayUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          query: 'mutation { signUpAnonymous(handle: "bench_user") { accessToken user { id } } }',
        }),
      })
    ).json()) as { data: { signUpAnonymous: { accessToken: string; user: { id: string } } } };
    const { accessToken, user } = signUp.data.signUpAnonymous;

    const viaGateway = await load(
      stack.gatewayUrl,
      { 'content-type': 'application/json', authorization: `Bearer ${accessToken}` },
      QUERY,
      { connections: CONNECTIONS, seconds: SECONDS },
    );
    // the internal token lives 60 s; made right before its run
    const internal = await signInternalToken(stack.secrets.gatewaySecret, {
      viewer: { userId: user.id, role: 'USER', plan: 'FREE', anonymous: true, sessionId: 'bench' },
      partnerKeyId: null,
      clientIp: '127.0.0.1',
    });
    const direct = await load(
      stack.subgraphUrls.user,
      { 'content-type': 'application/json', [INTERNAL_TOKEN_HEADER]: internal },
      QUERY,
      { connections: CONNECTIONS, seconds: SECONDS },
    );
    return report(viaGateway, direct);
  } finally {
    await stack.close();
  }
}

function report(gateway: LoadResult, direct: LoadResult) {
  const row = (name: string, r: LoadResult) =>
    `| ${name} | ${r.requestsPerSecond.toFixed(0)} | ${r.p50} | ${r.p99} | ${r.errors + r.non2xx} |`;
  const ratio = gateway.requestsPerSecond / direct.requestsPerSecond;
  const table = [
    '| target | requests/s | p50 ms | p99 ms | errors |',
    '| --- | ---: | ---: | ---: | ---: |',
    row('gateway → user subgraph', gateway),
    row('user subgraph, direct', direct),
  ].join('\n');
  console.log(`\n${table}\n\ngateway/direct throughput: ${ratio.toFixed(2)}\n`);
  const section = `## Federation overhead: \`me { id handle }\`

Load: autocannon, ${CONNECTIONS} connections, ${SECONDS} s after a 3 s warm-up, from the same machine.

${table}

Gateway throughput is ${(ratio * 100).toFixed(0)} % of the subgraph's own (ratio ${ratio.toFixed(2)}). A request through the
gateway also passes its checks (the access token, verified once and then cached until it expires; session
revocation and the rate limit, two Redis round trips), its query plan (cached per operation) and a second HTTP
hop; the load generator, the gateway and every subgraph share the same two cores.
`;
  return { section, failed: gateway.errors + gateway.non2xx + direct.errors + direct.non2xx > 0 };
}
