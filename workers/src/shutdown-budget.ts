import type { WorkersEnvironment } from './environment';
import { AI_CALL_RETRIES, AI_CALL_TIMEOUT_MS } from '@link-archive/ai';

/**
 * How long a job may run, from the limits that bound it, so a SIGTERM waits for the jobs in hand rather than
 * cutting them: a crawl fetches robots.txt and the page (each within the total fetch timeout), a render runs a
 * browser within its own limit, a thumbnail one
 * image, a tag job waits on the model with its retries. The container's stop grace period must be longer.
 */
export function shutdownBudgetMs(env: WorkersEnvironment): number {
  const crawl = 2 * env.CRAWLER_TOTAL_TIMEOUT_MS;
  // a render, then (when it keeps failing) the page read as served
  const render = env.RENDER_TIMEOUT_MS + env.CRAWLER_TOTAL_TIMEOUT_MS;
  const tag = env.OPENAI_API_KEY ? AI_CALL_TIMEOUT_MS * (AI_CALL_RETRIES + 1) : 0;
  const margin = 5_000; // PostgreSQL and Redis writes after the slow part
  return Math.max(crawl, render, tag, env.JOB_LOCK_MS) + margin;
}
