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
