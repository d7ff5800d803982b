import type { ForwardedIdentity } from '@link-archive/core';

/**
 * Who a result is for, as a key: requests (and subgraph fetches) share a result only when everything that decides
 * what they may see agrees.
 */
export const identityScope = ({ viewer, partnerKeyId }: ForwardedIdentity): string =>
  JSON.stringify([
    viewer?.userId,
    viewer?.sessionId,
    viewer?.role,
    viewer?.plan,
    viewer?.anonymous,
    partnerKeyId,
  ]);
