import type { TestAccount } from './accounts';
import { subscribe, type LiveSubscription } from './gateway-subscription';

export interface LinkEvent {
  id: string;
  status: string;
  [field: string]: unknown;
}

export type LinkEvents = LiveSubscription<LinkEvent>;

/** `linkUpdated` through the gateway as the app subscribes, each payload's link as received. */
export function subscribeLinkUpdated(
  account: TestAccount,
  linkId?: string,
  selection = 'id status',
): LinkEvents {
  return subscribe<LinkEvent>(
    `subscription LinkUpdated($id: ID) { linkUpdated(id: $id) { ${selection} } }`,
    { id: linkId ?? null },
    { token: account.accessToken, select: (data) => data.linkUpdated as LinkEvent },
  );
}

/**
 * graphql-ws acknowledges a connection before its subscription is registered (on a fresh gateway, before the
 * upstream one is), so an event can pass a subscription that is not live yet. Saves warm-up links until every
 * subscription has received one; returns the id of the warm-up they all received.
 */
export async function provenLive(
  subscriptions: LinkEvents[],
  saveWarmUp: (attempt: number) => Promise<string>,
  attempts = 8,
): Promise<string> {
  for (let attempt = 1; ; attempt++) {
    const warmUp = await saveWarmUp(attempt);
    try {
      await Promise.all(subscriptions.map((s) => s.until((e) => e.id === warmUp, 5_000)));
      return warmUp;
    } catch (missed) {
      if (attempt >= attempts) throw missed;
    }
  }
}
