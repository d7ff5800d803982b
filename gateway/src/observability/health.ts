import type { Redis } from '@link-archive/core';
import type { Express } from 'express';

/** /healthz: the process is up. /readyz: every subgraph reports ready and Redis answers. */
export function healthRoutes(app: Express, subgraphUrls: Record<string, string>, redis: Redis): void {
  app.get('/healthz', (_req, res) => void res.json({ status: 'ok' }));
  app.get('/readyz', async (_req, res) => {
    const checks: Record<string, string> = {};
    await Promise.all([
      ...Object.entries(subgraphUrls).map(async ([name, url]) => {
        try {
          const r = await fetch(new URL('/readyz', url), { signal: AbortSignal.timeout(2_000) });
          checks[name] = r.ok ? 'ok' : `HTTP ${r.status}`;
        } catch (err) {
          checks[name] = (err as Error).name === 'TimeoutError' ? 'timeout' : 'unreachable';
        }
      }),
      redis
        .ping()
        .then(() => void (checks.redis = 'ok'))
        .catch(() => void (checks.redis = 'unreachable')),
    ]);
    const ready = Object.values(checks).every((c) => c === 'ok');
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'unavailable', checks });
  });
}
