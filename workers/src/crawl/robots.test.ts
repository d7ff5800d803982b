import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isolatedRedis } from '@link-archive/testkit';
import { afterAll, describe, expect, it } from 'vitest';
import { AllowedHosts } from '../http/address-policy';
import { RobotsPolicy } from './robots';

const redisSpace = isolatedRedis('robots_test');
const redis = redisSpace.client();
const servers: Server[] = [];

afterAll(async () => {
  await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
  await redisSpace.cleanup();
});

/** A site answering /robots.txt with the given status and body, counting robots.txt requests. */
async function site(status: number, body = '') {
  let requests = 0;
  const server = createServer((req, res) => {
    if (req.url === '/robots.txt') requests++;
    res.writeHead(status, { 'content-type': 'text/plain' });
    res.end(body);
  });
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  const policy = new RobotsPolicy(redis, { allowedHosts: new AllowedHosts([`127.0.0.1:${port}`]) });
  return { policy, origin: `http://127.0.0.1:${port}`, requests: () => requests };
}

describe('RobotsPolicy', () => {
  it('honours rules for our user agent and reads its crawl delay', async () => {
    const s = await site(
      200,
      'User-agent: *\nDisallow: /private\n\nUser-agent: LinkArchiveBot\nDisallow: /no-bots\nCrawl-delay: 2\n',
    );
    expect(await s.policy.check(new URL(`${s.origin}/no-bots/page`))).toEqual({
      allowed: false,
      crawlDelaySeconds: 2,
    });
    expect((await s.policy.check(new URL(`${s.origin}/private/page`))).allowed).toBe(true);
    expect((await s.policy.check(new URL(`${s.origin}/article`))).allowed).toBe(true);
    // one fetch of robots.txt, the rest from the per-host cache
    expect(s.requests()).toBe(1);
  });

  it('allows everything when robots.txt is missing', async () => {
    const s = await site(404);
    expect((await s.policy.check(new URL(`${s.origin}/anything`))).allowed).toBe(true);
  });

  it('disallows the site while robots.txt fails', async () => {
    const s = await site(503);
    expect((await s.policy.check(new URL(`${s.origin}/anything`))).allowed).toBe(false);
  });
});
