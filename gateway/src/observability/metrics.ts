import type { Express, NextFunction, Request, Response } from 'express';
import { Histogram, collectDefaultMetrics, register } from 'prom-client';

const duration = new Histogram({
  name: 'http_request_duration_seconds',
  help: 'HTTP request duration',
  labelNames: ['route', 'status'],
  buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
});

/**
 * Default metrics that walk every handle or descriptor of the process on each scrape: with ten thousand WebSockets
 * open, one scrape held the event loop about 90 ms (live deliveries wait that long). The sockets are counted by
 * gateway_websockets instead.
 */
const PER_HANDLE_METRICS = [
  'nodejs_active_handles',
  'nodejs_active_handles_total',
  'nodejs_active_resources',
  'nodejs_active_resources_total',
  'process_open_fds',
];

export function metricsRoutes(app: Express): void {
  register.setDefaultLabels({ service: 'gateway' });
  // process metrics are the process's: registered once, however many gateways it runs (tests run several)
  if (!register.getSingleMetric('process_cpu_user_seconds_total')) {
    collectDefaultMetrics();
    for (const name of PER_HANDLE_METRICS) register.removeSingleMetric(name);
  }
  app.use((req: Request, res: Response, next: NextFunction) => {
    const end = duration.startTimer({ route: req.path === '/graphql' ? '/graphql' : 'other' });
    res.on('finish', () => end({ status: String(res.statusCode) }));
    next();
  });
  app.get('/metrics', async (_req, res) => {
    res.type(register.contentType).send(await register.metrics());
  });
}
