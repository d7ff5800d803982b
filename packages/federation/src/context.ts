import type { ForwardedIdentity, Logger, Viewer } from '@link-archive/core';
import { forbidden, unauthenticated } from '@link-archive/core';

/** What every resolver receives; subgraphs extend it with their per-request loaders. */
export interface BaseContext {
  identity: ForwardedIdentity;
  viewer: Viewer | null;
  requestId: string;
  logger: Logger;
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
