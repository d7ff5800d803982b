/**
 * `npm run bench`: `me { id handle }` through the gateway against the same query sent straight to the
 * user subgraph with the gateway's credential. Prints the figures and writes them to BENCHMARKS.md.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { INTERNAL_TOKEN_HEADER, signInternalToken } from '@link-archive/core';
import { repoRoot, startIsolatedStack } from '@link-archive/devstack';
import { load, type LoadResult } from './load';
import { describeMachine } from './machine';

const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const QUERY = JSON.stringify({ query: '{ me { id handle } }' });

async function main() {
  // production mode, without the per-minute rate limit in the way of the load
  const stack = await startIsolatedStack('bench', { RATE_LIMIT_PER_MINUTE: '100000000' });
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
    report(viaGateway, direct);
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
  const doc = `# Benchmarks

Reproduce with \`npm run bench\` (it starts its own production-mode stack on a fresh database and drops it after).
Load: autocannon, ${CONNECTIONS} connections, ${SECONDS} s after a 3 s warm-up, from the same machine.

## Federation overhead: \`me { id handle }\`

Machine: ${describeMachine()}. Measured ${new Date().toISOString().slice(0, 10)}.

${table}

Gateway throughput is ${(ratio * 100).toFixed(0)} % of the subgraph's own (ratio ${ratio.toFixed(2)}). A request through the
gateway also passes its checks (the access token, verified once and then cached until it expires; session
revocation and the rate limit, two Redis round trips), its query plan (cached per operation) and a second HTTP
hop; the load generator, the gateway and every subgraph share the same two cores.
`;
  writeFileSync(join(repoRoot, 'BENCHMARKS.md'), doc);
  if (gateway.errors + gateway.non2xx + direct.errors + direct.non2xx > 0) {
    console.error('some requests failed: the figures are not valid');
    process.exitCode = 1;
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
