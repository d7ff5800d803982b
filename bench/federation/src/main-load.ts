/**
 * The load generator as its own process (pinned beside the subgraphs): autocannon against one gateway, the
 * result as JSON on stdout, with the 2xx latencies as a histogram of whole milliseconds so that several runs'
 * percentiles can be taken together. `node main-load.js <url> <connections> <seconds> <body json>`.
 */
import autocannon from 'autocannon';

const [url, connections, seconds, body] = process.argv.slice(2) as [string, string, string, string];
const latencies: Record<number, number> = {};
const instance = autocannon(
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
        latencies,
      }),
    );
  },
);
instance.on('response', (_client, statusCode, _bytes, responseTime) => {
  if (statusCode < 200 || statusCode > 299) return;
  const ms = Math.round(responseTime);
  latencies[ms] = (latencies[ms] ?? 0) + 1;
});
