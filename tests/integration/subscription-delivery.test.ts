import {
  DELIVERY_BATCH_EXTENSION,
  DELIVERY_CHANNEL_QUERY,
  INTERNAL_TOKEN_HEADER,
  SUBSCRIPTION_DELIVERY,
  SUBSCRIPTION_IDENTITY,
  signInternalToken,
  type DeliveryBatch,
  type SignedIdentity,
} from '@link-archive/core';
import { execute, signUp, stack, type TestAccount } from '@link-archive/testkit';
import { createClient, type Client } from 'graphql-ws';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';

/** The feed subgraph's WebSocket as the gateway opens it: one connection, signed as the gateway. */
function asGateway(): Client {
  return createClient({
    url: stack().subgraphUrls.feed.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    retryAttempts: 0,
    connectionParams: async () => ({
      [INTERNAL_TOKEN_HEADER]: await signInternalToken(stack().secrets.gatewaySecret, {
        viewer: null,
        partnerKeyId: null,
        clientIp: 'gateway',
      }),
    }),
  });
}

const identityOf = (account: TestAccount): SignedIdentity => ({
  viewer: { userId: account.id, role: 'USER', plan: 'FREE', anonymous: false, sessionId: 's' },
  partnerKeyId: null,
  clientIp: '127.0.0.1',
});

const follow = (who: TestAccount, whom: TestAccount) =>
  execute('mutation($id: ID!) { follow(userId: $id) { id } }', { id: whom.id }, { token: who.accessToken });

let client: Client | null = null;
afterEach(async () => {
  await client?.dispose();
  client = null;
});

describe('batched delivery from a subgraph', () => {
  it('sends the events of many member subscriptions as one channel message, one shared result for a public event', async () => {
    const author = await signUp();
    const followed = await signUp();
    const fans = [await signUp(), await signUp(), await signUp()];
    for (const fan of fans) await follow(fan, author);
    client = asGateway();

    const batches: DeliveryBatch[] = [];
    client.subscribe(
      {
        query: DELIVERY_CHANNEL_QUERY,
        extensions: {
          [SUBSCRIPTION_IDENTITY]: { viewer: null, partnerKeyId: null, clientIp: 'gateway' },
          [SUBSCRIPTION_DELIVERY]: { channel: true },
        },
      },
      {
        next: (message) =>
          batches.push((message.extensions as Record<string, DeliveryBatch>)[DELIVERY_BATCH_EXTENSION]!),
        error: () => {},
        complete: () => {},
      },
    );
    // three members asking the same viewer-independent selection, one asking the viewer's own state
    const shared = 'subscription { feedUpdated { kind actor { id } followee { id } } }';
    const personal = 'subscription { feedUpdated { kind actor { id viewerIsFollowing } } }';
    const ownMessages: unknown[] = [];
    const members = [
      ...fans.map((fan, i) => ({ member: `fan${i}`, fan, query: shared })),
      { member: 'personal', fan: fans[0]!, query: personal },
    ];
    for (const { member, fan, query } of members) {
      client.subscribe(
        {
          query,
          extensions: { [SUBSCRIPTION_IDENTITY]: identityOf(fan), [SUBSCRIPTION_DELIVERY]: { member } },
        },
        { next: (r) => ownMessages.push(r), error: () => {}, complete: () => {} },
      );
    }
    // subscriptions are registered once the subgraph has read the followees; then the author follows someone
    await new Promise((r) => setTimeout(r, 800));
    await follow(author, followed);

    const deliveries = () =>
      batches.flatMap((b) =>
        b.runs.flatMap(([at, members]) => members.split(',').map((member) => ({ member, at, batch: b }))),
      );
    await expect
      .poll(() => new Set(deliveries().map((d) => d.member)).size, { timeout: 10_000 })
      .toBe(members.length);

    // every member's event came on the channel, none as a message of its own
    expect(ownMessages).toEqual([]);
    const byMember = new Map(deliveries().map((d) => [d.member, d]));
    const fanDeliveries = fans.map((_, i) => byMember.get(`fan${i}`)!);
    // the three shared-selection members point at one result in one message
    expect(new Set(fanDeliveries.map((d) => d.batch)).size).toBe(1);
    expect(new Set(fanDeliveries.map((d) => d.at)).size).toBe(1);
    const sharedResult = fanDeliveries[0]!.batch.results[fanDeliveries[0]!.at]!;
    expect(sharedResult.data).toEqual({
      feedUpdated: { kind: 'USER_FOLLOWED', actor: { id: author.id }, followee: { id: followed.id } },
    });
    expect(sharedResult.extensions).toEqual({ audience: 'public' });
    // the viewer-dependent selection was executed for its viewer
    const mine = byMember.get('personal')!;
    expect(mine.batch.results[mine.at]!.data).toEqual({
      feedUpdated: { kind: 'USER_FOLLOWED', actor: { id: author.id, viewerIsFollowing: true } },
    });
  });

  it('refuses an unknown delivery mode, a member id that is not one, and a member without an identity', async () => {
    client = asGateway();
    const refusal = (extensions: Record<string, unknown>) =>
      new Promise<unknown>((resolve) =>
        client!.subscribe(
          { query: 'subscription { feedUpdated { kind } }', extensions },
          { next: resolve, error: resolve, complete: () => {} },
        ),
      );
    const unknownMode = await refusal({
      [SUBSCRIPTION_IDENTITY]: { viewer: null, partnerKeyId: null, clientIp: 'gateway' },
      [SUBSCRIPTION_DELIVERY]: { member: '' },
    });
    expect(JSON.stringify(unknownMode)).toContain('unknown delivery mode');
    // a member id must not hold a run's separator: "a,b" would read as two members
    const separator = await refusal({
      [SUBSCRIPTION_IDENTITY]: { viewer: null, partnerKeyId: null, clientIp: 'gateway' },
      [SUBSCRIPTION_DELIVERY]: { member: 'a,b' },
    });
    expect(JSON.stringify(separator)).toContain('unknown delivery mode');
    const anonymous = await refusal({ [SUBSCRIPTION_DELIVERY]: { member: 'm1' } });
    expect(JSON.stringify(anonymous)).toContain('subscription without an identity');
  });
});
