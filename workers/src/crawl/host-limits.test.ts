import { isolatedRedis } from '@link-archive/testkit';
import { afterAll, describe, expect, it } from 'vitest';
import { HostBreaker } from './host-breaker';
import { HostPoliteness } from './host-politeness';

const redisSpace = isolatedRedis('hosts_test');
const redis = redisSpace.client();
const otherWorker = redisSpace.client();

afterAll(() => redisSpace.cleanup());

describe('HostPoliteness', () => {
  it('lets one fetch per interval through, across workers, and says how long to wait', async () => {
    const a = new HostPoliteness(redis, 500);
    const b = new HostPoliteness(otherWorker, 500);
    expect(await a.acquire('Example.COM')).toBe(0);
    const wait = await b.acquire('example.com');
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(500);
    expect(await b.acquire('other.example')).toBe(0);
    await new Promise((r) => setTimeout(r, wait + 20));
    expect(await b.acquire('example.com')).toBe(0);
  });

  it('stretches the interval to the site crawl delay', async () => {
    const polite = new HostPoliteness(redis, 100);
    expect(await polite.acquire('slow.example', 3)).toBe(0);
    expect(await polite.acquire('slow.example', 3)).toBeGreaterThan(2_000);
  });
});

describe('HostBreaker', () => {
  it('opens after repeated failures and stays closed while fetches succeed', async () => {
    const breaker = new HostBreaker(redis, { threshold: 3, cooldownSeconds: 60 });
    await breaker.failure('flaky.example');
    await breaker.failure('flaky.example');
    await breaker.success('flaky.example');
    await breaker.failure('flaky.example');
    expect(await breaker.openFor('flaky.example')).toBe(0);
    await breaker.failure('dead.example');
    await breaker.failure('dead.example');
    await new HostBreaker(otherWorker, { threshold: 3, cooldownSeconds: 60 }).failure('DEAD.example');
    const open = await breaker.openFor('dead.example');
    expect(open).toBeGreaterThan(50);
    expect(open).toBeLessThanOrEqual(60);
  });
});
