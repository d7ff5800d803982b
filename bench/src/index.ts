/**
 * `npm run bench`: the federation overhead and the crawl pipeline, each on its own production-mode stack
 * and fresh database; prints the figures and writes them to BENCHMARKS.md. BENCH_ONLY=federation|gateways|crawl|extraction|render|subscriptions|insights|analyser|search|home|fanout
 * runs one of them and replaces only its section of BENCHMARKS.md.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '@link-archive/devstack';
import { CRAWL_TARGET, LATENCY_TARGET_MS, crawlSection, runCrawlBenchmark } from './crawl-pipeline';
import { federationOverhead } from './federation-overhead';
import { describeMachine } from './machine';
import { speedProbe } from './speed-probe';
import { runSubscriptionBenchmark, subscriptionSection } from './subscriptions';
import { insightsSection, runInsightsBenchmark } from './review-insights';
import { analyserSection, runAnalyserAccuracy } from './analyser-accuracy';
import { homeFeedSection, runHomeFeedBenchmark } from './home-feed';
import { linkSearchSection, runLinkSearchBenchmark } from './link-search';
import { fanoutSection, runFanoutBenchmark } from './feed-fanout';
import { extractionSection, runExtractionAccuracy } from './extraction-accuracy';
import { renderSection, runRenderBenchmark } from './render-throughput';
import { gatewaysSection, runGatewaysBenchmark } from '@link-archive/bench-federation';

async function main() {
  const only = process.env.BENCH_ONLY;
  const sections: string[] = [];
  let failed = false;
  const probeBefore = speedProbe();
  if (!only || only === 'federation') {
    const federation = await federationOverhead();
    sections.push(federation.section);
    failed ||= federation.failed;
  }
  if (!only || only === 'gateways') {
    const gateways = await runGatewaysBenchmark({
      seconds: Number(process.env.BENCH_GATEWAYS_SECONDS ?? 30),
      only: process.env.BENCH_GATEWAYS_ONLY?.split(','),
    });
    sections.push(gatewaysSection(gateways));
    failed ||= gateways.runs.some((r) => r.errors > 0);
  }
  if (!only || only === 'crawl') {
    const crawl = await runCrawlBenchmark();
    sections.push(crawlSection(crawl));
    failed ||= crawl.failed > 0;
    const ratio = crawl.pipelinePerProcess / crawl.parseOnlyPerProcess;
    if (ratio < CRAWL_TARGET || crawl.p99 >= LATENCY_TARGET_MS)
      console.warn('the crawl pipeline misses its target');
  }
  if (!only || only === 'extraction') {
    const extraction = await runExtractionAccuracy();
    sections.push(extractionSection(extraction));
    failed ||= extraction.ours.future > 0;
  }
  if (!only || only === 'render') {
    const render = await runRenderBenchmark();
    sections.push(renderSection(render));
  }
  if (!only || only === 'subscriptions') {
    const subscriptions = await runSubscriptionBenchmark();
    sections.push(subscriptionSection(subscriptions));
    failed ||= subscriptions.delivered < subscriptions.events;
  }
  if (!only || only === 'search') {
    const search = await runLinkSearchBenchmark();
    sections.push(linkSearchSection(search));
    failed ||= search.errors > 0;
  }
  if (!only || only === 'home') {
    const home = await runHomeFeedBenchmark();
    sections.push(homeFeedSection(home));
    failed ||= home.errors > 0;
  }
  if (!only || only === 'fanout') {
    const fanout = await runFanoutBenchmark();
    sections.push(fanoutSection(fanout));
    failed ||= fanout.gateway.delivered < fanout.subscribers;
  }
  if (!only || only === 'analyser') sections.push(analyserSection(runAnalyserAccuracy()));
  if (!only || only === 'insights') {
    const insights = await runInsightsBenchmark();
    sections.push(insightsSection(insights));
    failed ||= insights.insights.errors + insights.insights.non2xx > 0;
  }
  console.log(sections.join('\n'));
  const probe = `speed probe ${probeBefore} ms before, ${speedProbe()} ms after (fixed single-core work; lower is faster)`;
  console.log(probe);
  if (only) {
    // one benchmark run alone replaces its own section of BENCHMARKS.md
    const file = join(repoRoot, 'BENCHMARKS.md');
    let markdown = readFileSync(file, 'utf8');
    const stamp = `\n_Measured alone (BENCH_ONLY) on ${describeMachine()}, ${new Date().toISOString().slice(0, 10)}; ${probe}._\n`;
    for (const section of sections) markdown = replaceSection(markdown, `${section.trimEnd()}\n${stamp}`);
    writeFileSync(file, markdown);
  } else {
    writeFileSync(
      join(repoRoot, 'BENCHMARKS.md'),
      `# Benchmarks

Reproduce with \`npm run bench\`: each benchmark starts its own production-mode stack on a fresh database and drops
it after. Machine: ${describeMachine()}. Measured ${new Date().toISOString().slice(0, 10)}; ${probe}. The speed
probe times a fixed piece of single-core work (\`bench/src/speed-probe.ts\`): this kind of machine's cores change speed
from minute to minute, and the probe tells whether a figure moved with the machine or with the code.

${sections.join('\n')}`,
    );
  }
  if (failed) {
    console.error('some requests or links failed: the figures are not valid');
    process.exitCode = 1;
  }
}

/** Puts a section (from its "## " heading to the next) in place of the one with the same heading, or at the end. */
function replaceSection(markdown: string, section: string): string {
  const heading = section.split('\n')[0]!;
  const start = markdown.indexOf(`${heading}\n`);
  if (start < 0) return `${markdown.trimEnd()}\n\n${section}`;
  const next = markdown.indexOf('\n## ', start + heading.length);
  return `${markdown.slice(0, start)}${section.trimEnd()}\n${next < 0 ? '' : markdown.slice(next)}`;
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
