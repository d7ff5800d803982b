import { describe, expect, it } from 'vitest';
import { stack } from '@link-archive/testkit';

const at = (path: string) => new URL(path, stack().gatewayUrl).href;

describe('gateway HTTP endpoints', () => {
  it('reports liveness and readiness of every subgraph and Redis', async () => {
    expect(await (await fetch(at('/healthz'))).json()).toEqual({ status: 'ok' });
    const ready = await fetch(at('/readyz'));
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({
      status: 'ready',
      checks: { user: 'ok', link: 'ok', review: 'ok', feed: 'ok', media: 'ok', redis: 'ok' },
    });
  });

  it('serves Prometheus metrics', async () => {
    const text = await (await fetch(at('/metrics'))).text();
    expect(text).toMatch(/^http_request_duration_seconds_bucket\{/m);
    expect(text).toMatch(/^process_cpu_seconds_total/m);
    // sockets are counted by the gateway's own gauge, not by walking every handle on each scrape
    expect(text).toMatch(/^gateway_websockets[{ ]/m);
    expect(text).not.toMatch(/^(nodejs_active_handles|nodejs_active_resources|process_open_fds)/m);
  });

  it('serves GraphQL Playground to browsers', async () => {
    const res = await fetch(at('/graphql'), { headers: { accept: 'text/html' } });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('GraphQL Playground');
  });

  it('echoes the client request id and makes one when missing', async () => {
    const given = await fetch(at('/healthz'), { headers: { 'x-request-id': 'client-chosen-id-1' } });
    expect(given.headers.get('x-request-id')).toBe('client-chosen-id-1');
    const made = await fetch(at('/healthz'), { headers: { 'x-request-id': 'bad id with spaces' } });
    expect(made.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});
