import type { ForwardedIdentity, Logger, Viewer } from '@link-archive/core';
import { forbidden, unauthenticated } from '@link-archive/core';

/** What every resolver receives; subgraphs extend it with their per-request loaders. */
export interface BaseContext {
  identity: ForwardedIdentity;
  viewer: Viewer | null;
  requestId: string;
  logger: Logger;
  /**
   * Set by a subscription field while it resolves an event that every subscriber of the operation may receive
   * in full ('public': what a signed-out reader may see): the event then tells the gateway so (extensions.audience),
   * and the gateway completes it once for all of them.
   */
  liveAudience?: 'public';
}

export function requireViewer(ctx: BaseContext): Viewer {
  if (!ctx.viewer) throw unauthenticated();
  return ctx.viewer;
}

export function requireAdmin(ctx: BaseContext): Viewer {
  const viewer = requireViewer(ctx);
  if (viewer.role !== 'ADMIN') throw forbidden('ADMIN role required');
  return viewer;
}
