import { Counter, Histogram, collectDefaultMetrics, register } from 'prom-client';

let started = false;

/** Process-wide metrics; default Node metrics are registered once per process. */
export function processMetrics(service: string) {
  if (!started) {
    register.setDefaultLabels({ service });
    collectDefaultMetrics();
    started = true;
  }
  return register;
}

export const dbStatements = new Counter({
  name: 'db_statements_total',
  help: 'SQL statements sent to PostgreSQL',
});

export const httpDuration = new Histogram({
  name: 'http_request_duration_seconds',
  help: 'HTTP request duration',
  labelNames: ['route', 'status'],
  buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
});
