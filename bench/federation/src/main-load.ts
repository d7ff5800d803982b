/**
 * The load generator as its own process (pinned beside the subgraphs): autocannon against one gateway, the
 * result as JSON on stdout. `node main-load.js <url> <connections> <seconds> <body json>`.
 */
import autocannon from 'autocannon';

const [url, connections, seconds, body] = process.argv.slice(2) as [string, string, string, string];
autocannon(
  {
    url,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
    connections: Number(connections),
    duration: Number(seconds),
  },
  (err, result) => {
    if (err) {
      console.error(err);
      process.exit(1);
    }
    console.log(
      JSON.stringify({
        requests: result.requests.total,
        seconds: result.duration,
        rps: result.requests.average,
        p50: result.latency.p50,
        p99: result.latency.p99,
        errors: result.errors + result.timeouts + result.non2xx,
        bytes: result.throughput.total,
      }),
    );
  },
);
